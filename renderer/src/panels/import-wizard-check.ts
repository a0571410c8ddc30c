/**
 * Import wizard step 4, check: a dry run of the whole import in a worker, with its progress inside
 * the (modal) dialog and Cancel; then accepted / warnings / rejected and the first issues (row,
 * column, value, reason), downloadable as CSV. Import is allowed once some rows are accepted.
 */
import type { ImportSummary } from '../../../shared/api/import-api.js';
import { ukDate } from '../../../shared/model/time.js';
import { h, replaceChildren } from '../shell/dom.js';
import { newJobId } from '../shell/jobs.js';
import { plainMessage } from '../shell/user-text.js';
import { issuesCsv } from './import-helpers.js';
import { importInput, messageOf, type WizardContext, type WizardStep } from './import-wizard-state.js';
import { count, download } from './ui.js';

const ISSUES_SHOWN = 25;

export const checkStep: WizardStep = {
  title: 'Check',
  view: ({ state }) =>
    state.checking !== null || state.summary === null
      ? progressView(state.file.name)
      : summaryView(state.summary),
  ready: ({ state }) => state.checking === null && state.summary !== null && state.summary.rowsAccepted > 0,
  enter: (ctx) => void check(ctx),
};

function progressView(fileName: string): HTMLElement {
  return h(
    'div',
    { class: 'check-progress' },
    h('p', {}, `Checking every row of ${fileName}…`),
    h(
      'div',
      {
        class: 'progress',
        role: 'progressbar',
        'aria-label': 'Checking the file',
        'aria-valuemin': 0,
        'aria-valuemax': 100,
      },
      h('div', { class: 'progress-fill' }),
    ),
    h('p', { class: 'hint check-message' }, ''),
  );
}

/** The dry run; its progress fills the bar, and the summary replaces it if the step is still shown. */
async function check(ctx: WizardContext): Promise<void> {
  const { state, body, error } = ctx;
  if (state.checking !== null) return;
  const shownAt = state.step;
  state.summary = null;
  const jobId = newJobId();
  state.checking = { jobId };
  ctx.render();
  const off = ctx.app.api.onEvent((event) => {
    if (event.type !== 'job' || event.job.id !== jobId) return;
    const bar = body.querySelector<HTMLElement>('.check-progress .progress');
    if (bar === null) return;
    const pct = event.job.total > 0 ? Math.floor((event.job.done / event.job.total) * 100) : 0;
    bar.setAttribute('aria-valuenow', String(pct));
    bar.querySelector<HTMLElement>('.progress-fill')!.style.width = `${pct}%`;
    replaceChildren(body.querySelector('.check-message')!, plainMessage(event.job.message ?? ''));
  });
  try {
    state.summary = await ctx.app.api.runImport({ ...importInput(state), jobId, dryRun: true });
  } catch (failure) {
    replaceChildren(error, messageOf(failure));
  } finally {
    off();
    state.checking = null;
  }
  if (state.step === shownAt) {
    const message = error.textContent;
    ctx.render();
    if (message) replaceChildren(error, message);
  }
}

function summaryView(summary: ImportSummary): HTMLElement {
  const tiles = h(
    'div',
    { class: 'tiles', 'data-testid': 'check-summary' },
    tile('Rows read', summary.rowsRead),
    tile('Accepted', summary.rowsAccepted - summary.rowsWarned, 'ok'),
    tile('With warnings', summary.rowsWarned, summary.rowsWarned > 0 ? 'warn' : ''),
    tile('Rejected', summary.rowsRejected, summary.rowsRejected > 0 ? 'bad' : ''),
  );
  const precision = summary.precision;
  const facts = [
    summary.dateRange
      ? `Dates ${ukDate(summary.dateRange.fromMs)} to ${ukDate(summary.dateRange.toMs)}`
      : 'No dates',
    `times: ${count(precision.exact)} exact, ${count(precision.window)} windows, ${count(precision.date)} date only, ${count(precision.month)} month only`,
    summary.geometry === 'areas' ? 'area codes only (no points)' : 'points',
    summary.rowsDuplicate > 0 ? `${count(summary.rowsDuplicate)} duplicate references` : null,
    summary.pii.excluded.length > 0 ? `stripped: ${summary.pii.excluded.join(', ')}` : null,
  ].filter(Boolean);
  return h(
    'div',
    {},
    h('p', { class: 'summary-message' }, plainMessage(summary.message)),
    tiles,
    h('p', { class: 'hint' }, facts.join(' · ')),
    summary.firstIssues.length === 0
      ? h('p', { class: 'ok-note' }, 'Every row passed.')
      : issuesView(summary),
    summary.rowsAccepted === 0
      ? h('p', { class: 'dialog-error' }, 'Nothing can be imported: go back and fix the mapping.')
      : h(
          'p',
          { class: 'hint' },
          'Import stores the accepted rows; every rejected row stays listed with its reason.',
        ),
  );
}

/** The first issues as a table, and all of them as a CSV download. */
function issuesView(summary: ImportSummary): HTMLElement {
  const issues = summary.firstIssues;
  const button = h('button', { type: 'button', class: 'btn btn-small' }, 'Download issues (CSV)');
  button.addEventListener('click', () =>
    download(`${summary.fileName.replace(/\.[^.]+$/, '')}-issues.csv`, issuesCsv(issues), 'text/csv'),
  );
  return h(
    'div',
    {},
    h(
      'div',
      { class: 'table-scroll', tabindex: 0, 'aria-label': 'First issues' },
      h(
        'table',
        { class: 'data-table', 'data-testid': 'check-issues' },
        h(
          'thead',
          {},
          h('tr', {}, ...['Row', 'Column', 'Value', 'Issue', ''].map((c) => h('th', { scope: 'col' }, c))),
        ),
        h(
          'tbody',
          {},
          ...issues
            .slice(0, ISSUES_SHOWN)
            .map((issue) =>
              h(
                'tr',
                { class: issue.severity },
                h('td', { class: 'num' }, issue.rowNumber),
                h('td', {}, issue.column ?? ''),
                h('td', { title: issue.value ?? '' }, issue.value ?? ''),
                h('td', {}, issue.reason),
                h('td', {}, issue.severity === 'rejected' ? 'rejected' : 'warning'),
              ),
            ),
        ),
      ),
    ),
    h(
      'p',
      { class: 'hint' },
      `Showing ${Math.min(ISSUES_SHOWN, issues.length)} of ${count(summary.issueCounts.warning + summary.issueCounts.rejected)} issues. `,
      button,
    ),
  );
}

function tile(label: string, value: number, kind = ''): HTMLElement {
  return h(
    'div',
    { class: `tile ${kind}` },
    h('span', { class: 'tile-value' }, count(value)),
    h('span', { class: 'tile-label' }, label),
  );
}
