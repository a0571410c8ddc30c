/**
 * Import wizard step 3, personal data: each PII finding is stripped (the default) or kept with a
 * reason of at least PII_OVERRIDE_MIN_REASON characters, which the engine writes to the audit log.
 */
import { PII_OVERRIDE_MIN_REASON } from '../../../shared/import/pii-types.js';
import { h } from '../shell/dom.js';
import type { WizardContext, WizardStep } from './import-wizard-state.js';

export const piiStep: WizardStep = {
  title: 'Personal data',
  view: piiView,
  ready: ({ state }) =>
    ![...state.pii.values()].some(
      (c) => c.action === 'override' && c.reason.trim().length < PII_OVERRIDE_MIN_REASON,
    ),
};

function piiView(ctx: WizardContext): HTMLElement {
  const { state } = ctx;
  if (state.preview.pii.length === 0) {
    return h(
      'div',
      { class: 'pii-none' },
      h(
        'p',
        {},
        'No column looks like it identifies people (names, dates of birth, phone numbers, e-mail addresses, full postcodes, free-text narratives).',
      ),
      h('p', { class: 'hint' }, 'The engine checks every row again while importing.'),
    );
  }
  return h(
    'div',
    {},
    h(
      'p',
      {},
      `${state.preview.pii.length} column(s) look like personal data. They are stripped unless you give a reason to keep them.`,
    ),
    ...state.preview.pii.map((finding) => findingChoice(ctx, finding)),
  );
}

function findingChoice(
  ctx: WizardContext,
  finding: WizardContext['state']['preview']['pii'][number],
): HTMLElement {
  const choice = ctx.state.pii.get(finding.column)!;
  const group = `pii-${finding.column.replace(/\W+/g, '_')}`;
  const strip = h('input', { type: 'radio', name: group, value: 'exclude' });
  const keep = h('input', { type: 'radio', name: group, value: 'override' });
  strip.checked = choice.action === 'exclude';
  keep.checked = choice.action === 'override';
  const reason = h('textarea', {
    class: 'input',
    rows: 2,
    placeholder: `Why this column must be kept (at least ${PII_OVERRIDE_MIN_REASON} characters; written to the audit log)`,
    'aria-label': `Reason to keep ${finding.column}`,
  });
  reason.value = choice.reason;
  reason.hidden = choice.action !== 'override';
  const update = () => {
    choice.action = keep.checked ? 'override' : 'exclude';
    choice.reason = reason.value;
    reason.hidden = choice.action !== 'override';
    ctx.updateNext();
  };
  strip.addEventListener('change', update);
  keep.addEventListener('change', update);
  reason.addEventListener('input', update);
  return h(
    'fieldset',
    { class: 'pii-finding', 'data-column': finding.column },
    h('legend', {}, `“${finding.column}”: ${finding.kind.replace(/_/g, ' ')} (found by ${finding.evidence})`),
    h('p', { class: 'hint' }, finding.reason, finding.example ? ` Example: ${finding.example}` : ''),
    h('label', { class: 'check' }, strip, 'Strip this column (recommended)'),
    h('label', { class: 'check' }, keep, 'Keep it, with a reason'),
    reason,
  );
}
