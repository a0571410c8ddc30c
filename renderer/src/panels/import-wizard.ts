/**
 * The import wizard (issue 4, item 9): read the file → preview → column mapping → personal data →
 * check → import. One module per step (import-wizard-*.ts, each a WizardStep: a view and whether Next
 * may go on); this one reads the file, runs the dialog's step list and buttons, and starts the import.
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
import type { ImportPreview, MappingPresetInfo } from '../../../shared/api/import-api.js';
import type { FileRef } from '../../../shared/api/project-api.js';
import type { AppContext } from '../shell/app-context.js';
import { h, replaceChildren } from '../shell/dom.js';
import { plainMessage } from '../shell/user-text.js';
import { checkStep } from './import-wizard-check.js';
import { mappingStep } from './import-wizard-mapping.js';
import { piiStep } from './import-wizard-pii.js';
import { previewStep } from './import-wizard-preview.js';
import {
  importInput,
  initialState,
  messageOf,
  type WizardContext,
  type WizardState,
  type WizardStep,
} from './import-wizard-state.js';
import { modal } from './ui.js';

const STEPS: readonly WizardStep[] = [previewStep, mappingStep, piiStep, checkStep];

/** Opens the wizard on a file the analyst chose; resolves once it has closed (the import may still run). */
export async function runImportWizard(app: AppContext, file: FileRef): Promise<void> {
  const read = await readFile(app, file);
  if (read === null) return;
  const state = initialState(file, read.preview);
  const start = await modal<'import'>(
    `Import ${file.name}`,
    (close) => [wizardForm(app, state, read, close)],
    { wide: true, testId: 'import-wizard' },
  );
  if (start === 'import') await runImport(app, state);
}

interface ReadFile {
  preview: ImportPreview;
  presets: MappingPresetInfo[];
  presetsError: string;
}

/** The engine's preview of the file and the mapping presets; null (and said) when the file cannot be read. */
async function readFile(app: AppContext, file: FileRef): Promise<ReadFile | null> {
  let preview: ImportPreview;
  try {
    preview = await app.api.previewImport({ file });
  } catch (error) {
    app.notifyError(error, `Could not read ${file.name}`);
    return null;
  }
  // Without the presets the wizard still works (the detected mapping); it says the list is missing.
  let presetsError = '';
  const presets = await app.api.listMappingPresets({}).catch((error: unknown) => {
    presetsError = `Could not list the saved mapping presets (${messageOf(error)}); the detected mapping is used.`;
    return [] as MappingPresetInfo[];
  });
  return { preview, presets, presetsError };
}

/** The dialog: the step list, the current step, and Cancel, Back and Next (Import on the last step). */
function wizardForm(
  app: AppContext,
  state: WizardState,
  read: ReadFile,
  close: (value: 'import' | undefined) => void,
): HTMLElement {
  const steps = h('ol', { class: 'wizard-steps', 'aria-label': 'Import steps' });
  const body = h('div', { class: 'wizard-body' });
  const error = h('p', { class: 'dialog-error', role: 'alert' });
  const back = h('button', { type: 'button', class: 'btn' }, 'Back');
  // Next is the form's submit button, so Enter in a field moves on (Escape cancels, as in every dialog).
  const next = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Next');
  const cancel = h('button', { type: 'button', class: 'btn', 'data-action': 'cancel-import' }, 'Cancel');
  const last = STEPS.length - 1;

  const ctx: WizardContext = {
    app,
    state,
    presets: read.presets,
    presetsError: read.presetsError,
    body,
    error,
    render,
    updateNext: () => {
      next.disabled = !STEPS[state.step]!.ready(ctx);
    },
  };

  function render(): void {
    replaceChildren(
      steps,
      ...STEPS.map((step, i) =>
        h(
          'li',
          {
            class: i === state.step ? 'current' : i < state.step ? 'done' : '',
            'aria-current': i === state.step ? 'step' : null,
          },
          `${i + 1}. ${step.title}`,
        ),
      ),
    );
    replaceChildren(error);
    back.disabled = state.step === 0;
    replaceChildren(next, state.step === last ? 'Import' : 'Next');
    replaceChildren(body, STEPS[state.step]!.view(ctx));
    ctx.updateNext();
    body.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }

  function go(step: number): void {
    state.step = Math.max(0, Math.min(last, step));
    render();
    STEPS[state.step]!.enter?.(ctx);
  }

  cancel.addEventListener('click', () => {
    if (state.checking) void app.api.cancelJob({ jobId: state.checking.jobId }).catch(() => undefined);
    close(undefined);
  });
  back.addEventListener('click', () => go(state.step - 1));
  const form = h(
    'form',
    { class: 'dialog-inline', novalidate: true },
    steps,
    body,
    error,
    h('div', { class: 'dialog-buttons' }, cancel, back, next),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (next.disabled) return;
    if (state.step === last) {
      if (state.summary !== null && state.summary.rowsAccepted > 0) close('import');
      return;
    }
    go(state.step + 1);
  });
  render();
  return form;
}

/** The import itself, as a job in the status bar; the project is read again when it is done. */
async function runImport(app: AppContext, state: WizardState): Promise<void> {
  const outcome = await app.runJob(`Importing ${state.file.name}`, (jobId) =>
    app.api.runImport({ ...importInput(state), jobId, dryRun: false }),
  );
  if (outcome.ok) {
    app.notify(plainMessage(outcome.value.message), 'success');
    await app.refreshProject();
  }
}
