/**
 * What the import wizard's steps share (import-wizard.ts): the analyst's choices so far, the dialog's
 * context a step draws into, and the one shape every step has (a view, and whether Next may go on).
 */
import type { ImportPreview, ImportSummary, MappingPresetInfo } from '../../../shared/api/import-api.js';
import type { FileRef } from '../../../shared/api/project-api.js';
import type { ColumnMapping } from '../../../shared/import/mapping.js';
import type { PiiDecision } from '../../../shared/import/pii-types.js';
import type { AppContext } from '../shell/app-context.js';
import { plainMessage } from '../shell/user-text.js';
import { datasetNameFromFile } from './import-helpers.js';

export interface PiiChoice {
  action: 'exclude' | 'override';
  reason: string;
}

export interface WizardState {
  file: FileRef;
  preview: ImportPreview;
  sheet: string | null;
  mapping: ColumnMapping;
  detected: ColumnMapping;
  dataset: string;
  pii: Map<string, PiiChoice>;
  summary: ImportSummary | null;
  step: number;
  /** The dry run under way, if any (Cancel stops it). */
  checking: { jobId: string } | null;
}

/** The state for a freshly read file: the detected mapping, every personal-data column stripped. */
export function initialState(file: FileRef, preview: ImportPreview): WizardState {
  return {
    file,
    preview,
    sheet: preview.sheet,
    mapping: structuredClone(preview.mapping),
    detected: structuredClone(preview.mapping),
    dataset: datasetNameFromFile(file.name),
    pii: new Map(preview.pii.map((finding) => [finding.column, { action: 'exclude', reason: '' }])),
    summary: null,
    step: 0,
    checking: null,
  };
}

/** What a step draws with. */
export interface WizardContext {
  readonly app: AppContext;
  readonly state: WizardState;
  readonly presets: readonly MappingPresetInfo[];
  /** Why the presets are missing, or ''. */
  readonly presetsError: string;
  /** The step's container. */
  readonly body: HTMLElement;
  /** The dialog's error line. */
  readonly error: HTMLElement;
  /** Draws the current step again. */
  render(): void;
  /** Enables or disables Next by the current step's `ready`. */
  updateNext(): void;
}

export interface WizardStep {
  title: string;
  view(ctx: WizardContext): HTMLElement;
  /** Whether Next (or Import, on the last step) may be pressed. */
  ready(ctx: WizardContext): boolean;
  /** Runs after the step is first shown (the check step starts its dry run). */
  enter?(ctx: WizardContext): void;
}

/** The Api input of the import (or its dry run) the choices make. */
export function importInput(state: WizardState) {
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

export function messageOf(error: unknown): string {
  return plainMessage(error instanceof Error ? error.message : String(error));
}
