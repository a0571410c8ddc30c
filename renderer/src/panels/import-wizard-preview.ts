/**
 * Import wizard step 1, preview: the file's first rows as the engine read them (format, encoding,
 * delimiter) and, for a workbook, the sheet to read (choosing another reads the file again).
 */
import type { ImportPreview } from '../../../shared/api/import-api.js';
import { h, replaceChildren } from '../shell/dom.js';
import { messageOf, type WizardContext, type WizardStep } from './import-wizard-state.js';
import { count, field, select } from './ui.js';

const PREVIEW_ROWS_SHOWN = 12;

export const previewStep: WizardStep = {
  title: 'Preview',
  view: previewView,
  ready: () => true,
};

function previewView(ctx: WizardContext): HTMLElement {
  const p = ctx.state.preview;
  const facts = [
    p.format.toUpperCase(),
    p.encoding,
    p.delimiter ? `delimiter “${p.delimiter === '\t' ? 'tab' : p.delimiter}”` : null,
    `${count(p.headers.length)} columns`,
    p.preset ? `recognised as “${p.preset}”` : null,
  ].filter(Boolean);
  return h(
    'div',
    {},
    h('p', { class: 'hint' }, facts.join(' · ')),
    p.sheets.length > 1 ? sheetChoice(ctx) : null,
    previewTable(p, PREVIEW_ROWS_SHOWN),
    h(
      'p',
      { class: 'hint' },
      `The first ${Math.min(PREVIEW_ROWS_SHOWN, p.rows.length)} rows as read from the file.`,
    ),
  );
}

function sheetChoice(ctx: WizardContext): HTMLElement {
  const { state } = ctx;
  const choice = select(
    state.preview.sheets.map((s) => ({ value: s, label: s })),
    state.sheet ?? state.preview.sheets[0],
  );
  choice.addEventListener('change', async () => {
    try {
      const again = await ctx.app.api.previewImport({ file: state.file, table: { sheet: choice.value } });
      state.preview = again;
      state.sheet = choice.value;
      state.mapping = structuredClone(again.mapping);
      state.detected = structuredClone(again.mapping);
      ctx.render();
    } catch (failure) {
      replaceChildren(ctx.error, messageOf(failure));
    }
  });
  return field('Sheet', choice);
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
