/**
 * Data tab: boundary layers (wards, beats, LSOAs, postcode districts) from GeoJSON or a zipped
 * Shapefile. The analyst picks the file, sees its properties with example values, and chooses which
 * holds the area code and which the name (the engine's guesses chosen first); the layer then imports
 * as a job. Each layer can be shown on the map, zoomed to, or deleted.
 *
 * Reference lines (streets, rail, rivers, GeoJSON lines) import beside them and are drawn under the
 * map's analysis layers and on the printed maps; a file of lines given to "Import boundaries" is
 * offered as reference lines instead of being skipped feature by feature.
 */
import type { BoundaryLayerInfo, BoundaryPreview } from '../../../shared/api/import-api.js';
import type { ReferenceLayerInfo } from '../../../shared/api/profile-api.js';
import type { FileRef } from '../../../shared/api/project-api.js';
import { coordinateBounds } from '../map/coordinate-bounds.js';
import type { AppContext } from '../shell/app-context.js';
import { h, replaceChildren } from '../shell/dom.js';
import { registerPanel } from '../shell/panels.js';
import { confirmDialog, count, field, modal, select } from './ui.js';
import { type Workspace, workspaceOf } from './workspace.js';

registerPanel({
  id: 'boundaries',
  tab: 'data',
  title: 'Boundary layers',
  order: 40,
  render(el, app) {
    const ws = workspaceOf(app);
    const button = h(
      'button',
      { type: 'button', class: 'btn', 'data-action': 'import-boundaries' },
      'Import boundaries…',
    );
    const list = h('ul', { class: 'boundary-list', 'data-testid': 'boundary-list' });
    el.append(
      h(
        'p',
        { class: 'hint' },
        'Wards, beats, LSOAs or postcode districts (GeoJSON or zipped Shapefile): for area filters, area-only data and clipping.',
      ),
      button,
      list,
    );
    const offProject = app.onProjectChange((project) => (button.disabled = project === null));
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const file = await app.chooseFile({ title: 'Choose a boundary file', accept: '.geojson,.json,.zip' });
        if (file !== null) await importBoundaryLayer(app, file);
      } finally {
        button.disabled = app.project() === null;
      }
    });
    const show = () => replaceChildren(list, ...ws.boundaries.map((layer) => layerRow(app, ws, layer)));
    show();
    const offs = [offProject, ws.on('boundaries', show), ws.on('visibleBoundaries', show)];
    return () => {
      for (const off of offs) off();
    };
  },
});

registerPanel({
  id: 'reference-lines',
  tab: 'data',
  title: 'Reference lines',
  order: 45,
  render(el, app) {
    const ws = workspaceOf(app);
    const button = h(
      'button',
      { type: 'button', class: 'btn', 'data-action': 'import-lines' },
      'Import lines…',
    );
    const list = h('ul', { class: 'boundary-list', 'data-testid': 'reference-line-list' });
    el.append(
      h(
        'p',
        { class: 'hint' },
        'Streets, railways or rivers (GeoJSON or zipped Shapefile lines): drawn under the map and the printed maps, with street names.',
      ),
      button,
      list,
    );
    const offProject = app.onProjectChange((project) => (button.disabled = project === null));
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const file = await app.chooseFile({ title: 'Choose a file of lines', accept: '.geojson,.json,.zip' });
        if (file !== null) await importLines(app, file);
      } finally {
        button.disabled = app.project() === null;
      }
    });
    let request = 0;
    const show = async () => {
      const mine = ++request;
      if (app.project() === null) return replaceChildren(list);
      try {
        const layers = await app.api.listReferenceLayers({});
        if (mine === request) replaceChildren(list, ...layers.map((layer) => lineLayerRow(app, layer)));
      } catch (error) {
        if (mine === request) {
          replaceChildren(list, h('li', { class: 'hint' }, 'The reference lines could not be read.'));
          app.notifyError(error, 'Could not list the reference lines');
        }
      }
    };
    const offBoundaries = ws.on('boundaries', () => void show());
    void show();
    return () => {
      request++;
      offProject();
      offBoundaries();
    };
  },
});

function lineLayerRow(app: AppContext, layer: ReferenceLayerInfo): HTMLElement {
  const remove = h(
    'button',
    { type: 'button', class: 'btn btn-small btn-danger-outline', 'aria-label': `Delete ${layer.name}` },
    `Delete ${layer.name}…`,
  );
  remove.addEventListener('click', async () => {
    if (
      !(await confirmDialog(
        'Delete reference lines',
        `Delete the reference lines “${layer.name}” (${count(layer.lines)} lines)?`,
        'Delete lines',
      ))
    )
      return;
    try {
      await app.api.deleteReferenceLayer({ id: layer.id });
      await workspaceOf(app).reload();
    } catch (error) {
      app.notifyError(error, `Could not delete the reference lines “${layer.name}”`);
    }
  });
  return h(
    'li',
    { class: 'boundary-layer', 'data-line-layer-id': layer.id },
    h('span', {}, h('strong', {}, layer.name), ` · ${count(layer.lines)} lines`),
    h('span', { class: 'hint boundary-meta' }, layer.fileName),
    h('div', { class: 'row-actions' }, remove),
  );
}

/** Asks for the layer's name, imports the lines, and redraws the map with them. */
async function importLines(app: AppContext, file: FileRef): Promise<void> {
  const name = await modal<string>(
    `Import reference lines: ${file.name}`,
    (close) => {
      const input = h('input', { type: 'text', class: 'input', value: layerNameOf(file) });
      const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Import lines');
      const cancel = h('button', { type: 'button', class: 'btn' }, 'Cancel');
      cancel.addEventListener('click', () => close(undefined));
      const form = h(
        'form',
        { class: 'dialog-inline' },
        field('Layer name', input, 'e.g. Streets, Railway, Rivers'),
        h('div', { class: 'dialog-buttons' }, cancel, submit),
      );
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        if (input.value.trim() !== '') close(input.value.trim());
      });
      return [form];
    },
    { testId: 'lines-dialog' },
  );
  if (name === undefined) return;
  try {
    const layer = await app.api.importReferenceLines({ file, name });
    app.notify(`Imported ${count(layer.lines)} lines into “${layer.name}”.`, 'success');
    await workspaceOf(app).reload();
  } catch (error) {
    app.notifyError(error, `Could not import the lines of ${file.name}`);
  }
}

function layerNameOf(file: FileRef): string {
  return file.name.replace(/\.(geo)?json$|\.zip$/i, '').replace(/[_-]+/g, ' ');
}

/** A boundary file without polygons: offer its lines as reference lines, or say what is wrong. */
async function offerAsLines(app: AppContext, file: FileRef, preview: BoundaryPreview): Promise<void> {
  if (preview.skipped === 0) {
    app.notify(`${file.name} has no features: choose a file of areas (polygons).`, 'error');
    return;
  }
  const asLines = await modal<boolean>(
    `${file.name} holds no areas`,
    (close) => {
      const lines = h(
        'button',
        { type: 'button', class: 'btn btn-primary', 'data-action': 'import-as-lines' },
        'Import as reference lines…',
      );
      const cancel = h('button', { type: 'button', class: 'btn' }, 'Cancel');
      lines.addEventListener('click', () => close(true));
      cancel.addEventListener('click', () => close(false));
      return [
        h(
          'p',
          {},
          `Boundaries are areas (polygons), and ${file.name} has none: its ${count(preview.skipped)} features are other shapes. ` +
            'If they are streets, railways or rivers, import them as reference lines: they are drawn under the map and on the printed maps.',
        ),
        h('div', { class: 'dialog-buttons' }, cancel, lines),
      ];
    },
    { testId: 'boundary-no-areas' },
  );
  if (!asLines) return;
  await importLines(app, file);
}

function layerRow(app: AppContext, ws: Workspace, layer: BoundaryLayerInfo): HTMLElement {
  const visible = h('input', { type: 'checkbox', 'aria-label': `Show ${layer.name} on the map` });
  visible.checked = ws.visibleBoundaries.includes(layer.id);
  visible.addEventListener('change', () => ws.setBoundaryVisible(layer.id, visible.checked));
  const zoom = h(
    'button',
    { type: 'button', class: 'btn btn-small', 'aria-label': `Zoom to ${layer.name}` },
    'Zoom',
  );
  zoom.addEventListener('click', async () => {
    try {
      const geo = await ws.boundaryGeoJson(layer.id);
      const box = coordinateBounds(geo.features.map((f) => f.geometry.coordinates));
      if (box) {
        ws.setBoundaryVisible(layer.id, true);
        ws.focus(box);
      }
    } catch (error) {
      app.notifyError(error, `Could not read ${layer.name}`);
    }
  });
  const remove = h(
    'button',
    { type: 'button', class: 'btn btn-small btn-danger-outline', 'aria-label': `Delete ${layer.name}` },
    'Delete…',
  );
  remove.addEventListener('click', async () => {
    if (
      !(await confirmDialog(
        'Delete boundary layer',
        `Delete the boundary layer “${layer.name}” (${count(layer.features)} areas)?`,
        'Delete layer',
      ))
    )
      return;
    try {
      await app.api.deleteBoundaryLayer({ id: layer.id });
      await app.refreshProject();
    } catch (error) {
      app.notifyError(error, 'Could not delete the boundary layer');
    }
  });
  return h(
    'li',
    { class: 'boundary-layer', 'data-layer-id': layer.id },
    h(
      'label',
      { class: 'check' },
      visible,
      h('span', {}, h('strong', {}, layer.name), ` · ${count(layer.features)} areas`),
    ),
    h(
      'span',
      { class: 'hint boundary-meta' },
      `code ${layer.codeField}${layer.nameField ? `, name ${layer.nameField}` : ''} · ${layer.fileName}`,
    ),
    h('div', { class: 'row-actions' }, zoom, remove),
  );
}

async function importBoundaryLayer(app: AppContext, file: FileRef): Promise<void> {
  let preview: BoundaryPreview;
  try {
    preview = await app.api.previewBoundaries({ file });
  } catch (error) {
    app.notifyError(error, `Could not read ${file.name}`);
    return;
  }
  if (preview.features === 0) return offerAsLines(app, file, preview);
  const choice = await modal<{ name: string; codeField: string; nameField: string | null }>(
    `Import boundaries: ${file.name}`,
    (close) => {
      const describeField = (f: string) =>
        `${f}${preview.examples[f]?.length ? ` (e.g. ${preview.examples[f].join(', ')})` : ''}`;
      const name = h('input', {
        type: 'text',
        class: 'input',
        value: layerNameOf(file),
      });
      const code = select(
        preview.fields.map((f) => ({ value: f, label: describeField(f) })),
        preview.detected.codeField ?? preview.fields[0] ?? '',
        { 'data-field': 'code' },
      );
      const label = select(
        [
          { value: '', label: '— none —' },
          ...preview.fields.map((f) => ({ value: f, label: describeField(f) })),
        ],
        preview.detected.nameField ?? '',
        { 'data-field': 'name' },
      );
      const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Import');
      const cancel = h('button', { type: 'button', class: 'btn' }, 'Cancel');
      cancel.addEventListener('click', () => close(undefined));
      const form = h(
        'form',
        { class: 'dialog-inline' },
        h(
          'p',
          { class: 'hint' },
          `${preview.format === 'shapefile' ? 'Shapefile' : 'GeoJSON'} · ${count(preview.features)} polygon features` +
            (preview.skipped > 0 ? ` (${count(preview.skipped)} other features will be skipped)` : '') +
            ` · coordinates ${preview.crs ?? 'WGS84 (assumed)'}`,
        ),
        field('Layer name', name),
        field(
          'Area code field',
          code,
          'joins area-only records (e.g. LSOA code, ward code, postcode district)',
        ),
        field('Area name field', label),
        h('div', { class: 'dialog-buttons' }, cancel, submit),
      );
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        if (name.value.trim() === '' || code.value === '') return;
        close({ name: name.value.trim(), codeField: code.value, nameField: label.value || null });
      });
      return [form];
    },
    { testId: 'boundary-dialog' },
  );
  if (!choice) return;
  const outcome = await app.runJob(`Boundaries: ${file.name}`, (jobId) =>
    app.api.importBoundaries({
      jobId,
      file,
      name: choice.name,
      codeField: choice.codeField,
      ...(choice.nameField ? { nameField: choice.nameField } : {}),
    }),
  );
  if (outcome.ok) {
    app.notify(`Imported ${count(outcome.value.features)} areas into “${outcome.value.name}”.`, 'success');
    const ws = workspaceOf(app);
    await app.refreshProject();
    await ws.reload();
    ws.setBoundaryVisible(outcome.value.id, true);
    const geo = await ws.boundaryGeoJson(outcome.value.id).catch(() => null);
    const box = geo ? coordinateBounds(geo.features.map((f) => f.geometry.coordinates)) : null;
    if (box) ws.focus(box);
  }
}
