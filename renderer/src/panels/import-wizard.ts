/**
 * The import wizard (issue 4, item 9): preview → column mapping → personal data → check → import.
 *
 *   preview   the file's first rows as the engine read them (format, encoding, delimiter, sheet)
 *   mapping   one dropdown per canonical field with the engine's detected guess chosen; a preset;
 *             the time shape, date format and the coordinates' CRS; problems listed as they arise
 *   personal  each PII finding: strip the column (default) or keep it with a reason (audited)
 *   check     a dry run in a worker with its own progress and Cancel: accepted / warnings /
 *             rejected and the first issues (row, column, value, reason), downloadable as CSV
 *   import    the wizard closes and the import runs as a job in the status bar (progress, Cancel)
 *
 * The dialog is modal, so the dry run shows its progress inside it rather than in the status bar.
 */
import type { ImportPreview, ImportSummary, MappingPresetInfo } from '../../../shared/api/import-api.js';
import type { FileRef } from '../../../shared/api/project-api.js';
import {
  type ColumnMapping,
  DATE_FORMATS,
  mappingProblems,
  TIME_SHAPES,
} from '../../../shared/import/mapping.js';
import { PII_OVERRIDE_MIN_REASON, type PiiDecision } from '../../../shared/import/pii-types.js';
import type { CanonicalField } from '../../../shared/model/records.js';
import { ukDate } from '../../../shared/model/time.js';
import type { AppContext } from '../shell/app-context.js';
import { h, replaceChildren } from '../shell/dom.js';
import { newJobId } from '../shell/jobs.js';
import { plainMessage } from '../shell/user-text.js';
import { datasetNameFromFile, FIELD_GROUPS, FIELD_LABELS, issuesCsv } from './import-helpers.js';
import { count, download, field, modal, select } from './ui.js';

const STEPS = ['Preview', 'Columns', 'Personal data', 'Check'] as const;
const PREVIEW_ROWS_SHOWN = 12;
const ISSUES_SHOWN = 25;

const TIME_SHAPE_LABELS: Record<(typeof TIME_SHAPES)[number], string> = {
  datetime: 'One date-time column',
  'date+time': 'A date column and a time column',
  window: 'From and to (a time window)',
  date: 'Date only',
  month: 'Month only (e.g. police.uk)',
};
const DATE_FORMAT_LABELS: Record<(typeof DATE_FORMATS)[number], string> = {
  dmy: 'dd/mm/yyyy (UK)',
  mdy: 'mm/dd/yyyy (US)',
  iso: 'yyyy-mm-dd (ISO)',
  excel: 'Excel serial numbers',
};
const CRS_CHOICES = [
  { value: 'EPSG:27700', label: 'British National Grid (EPSG:27700)' },
  { value: 'EPSG:4326', label: 'WGS84 longitude/latitude (EPSG:4326)' },
  { value: 'EPSG:29903', label: 'Irish Grid (EPSG:29903)' },
  { value: 'other', label: 'Other: EPSG code or proj4 string…' },
];

interface PiiChoice {
  action: 'exclude' | 'override';
  reason: string;
}

interface WizardState {
  file: FileRef;
  preview: ImportPreview;
  sheet: string | null;
  mapping: ColumnMapping;
  detected: ColumnMapping;
  dataset: string;
  pii: Map<string, PiiChoice>;
  summary: ImportSummary | null;
  step: number;
}

/** Opens the wizard on a file the analyst chose; resolves once it has closed (the import may still run). */
export async function runImportWizard(app: AppContext, file: FileRef): Promise<void> {
  let preview: ImportPreview;
  try {
    preview = await app.api.previewImport({ file });
  } catch (error) {
    app.notifyError(error, `Could not read ${file.name}`);
    return;
  }
  // Without the presets the wizard still works (the detected mapping); it says the list is missing.
  let presetsError = '';
  const presets = await app.api.listMappingPresets({}).catch((error: unknown) => {
    presetsError = `Could not list the saved mapping presets (${messageOf(error)}); the detected mapping is used.`;
    return [] as MappingPresetInfo[];
  });
  const state: WizardState = {
    file,
    preview,
    sheet: preview.sheet,
    mapping: structuredClone(preview.mapping),
    detected: structuredClone(preview.mapping),
    dataset: datasetNameFromFile(file.name),
    pii: new Map(preview.pii.map((finding) => [finding.column, { action: 'exclude', reason: '' }])),
    summary: null,
    step: 0,
  };

  const start = await modal<'import'>(
    `Import ${file.name}`,
    (close) => {
      const steps = h('ol', { class: 'wizard-steps', 'aria-label': 'Import steps' });
      const body = h('div', { class: 'wizard-body' });
      const error = h('p', { class: 'dialog-error', role: 'alert' });
      const back = h('button', { type: 'button', class: 'btn' }, 'Back');
      // Next is the form's submit button, so Enter in a field moves on (Escape cancels, as in every dialog).
      const next = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Next');
      const cancel = h('button', { type: 'button', class: 'btn' }, 'Cancel');
      let checking: { jobId: string } | null = null;

      cancel.addEventListener('click', () => {
        if (checking) void app.api.cancelJob({ jobId: checking.jobId }).catch(() => undefined);
        close(undefined);
      });
      back.addEventListener('click', () => go(state.step - 1));
      const onNext = (event: Event) => {
        event.preventDefault();
        if (next.disabled) return;
        if (state.step === STEPS.length - 1) {
          if (state.summary !== null && state.summary.rowsAccepted > 0) close('import');
          return;
        }
        go(state.step + 1);
      };

      function go(step: number): void {
        state.step = Math.max(0, Math.min(STEPS.length - 1, step));
        render();
        if (state.step === 3) void check();
      }

      function render(): void {
        replaceChildren(
          steps,
          ...STEPS.map((title, i) =>
            h(
              'li',
              {
                class: i === state.step ? 'current' : i < state.step ? 'done' : '',
                'aria-current': i === state.step ? 'step' : null,
              },
              `${i + 1}. ${title}`,
            ),
          ),
        );
        replaceChildren(error);
        back.disabled = state.step === 0;
        replaceChildren(next, state.step === STEPS.length - 1 ? 'Import' : 'Next');
        const views = [previewView, mappingView, piiView, checkView];
        replaceChildren(body, views[state.step]());
        updateNext();
        body.querySelector<HTMLElement>('input, select, textarea')?.focus();
      }

      function updateNext(): void {
        if (state.step === 1) {
          const problems = mappingProblems(state.mapping, state.preview.headers);
          next.disabled = problems.length > 0 || state.dataset.trim() === '';
        } else if (state.step === 2) {
          next.disabled = [...state.pii.values()].some(
            (c) => c.action === 'override' && c.reason.trim().length < PII_OVERRIDE_MIN_REASON,
          );
        } else if (state.step === 3) {
          next.disabled = checking !== null || state.summary === null || state.summary.rowsAccepted === 0;
        } else next.disabled = false;
      }

      // ---- step 1: preview ------------------------------------------------------------------------
      function previewView(): HTMLElement {
        const p = state.preview;
        const facts = [
          p.format.toUpperCase(),
          p.encoding,
          p.delimiter ? `delimiter “${p.delimiter === '\t' ? 'tab' : p.delimiter}”` : null,
          `${count(p.headers.length)} columns`,
          p.preset ? `recognised as “${p.preset}”` : null,
        ].filter(Boolean);
        const sheetChoice =
          p.sheets.length > 1
            ? (() => {
                const choice = select(
                  p.sheets.map((s) => ({ value: s, label: s })),
                  state.sheet ?? p.sheets[0],
                );
                choice.addEventListener('change', async () => {
                  try {
                    const again = await app.api.previewImport({
                      file: state.file,
                      table: { sheet: choice.value },
                    });
                    state.preview = again;
                    state.sheet = choice.value;
                    state.mapping = structuredClone(again.mapping);
                    state.detected = structuredClone(again.mapping);
                    render();
                  } catch (failure) {
                    replaceChildren(error, messageOf(failure));
                  }
                });
                return field('Sheet', choice);
              })()
            : null;
        return h(
          'div',
          {},
          h('p', { class: 'hint' }, facts.join(' · ')),
          sheetChoice,
          previewTable(p, PREVIEW_ROWS_SHOWN),
          h(
            'p',
            { class: 'hint' },
            `The first ${Math.min(PREVIEW_ROWS_SHOWN, p.rows.length)} rows as read from the file.`,
          ),
        );
      }

      // ---- step 2: mapping ------------------------------------------------------------------------
      function mappingView(): HTMLElement {
        const headers = state.preview.headers;
        const problemsList = h('ul', {
          class: 'problems',
          'aria-live': 'polite',
          'data-testid': 'mapping-problems',
        });
        const showProblems = () => {
          const problems = mappingProblems(state.mapping, headers);
          replaceChildren(problemsList, ...problems.map((p) => h('li', {}, p)));
          problemsList.hidden = problems.length === 0;
          updateNext();
        };

        const name = h('input', {
          type: 'text',
          class: 'input',
          value: state.dataset,
          'aria-required': 'true',
        });
        name.addEventListener('input', () => {
          state.dataset = name.value;
          updateNext();
        });

        const presetChoice = select(
          [
            {
              value: '',
              label: state.preview.preset
                ? `Detected (${state.preview.preset})`
                : 'Detected from the headers',
            },
            ...presets.map((p) => ({
              value: p.name,
              label: `${p.name}${p.source === 'builtin' ? ' (built in)' : ''}`,
            })),
          ],
          '',
          { 'aria-label': 'Mapping preset', title: presetsError },
        );
        presetChoice.addEventListener('change', () => {
          const preset = presets.find((p) => p.name === presetChoice.value);
          state.mapping = structuredClone(preset ? preset.mapping : state.detected);
          const keep = presetChoice.value;
          render();
          body.querySelector<HTMLSelectElement>('select[aria-label="Mapping preset"]')!.value = keep;
        });

        const groups = FIELD_GROUPS.map((group) =>
          h(
            'fieldset',
            { class: 'mapping-group' },
            h('legend', {}, group.title),
            ...group.fields.map((f) => fieldChoice(f, headers, showProblems)),
          ),
        );

        const shape = select(
          TIME_SHAPES.map((s) => ({ value: s, label: TIME_SHAPE_LABELS[s] })),
          state.mapping.timeShape,
        );
        shape.addEventListener('change', () => {
          state.mapping.timeShape = shape.value as ColumnMapping['timeShape'];
          showProblems();
        });
        const dateFormat = select(
          DATE_FORMATS.map((s) => ({ value: s, label: DATE_FORMAT_LABELS[s] })),
          state.mapping.dateFormat,
        );
        dateFormat.addEventListener('change', () => {
          state.mapping.dateFormat = dateFormat.value as ColumnMapping['dateFormat'];
        });

        const known = CRS_CHOICES.some((c) => c.value === state.mapping.sourceCrs);
        const crs = select(
          [{ value: '', label: 'None (area codes only)' }, ...CRS_CHOICES],
          state.mapping.sourceCrs === null ? '' : known ? state.mapping.sourceCrs : 'other',
        );
        const customCrs = h('input', {
          type: 'text',
          class: 'input',
          placeholder: 'EPSG:3857 or +proj=…',
          'aria-label': 'Other coordinate system',
          value: known || state.mapping.sourceCrs === null ? '' : state.mapping.sourceCrs,
        });
        customCrs.hidden = crs.value !== 'other';
        const setCrs = () => {
          customCrs.hidden = crs.value !== 'other';
          state.mapping.sourceCrs =
            crs.value === '' ? null : crs.value === 'other' ? customCrs.value.trim() || null : crs.value;
          showProblems();
        };
        crs.addEventListener('change', setCrs);
        customCrs.addEventListener('input', setCrs);

        const swap = h('input', { type: 'checkbox' });
        swap.checked = state.mapping.swapSuspectedCoordinates;
        swap.addEventListener('change', () => {
          state.mapping.swapSuspectedCoordinates = swap.checked;
        });

        const view = h(
          'div',
          { class: 'mapping' },
          h(
            'div',
            { class: 'mapping-top' },
            field('Dataset name', name),
            field('Mapping preset', presetChoice, presetsError || undefined),
          ),
          h(
            'p',
            { class: 'hint' },
            'Each field shows the column the app guessed; change any that are wrong.',
          ),
          h('div', { class: 'mapping-groups' }, ...groups),
          h(
            'div',
            { class: 'mapping-top' },
            field('Time is given as', shape),
            field('Dates are written', dateFormat),
            h('div', { class: 'field' }, field('Coordinates are in', crs), customCrs),
          ),
          h(
            'label',
            { class: 'check' },
            swap,
            'Swap coordinates that look swapped (otherwise those rows are rejected)',
          ),
          problemsList,
        );
        queueMicrotask(showProblems);
        return view;
      }

      function fieldChoice(f: CanonicalField, headers: readonly string[], changed: () => void): HTMLElement {
        const detected = state.detected.fields[f];
        const choice = select(
          [
            { value: '', label: '— not mapped —' },
            ...headers.map((column) => ({ value: column, label: column })),
          ],
          state.mapping.fields[f] ?? '',
          { 'data-field': f },
        );
        choice.addEventListener('change', () => {
          if (choice.value === '') delete state.mapping.fields[f];
          else state.mapping.fields[f] = choice.value;
          changed();
        });
        return field(FIELD_LABELS[f], choice, detected ? `detected: ${detected}` : undefined);
      }

      // ---- step 3: personal data ------------------------------------------------------------------
      function piiView(): HTMLElement {
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
        const rows = state.preview.pii.map((finding) => {
          const choice = state.pii.get(finding.column)!;
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
            updateNext();
          };
          strip.addEventListener('change', update);
          keep.addEventListener('change', update);
          reason.addEventListener('input', update);
          return h(
            'fieldset',
            { class: 'pii-finding', 'data-column': finding.column },
            h(
              'legend',
              {},
              `“${finding.column}”: ${finding.kind.replace(/_/g, ' ')} (found by ${finding.evidence})`,
            ),
            h('p', { class: 'hint' }, finding.reason, finding.example ? ` Example: ${finding.example}` : ''),
            h('label', { class: 'check' }, strip, 'Strip this column (recommended)'),
            h('label', { class: 'check' }, keep, 'Keep it, with a reason'),
            reason,
          );
        });
        return h(
          'div',
          {},
          h(
            'p',
            {},
            `${state.preview.pii.length} column(s) look like personal data. They are stripped unless you give a reason to keep them.`,
          ),
          ...rows,
        );
      }

      // ---- step 4: check (dry run) ----------------------------------------------------------------
      function checkView(): HTMLElement {
        if (checking !== null || state.summary === null) {
          return h(
            'div',
            { class: 'check-progress' },
            h('p', {}, `Checking every row of ${state.file.name}…`),
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
        return summaryView(state.summary);
      }

      async function check(): Promise<void> {
        if (checking !== null) return;
        state.summary = null;
        const jobId = newJobId();
        checking = { jobId };
        render();
        const off = app.api.onEvent((event) => {
          if (event.type !== 'job' || event.job.id !== jobId) return;
          const bar = body.querySelector<HTMLElement>('.check-progress .progress');
          if (bar === null) return;
          const pct = event.job.total > 0 ? Math.floor((event.job.done / event.job.total) * 100) : 0;
          bar.setAttribute('aria-valuenow', String(pct));
          bar.querySelector<HTMLElement>('.progress-fill')!.style.width = `${pct}%`;
          replaceChildren(body.querySelector('.check-message')!, plainMessage(event.job.message ?? ''));
        });
        try {
          state.summary = await app.api.runImport({ ...importInput(state), jobId, dryRun: true });
        } catch (failure) {
          replaceChildren(error, messageOf(failure));
        } finally {
          off();
          checking = null;
        }
        if (state.step === 3) {
          const message = error.textContent;
          render();
          if (message) replaceChildren(error, message);
        }
      }

      cancel.setAttribute('data-action', 'cancel-import');
      render();
      const form = h(
        'form',
        { class: 'dialog-inline', novalidate: true },
        steps,
        body,
        error,
        h('div', { class: 'dialog-buttons' }, cancel, back, next),
      );
      form.addEventListener('submit', onNext);
      return [form];
    },
    { wide: true, testId: 'import-wizard' },
  );

  if (start !== 'import') return;
  const outcome = await app.runJob(`Importing ${state.file.name}`, (jobId) =>
    app.api.runImport({ ...importInput(state), jobId, dryRun: false }),
  );
  if (outcome.ok) {
    app.notify(plainMessage(outcome.value.message), 'success');
    await app.refreshProject();
  }
}

function importInput(state: WizardState) {
  const pii: PiiDecision[] = [...state.pii.entries()].map(([column, choice]) =>
    choice.action === 'override'
      ? { column, action: 'override', reason: choice.reason.trim() }
      : { column, action: 'exclude' },
  );
  return {
    file: state.file,
    ...(state.sheet !== null ? { table: { sheet: state.sheet } } : {}),
    dataset: state.dataset.trim(),
    mapping: state.mapping,
    pii,
  };
}

function previewTable(preview: ImportPreview, rows: number): HTMLElement {
  const table = h(
    'table',
    { class: 'data-table preview-table', 'data-testid': 'import-preview' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Row'),
        ...preview.headers.map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    h(
      'tbody',
      {},
      ...preview.rows
        .slice(0, rows)
        .map((row) =>
          h(
            'tr',
            {},
            h('td', { class: 'num' }, row.rowNumber),
            ...row.cells.map((c) => h('td', { title: c }, c)),
          ),
        ),
    ),
  );
  return h('div', { class: 'table-scroll', tabindex: 0, 'aria-label': 'File preview' }, table);
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
  const issues = summary.firstIssues;
  const issueTable =
    issues.length === 0
      ? h('p', { class: 'ok-note' }, 'Every row passed.')
      : h(
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
                h(
                  'tr',
                  {},
                  ...['Row', 'Column', 'Value', 'Issue', ''].map((c) => h('th', { scope: 'col' }, c)),
                ),
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
            (() => {
              const button = h('button', { type: 'button', class: 'btn btn-small' }, 'Download issues (CSV)');
              button.addEventListener('click', () =>
                download(
                  `${summary.fileName.replace(/\.[^.]+$/, '')}-issues.csv`,
                  issuesCsv(issues),
                  'text/csv',
                ),
              );
              return button;
            })(),
          ),
        );
  return h(
    'div',
    {},
    h('p', { class: 'summary-message' }, plainMessage(summary.message)),
    tiles,
    h('p', { class: 'hint' }, facts.join(' · ')),
    issueTable,
    summary.rowsAccepted === 0
      ? h('p', { class: 'dialog-error' }, 'Nothing can be imported: go back and fix the mapping.')
      : h(
          'p',
          { class: 'hint' },
          'Import stores the accepted rows; every rejected row stays listed with its reason.',
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

function messageOf(error: unknown): string {
  return plainMessage(error instanceof Error ? error.message : String(error));
}
