/**
 * The analyst's hand on a profile's generated findings (issue 10 item 9), beside the section text
 * boxes of profile-panel.ts:
 *
 *   findings   each generated finding (summary bullet, intelligence gap, recommendation) with Edit:
 *              the rewording is saved in the project (saveProfileText with `finding`), kept on
 *              rebuild, and every output marks it "edited by the analyst"; "Use generated" undoes it
 *   review     "Mark reviewed" stamps today's date (updateProfileFront reviewedAt); only then do the
 *              outputs say "reviewed by the analyst"; "Withdraw review" takes the mark away
 */
import type { ProfileDocument } from '../../../shared/api/profile-api.js';
import type { Finding, ProfileSection } from '../../../shared/profile/model.js';
import type { AppContext } from '../shell/app-context.js';
import { h, replaceChildren } from '../shell/dom.js';

/** Called with the document the engine returns after a saved change (preview and editor refresh). */
export type OnDocument = (doc: ProfileDocument) => void;

function today(): string {
  const d = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

function markOf(f: Finding): string {
  if (!f.edited) return '';
  return f.stale ? 'Edited before the figures changed: check it' : 'Edited by you';
}

function findingRow(
  app: AppContext,
  doc: ProfileDocument,
  section: ProfileSection,
  finding: Finding,
  onDoc: OnDocument,
): HTMLElement {
  const row = h('li', { class: 'finding-editor', 'data-finding': finding.id });
  const showText = () => {
    const edit = h(
      'button',
      { type: 'button', class: 'btn btn-small', 'data-action': 'edit-finding' },
      'Edit',
    );
    edit.addEventListener('click', showBox);
    const mark = markOf(finding);
    replaceChildren(
      row,
      h('span', {}, finding.text),
      ...(mark ? [h('span', { class: 'save-state' }, ` (${mark})`)] : []),
      ' ',
      edit,
    );
  };
  const save = async (text: string) => {
    try {
      onDoc(
        await app.api.saveProfileText({
          profileId: doc.id,
          sectionId: section.id,
          text,
          finding: { id: finding.id, generated: finding.generated },
        }),
      );
    } catch (error) {
      app.notifyError(error, 'Could not save the finding');
    }
  };
  const showBox = () => {
    const box = h('textarea', { class: 'input', rows: 3, 'aria-label': 'Finding' });
    box.value = finding.text;
    const ok = h(
      'button',
      { type: 'button', class: 'btn btn-small btn-primary', 'data-action': 'save-finding' },
      'Save',
    );
    const generated = h('button', { type: 'button', class: 'btn btn-small' }, 'Use generated');
    const cancel = h('button', { type: 'button', class: 'btn btn-small' }, 'Cancel');
    ok.addEventListener('click', () => void save(box.value));
    generated.addEventListener('click', () => void save(''));
    cancel.addEventListener('click', showText);
    replaceChildren(
      row,
      box,
      h('div', { class: 'row-actions' }, ok, ...(finding.edited ? [generated] : []), cancel),
      ...(finding.edited ? [h('p', { class: 'hint' }, `Generated: ${finding.generated}`)] : []),
    );
    box.focus();
  };
  showText();
  return row;
}

/** The section's generated findings, each editable; null when the section has none. */
export function findingsEditor(
  app: AppContext,
  doc: ProfileDocument,
  section: ProfileSection,
  onDoc: OnDocument,
): HTMLElement | null {
  const findings = section.findings ?? [];
  if (findings.length === 0) return null;
  return h(
    'ul',
    { class: 'findings-editor', 'data-testid': `findings-${section.id}` },
    ...findings.map((f) => findingRow(app, doc, section, f, onDoc)),
  );
}

/** "Draft" or "Reviewed on …", with the control that changes it. */
export function reviewControl(app: AppContext, doc: ProfileDocument, onDoc: OnDocument): HTMLElement {
  const reviewedAt = doc.model.review.reviewedAt;
  const button = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-small',
      'data-action': reviewedAt === null ? 'mark-reviewed' : 'withdraw-review',
    },
    reviewedAt === null ? 'Mark reviewed' : 'Withdraw review',
  );
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      onDoc(
        await app.api.updateProfileFront({
          profileId: doc.id,
          front: { reviewedAt: reviewedAt === null ? today() : null },
        }),
      );
    } catch (error) {
      button.disabled = false;
      app.notifyError(error, 'Could not change the review mark');
    }
  });
  const edited = doc.model.review.editedFindings;
  return h(
    'div',
    { class: 'row-actions', 'data-testid': 'profile-review' },
    h(
      'span',
      { class: 'hint' },
      reviewedAt === null
        ? 'Draft: the outputs say the findings are generated and not yet reviewed.'
        : `Reviewed by you on ${reviewedAt}.`,
      edited > 0 ? ` ${edited} finding${edited === 1 ? '' : 's'} reworded.` : '',
    ),
    button,
  );
}
