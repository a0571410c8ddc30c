/**
 * Data tab: boundary layers (wards, beats, LSOAs, postcode districts) from GeoJSON or a zipped
 * Shapefile. The analyst picks the file, sees its properties with example values, and chooses which
 * holds the area code and which the name (the engine's guesses chosen first); the layer then imports
 * as a job. Each layer can be shown on the map, zoomed to, or deleted.
 */
import type { BoundaryLayerInfo, BoundaryPreview } from '../../../shared/api/import-api.js';
import type { FileRef } from '../../../shared/api/project-api.js';
import { coordinateBounds } from '../map/records-geojson.js';
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
    app.onProjectChange((project) => (button.disabled = project === null));
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
    ws.on('boundaries', show);
    ws.on('visibleBoundaries', show);
  },
});

function layerRow(app: AppContext, ws: Workspace, layer: BoundaryLayerInfo): HTMLElement {
  const visible = h('input', { type: 'checkbox', 'aria-label': `Show ${layer.name} on the map` });
  visible.checked = ws.visibleBoundaries.includes(layer.id);
  visible.addEventListener('change', () => ws.setBoundaryVisible(layer.id, visible.checked));
  const zoom = h('button', { type: 'button', class: 'btn btn-small' }, 'Zoom');
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
  const choice = await modal<{ name: string; codeField: string; nameField: string | null }>(
    `Import boundaries: ${file.name}`,
    (close) => {
      const describeField = (f: string) =>
        `${f}${preview.examples[f]?.length ? ` (e.g. ${preview.examples[f].join(', ')})` : ''}`;
      const name = h('input', {
        type: 'text',
        class: 'input',
        value: file.name.replace(/\.(geo)?json$|\.zip$/i, '').replace(/[_-]+/g, ' '),
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
