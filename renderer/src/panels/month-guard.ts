/**
 * The month-only guard of the near-repeat methods (DESIGN.md §4 "Guard rails"), inline in their
 * panels: day-level methods refuse records dated to a month only (police.uk), so the panel says how
 * many the filter holds and why, keeps Run disabled with that reason beside it, and offers the
 * override: run anyway with a reason, which the engine writes to the project's audit log and the
 * result carries as a caveat.
 */
import { PRECISION_CODE } from '../../../shared/model/time.js';
import { h, replaceChildren } from '../shell/dom.js';
import { count } from './ui.js';
import type { Workspace } from './workspace.js';

/** How many of the records are dated to a month only. */
export function monthOnlyCount(precision: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < precision.length; i++) if (precision[i] === PRECISION_CODE.month) n++;
  return n;
}

export interface MonthGuard {
  element: HTMLElement;
  /** Re-reads the filtered records; returns why Run must wait, or null when it may run. */
  update(): string | null;
  /** The override to send with the run, when the analyst gave one. */
  override(): { reason: string } | undefined;
  reset(): void;
}

export function monthGuard(
  ws: Workspace,
  method: string,
  idPrefix: string,
  onChange: () => void,
): MonthGuard {
  const reasonId = `${idPrefix}-month-reason`;
  const message = h('p', { class: 'guard-message', id: `${idPrefix}-month-message` });
  const allow = h('input', { type: 'checkbox', name: `${idPrefix}MonthOverride` });
  const reason = h('textarea', {
    class: 'input',
    id: reasonId,
    rows: '2',
    name: `${idPrefix}MonthReason`,
    placeholder: 'e.g. exploratory look at the quarter; dates to be confirmed with the force',
  });
  const reasonField = h(
    'label',
    { class: 'field' },
    h('span', { class: 'field-label' }, 'Reason (written to the project’s audit log)'),
    reason,
  );
  const element = h(
    'div',
    { class: 'guard', role: 'group', 'aria-label': `Month-only records (${method})` },
    message,
    h('label', { class: 'check' }, allow, 'Run anyway, placing each on a day of its month'),
    reasonField,
  );
  element.hidden = true;
  const sync = () => {
    reasonField.hidden = !allow.checked;
    onChange();
  };
  allow.addEventListener('change', sync);
  reason.addEventListener('input', onChange);
  let months = 0;
  return {
    element,
    update() {
      const columns = ws.records?.columns;
      months = columns ? monthOnlyCount(columns.precision) : 0;
      element.hidden = months === 0;
      reasonField.hidden = !allow.checked;
      if (months === 0) return null;
      replaceChildren(
        message,
        `${count(months)} of ${count(columns!.count)} records have a month only (e.g. police.uk). ` +
          `The ${method} works in days, so it refuses them: filter them out (Filter tab: the datasets or dates with days), ` +
          'or run anyway with a reason.',
      );
      if (!allow.checked)
        return `${count(months)} records have a month only: filter them out or give a reason to run anyway.`;
      if (reason.value.trim() === '') return 'Give the reason for running on month-only records.';
      return null;
    },
    override() {
      return months > 0 && allow.checked && reason.value.trim() !== ''
        ? { reason: reason.value.trim() }
        : undefined;
    },
    reset() {
      allow.checked = false;
      reason.value = '';
    },
  };
}
