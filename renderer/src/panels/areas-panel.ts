/**
 * Analysis tab: saved areas (issue 13 item 5). The analyst draws a polygon, a rectangle or a buffer
 * ring on the map (map/draw-area.ts), or picks a boundary area by clicking it (map/pick-boundary.ts),
 * names it and saves it in the project; saved areas are drawn on the map (dashed purple) and can be zoomed to, tasked against in
 * the Actions panel, or deleted. The engine keeps them in project metres (project/areas.ts) and takes
 * them as a record filter ({ areaId }) or a study area.
 */
import type { AreaInfo } from '../../../shared/api/areas-actions-api.js';
import { coordinateBounds } from '../map/coordinate-bounds.js';
import { startDrawing } from '../map/draw-area.js';
import { LAYER_ORDER } from '../map/layers.js';
import { boundaryAt, type PickableLayer, startPicking } from '../map/pick-boundary.js';
import type { AppContext } from '../shell/app-context.js';
import { h, replaceChildren } from '../shell/dom.js';
import { registerPanel, Subscriptions } from '../shell/panels.js';
import { confirmDialog, field, numberInput, select } from './ui.js';
import { type Workspace, workspaceOf } from './workspace.js';

const LAYER = 'saved-areas';

function drawAreas(app: AppContext, areas: readonly AreaInfo[]): void {
  app.layers.set(LAYER, {
    order: LAYER_ORDER.boundaries + 1,
    source: {
      type: 'geojson',
      data: {
        type: 'FeatureCollection',
        features: areas.map((a) => ({
          type: 'Feature',
          properties: { name: a.name },
          geometry: a.geometryWgs84 as GeoJSON.Polygon | GeoJSON.MultiPolygon,
        })),
      },
    },
    layers: [
      {
        id: `${LAYER}-line`,
        type: 'line',
        source: LAYER,
        paint: { 'line-color': '#6a1b9a', 'line-width': 2, 'line-dasharray': [3, 2] },
      },
    ],
  });
}

/** The boundary layers drawn on the map, with their features: what a click can pick. */
async function shownBoundaries(ws: Workspace): Promise<PickableLayer[]> {
  const shown = ws.boundaries.filter((b) => ws.visibleBoundaries.includes(b.id));
  return Promise.all(shown.map(async (b) => ({ name: b.name, geo: await ws.boundaryGeoJson(b.id) })));
}

registerPanel({
  id: 'areas',
  tab: 'analysis',
  title: 'Areas',
  order: 60,
  render(el, app) {
    const ws = workspaceOf(app);
    const subs = new Subscriptions();
    const name = h('input', {
      type: 'text',
      class: 'input',
      placeholder: 'e.g. Market Square',
      maxlength: '200',
    });
    const shape = select(
      [
        { value: 'polygon', label: 'Polygon (click corners, double-click to finish)' },
        { value: 'rectangle', label: 'Rectangle (click two corners)' },
        { value: 'buffer', label: 'Buffer ring (click the centre)' },
        { value: 'boundary', label: 'Boundary area (click it on the map)' },
      ],
      'polygon',
      { 'data-testid': 'area-shape' },
    );
    const outer = numberInput({ min: 10, max: 50_000, step: 10, value: 400 });
    const inner = numberInput({ min: 0, max: 50_000, step: 10, value: 0 });
    const draw = h('button', { type: 'button', class: 'btn', 'data-action': 'draw-area' }, 'Draw and save');
    shape.addEventListener('change', () => {
      draw.textContent = shape.value === 'boundary' ? 'Pick and save' : 'Draw and save';
    });
    const status = h('p', { class: 'hint', role: 'status' });
    const list = h('ul', { class: 'boundary-list', 'data-testid': 'area-list' });
    el.append(
      h(
        'p',
        { class: 'hint' },
        'Areas for filters, study areas, and targets, buffers or controls of an action.',
      ),
      field('Name', name, 'A boundary area left unnamed takes its own name.'),
      field('Shape', shape),
      field('Buffer outer radius (m)', outer),
      field('Buffer inner radius (m, 0 for a circle)', inner),
      draw,
      status,
      list,
    );
    let areas: AreaInfo[] = [];
    let cancel: (() => void) | null = null;
    const refresh = async () => {
      if (app.project() === null) {
        areas = [];
        app.layers.remove(LAYER);
      } else {
        areas = await app.api.listAreas({});
        drawAreas(app, areas);
      }
      replaceChildren(
        list,
        ...areas.map((a) => {
          const zoom = h('button', { type: 'button', class: 'btn btn-small' }, 'Zoom');
          zoom.addEventListener('click', () => {
            const ring = (
              a.geometryWgs84.type === 'Polygon'
                ? (a.geometryWgs84.coordinates as number[][][])[0]
                : (a.geometryWgs84.coordinates as number[][][][])[0]![0]
            )!;
            const bounds = coordinateBounds(ring);
            if (bounds) ws.focus(bounds);
          });
          const remove = h('button', { type: 'button', class: 'btn btn-small' }, 'Delete');
          remove.addEventListener('click', async () => {
            const sure = await confirmDialog(
              `Delete the area "${a.name}"?`,
              'Actions tasked against it keep their own copy of its outline.',
              'Delete',
            );
            if (!sure) return;
            await app.api.deleteArea({ id: a.id });
            await refresh();
          });
          return h(
            'li',
            {},
            h('strong', {}, a.name),
            ` ${a.areaKm2.toFixed(2)} km², ${a.madeFrom} `,
            zoom,
            remove,
          );
        }),
      );
    };
    const save = async (areaShape: Parameters<typeof app.api.saveArea>[0]['shape']) => {
      const area = await app.api.saveArea({ name: name.value.trim(), shape: areaShape });
      status.textContent = `Saved "${area.name}" (${area.areaKm2.toFixed(2)} km²).`;
      name.value = '';
      await refresh();
    };
    const pick = async () => {
      const layers = await shownBoundaries(ws);
      if (layers.length === 0) {
        status.textContent =
          'Switch on a boundary layer first (Data tab, Boundary layers), then click one of its areas.';
        return;
      }
      cancel?.();
      status.textContent = 'Click a boundary area on the map: press Escape to stop.';
      cancel = startPicking(
        app.map,
        (lon, lat) => boundaryAt(layers, lon, lat),
        () => {
          status.textContent =
            'No boundary area there: click inside one of the outlined areas, or press Escape.';
        },
        (picked) => {
          cancel = null;
          if (picked === null) {
            status.textContent = 'Picking cancelled.';
            return;
          }
          // An empty name takes the boundary area's own name.
          if (name.value.trim() === '') name.value = picked.name;
          save({ kind: 'boundary', boundaryFeatureId: picked.featureId }).catch((error) =>
            app.notifyError(error, 'The area could not be saved'),
          );
        },
      );
    };
    draw.addEventListener('click', async () => {
      if (shape.value === 'boundary') {
        await pick().catch((error) => app.notifyError(error, 'Could not read the boundary layers'));
        return;
      }
      if (name.value.trim() === '') {
        status.textContent = 'Give the area a name first.';
        return;
      }
      try {
        cancel?.();
        status.textContent = 'Drawing on the map: press Escape to stop.';
        cancel = startDrawing(
          app.map,
          app.layers,
          shape.value as 'polygon' | 'rectangle' | 'buffer',
          (drawn) => {
            cancel = null;
            if (drawn === null) {
              status.textContent = 'Drawing cancelled.';
              return;
            }
            const areaShape =
              drawn.kind === 'buffer'
                ? {
                    ...drawn,
                    radiusM: Number(outer.value),
                    ...(Number(inner.value) > 0 ? { innerRadiusM: Number(inner.value) } : {}),
                  }
                : drawn;
            save(areaShape).catch((error) => app.notifyError(error, 'The area could not be saved'));
          },
        );
      } catch (error) {
        app.notifyError(error, 'The area could not be saved');
      }
    });
    subs.add(app.onProjectChange(() => void refresh().catch((e) => app.notifyError(e, 'Areas'))));
    subs.add(() => cancel?.());
    return () => subs.release();
  },
});
