/**
 * Data tab: "Import data" (the wizard, import-wizard.ts) and the datasets in the project with their
 * counts, date ranges, time precision and provenance (file, SHA-256, import date), each with Undo last
 * import and Delete (both confirmed), and the rejected rows of an import as CSV.
 */
import type { DatasetInfo, ImportInfo } from '../../../shared/api/import-api.js';
import { ukDate } from '../../../shared/model/time.js';
import { datasetBounds } from '../map/go-to-data.js';
import { swatch } from '../map/legend.js';
import { datasetColours } from '../map/palette.js';
import type { AppContext } from '../shell/app-context.js';
import { h, replaceChildren } from '../shell/dom.js';
import { registerPanel } from '../shell/panels.js';
import { runImportWizard } from './import-wizard.js';
import { confirmDialog, count, download, shortSha, when } from './ui.js';
import { type Workspace, workspaceOf } from './workspace.js';
import './workspace.css';

const IMPORT_ACCEPT = '.csv,.tsv,.txt,.xlsx,.geojson,.json';

registerPanel({
  id: 'import',
  tab: 'data',
  title: 'Import data',
  order: 20,
  render(el, app) {
    const button = h(
      'button',
      { type: 'button', class: 'btn btn-primary', 'data-action': 'import-data' },
      'Import data…',
    );
    const hint = h('p', { class: 'hint' });
    el.append(hint, button);
    const offProject = app.onProjectChange((project) => {
      button.disabled = project === null;
      replaceChildren(
        hint,
        project === null
          ? 'Open or create a project first.'
          : 'CSV, Excel (XLSX) or GeoJSON points from a partner: you check the columns and every row before anything is stored.',
      );
    });
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const file = await app.chooseFile({ title: 'Choose a partner extract', accept: IMPORT_ACCEPT });
        if (file !== null) await runImportWizard(app, file);
      } finally {
        button.disabled = app.project() === null;
      }
    });
    return offProject;
  },
});

registerPanel({
  id: 'datasets',
  tab: 'data',
  title: 'Datasets',
  order: 30,
  render(el, app) {
    const ws = workspaceOf(app);
    const list = h('div', { class: 'dataset-list', 'data-testid': 'dataset-list' });
    el.append(list);
    const show = (datasets: DatasetInfo[]) => {
      const colours = datasetColours(datasets.filter((d) => d.geometry === 'points').map((d) => d.id));
      replaceChildren(
        list,
        datasets.length === 0
          ? h(
              'p',
              { class: 'empty-state' },
              app.project() === null
                ? 'No project is open.'
                : 'No datasets yet. Use Import data… above to bring in a partner extract.',
            )
          : null,
        ...datasets.map((d) => datasetCard(app, ws, d, colours.get(d.id) ?? null)),
      );
    };
    show(ws.datasets);
    return ws.on('datasets', show);
  },
});

function datasetCard(
  app: AppContext,
  ws: Workspace,
  dataset: DatasetInfo,
  colour: string | null,
): HTMLElement {
  const p = dataset.precision;
  const precision = [
    p.exact > 0 ? `${count(p.exact)} exact` : null,
    p.window > 0 ? `${count(p.window)} window` : null,
    p.date > 0 ? `${count(p.date)} date only` : null,
    p.month > 0 ? `${count(p.month)} month only` : null,
  ].filter(Boolean);
  const undo = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-small',
      'data-action': 'undo-import',
      'aria-label': `Undo last import of ${dataset.name}`,
    },
    'Undo last import',
  );
  const remove = h(
    'button',
    { type: 'button', class: 'btn btn-small btn-danger-outline', 'data-action': 'delete-dataset' },
    `Delete ${dataset.name}…`,
  );
  const zoom = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-small',
      'data-action': 'zoom-to-dataset',
      'aria-label': `Zoom to ${dataset.name}`,
    },
    'Zoom to',
  );
  zoom.addEventListener('click', async () => {
    try {
      const box = await datasetBounds(app, ws, dataset.id);
      if (box) ws.focus(box);
      else
        app.notify(
          dataset.geometry === 'areas'
            ? `“${dataset.name}” has area codes only, and no boundary layer matches them: import its boundaries to see where it is.`
            : `“${dataset.name}” has no records with a location.`,
          'info',
        );
    } catch (error) {
      app.notifyError(error, `Could not find where “${dataset.name}” is`);
    }
  });
  undo.disabled = dataset.imports.length === 0;
  undo.addEventListener('click', async () => {
    const last = dataset.imports[dataset.imports.length - 1];
    if (!last) return;
    const ok = await confirmDialog(
      'Undo last import',
      `Remove the ${count(last.records)} records imported from ${last.fileName} on ${when(last.finishedAt)} from “${dataset.name}”?`,
      'Undo import',
    );
    if (!ok) return;
    try {
      const result = await app.api.undoLastImport({ datasetId: dataset.id });
      app.notify(`Removed ${count(result.deletedRecords)} records of ${last.fileName}.`, 'success');
      await app.refreshProject();
    } catch (error) {
      app.notifyError(error, 'Could not undo the import');
    }
  });
  remove.addEventListener('click', async () => {
    const ok = await confirmDialog(
      'Delete dataset',
      `Delete “${dataset.name}” and its ${count(dataset.records)} records from this project? The source files are not touched.`,
      'Delete dataset',
    );
    if (!ok) return;
    try {
      const result = await app.api.deleteDataset({ datasetId: dataset.id });
      app.notify(`Deleted “${dataset.name}” (${count(result.deletedRecords)} records).`, 'success');
      await app.refreshProject();
    } catch (error) {
      app.notifyError(error, 'Could not delete the dataset');
    }
  });
  return h(
    'article',
    { class: 'dataset', 'data-dataset-id': dataset.id, 'aria-label': dataset.name },
    h(
      'header',
      { class: 'dataset-head' },
      h('h3', { class: 'dataset-name' }, colour ? swatch('dot', colour) : null, dataset.name),
      h(
        'span',
        { class: 'dataset-count', 'data-testid': 'dataset-count' },
        `${count(dataset.records)} records`,
      ),
    ),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Dates'),
      h(
        'dd',
        {},
        dataset.dateRange ? `${ukDate(dataset.dateRange.fromMs)} – ${ukDate(dataset.dateRange.toMs)}` : '—',
      ),
      h('dt', {}, 'Times'),
      h('dd', { title: precision.join(', ') }, precision.join(', ') || '—'),
      h('dt', {}, 'Kind'),
      h(
        'dd',
        {},
        `${dataset.geometry === 'areas' ? 'area codes' : 'points'} · ${count(dataset.categories)} categories`,
      ),
    ),
    h(
      'details',
      { class: 'details' },
      h(
        'summary',
        {},
        `Provenance (${dataset.imports.length} import${dataset.imports.length === 1 ? '' : 's'})`,
      ),
      ...dataset.imports.map((i) => importFacts(app, i)),
    ),
    h('div', { class: 'row-actions' }, zoom, undo, remove),
  );
}

function importFacts(app: AppContext, info: ImportInfo): HTMLElement {
  const rejected =
    info.rowsRejected > 0
      ? (() => {
          const button = h(
            'button',
            { type: 'button', class: 'btn btn-small' },
            `Rejected rows (${count(info.rowsRejected)}) CSV`,
          );
          button.addEventListener('click', async () => {
            try {
              const result = await app.api.exportRejectedRows({ importId: info.id });
              download(result.fileName, result.csv, 'text/csv');
            } catch (error) {
              app.notifyError(error, 'Could not export the rejected rows');
            }
          });
          return button;
        })()
      : null;
  return h(
    'div',
    { class: 'import-facts' },
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'File'),
      h('dd', { title: info.fileName }, info.fileName),
      h('dt', {}, 'SHA-256'),
      h('dd', { title: info.sha256 }, h('code', {}, shortSha(info.sha256))),
      h('dt', {}, 'Imported'),
      h('dd', {}, when(info.finishedAt)),
      h('dt', {}, 'Rows'),
      h(
        'dd',
        {},
        `${count(info.rowsAccepted)} of ${count(info.rowsRead)} accepted, ${count(info.rowsRejected)} rejected`,
      ),
      h('dt', {}, 'CRS'),
      h('dd', {}, info.sourceCrs ?? 'none (area codes)'),
    ),
    rejected,
  );
}
