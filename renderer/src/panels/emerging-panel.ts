/**
 * Analysis tab: emerging hot spots (issue 13 item 3). For the filter's datasets and categories, the
 * engine computes Gi* in each time slice and a Mann–Kendall trend per cell, classes the cells (new,
 * consecutive, intensifying, persistent, diminishing, sporadic, oscillating, historical; hot or cold)
 * and checks the classes against a second slice length (electron/engine/analysis/emerging-service.ts).
 * The panel draws the classes on the map with a legend, states the slice-length check, and shows a
 * cell's working (Gi* per slice, counts, trend) when it is clicked on the map or in the list.
 */
import type { MapMouseEvent, SourceSpecification } from 'maplibre-gl';
import type { EmergingCell, EmergingRunResult } from '../../../shared/api/tasking-api.js';
import { makeTransform, WGS84_CODE } from '../../../shared/crs/transform.js';
import { LAYER_ORDER } from '../map/layers.js';
import type { AppContext } from '../shell/app-context.js';
import { h, replaceChildren } from '../shell/dom.js';
import { registerPanel, Subscriptions } from '../shell/panels.js';
import { cellAt, legendRows, patternColour, workingLines } from './emerging-view.js';
import { field, numberInput, select } from './ui.js';
import { isoToUk, ukDateInput } from './uk-date.js';
import { workspaceOf } from './workspace.js';

const LAYER = 'emerging-patterns';
const CELLS_LISTED = 15;

function patternCanvas(result: EmergingRunResult): HTMLCanvasElement {
  const { width, height, values } = result.pattern;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('this browser cannot draw a canvas, so the classes cannot be shown');
  const image = context.createImageData(width, height);
  values.forEach((code, i) => {
    const colour = patternColour(code);
    if (colour === null) return;
    const n = Number.parseInt(colour.slice(1), 16);
    image.data.set([(n >> 16) & 255, (n >> 8) & 255, n & 255, 210], i * 4);
  });
  context.putImageData(image, 0, 0);
  return canvas;
}

function drawPatterns(app: AppContext, result: EmergingRunResult, crs: string): void {
  const g = result.pattern;
  const t = makeTransform(crs, crs);
  const [x0, y0, x1, y1] = [
    g.originX,
    g.originY,
    g.originX + g.width * g.cellSizeM,
    g.originY + g.height * g.cellSizeM,
  ];
  app.layers.set(LAYER, {
    order: LAYER_ORDER.density + 1,
    source: {
      type: 'canvas',
      canvas: patternCanvas(result),
      animate: false,
      coordinates: [
        t.projectToWgs84(x0, y1),
        t.projectToWgs84(x1, y1),
        t.projectToWgs84(x1, y0),
        t.projectToWgs84(x0, y0),
      ],
    } as unknown as SourceSpecification,
    layers: [
      {
        id: `${LAYER}-image`,
        type: 'raster',
        source: LAYER,
        paint: { 'raster-opacity': 0.85, 'raster-resampling': 'nearest', 'raster-fade-duration': 0 },
      },
    ],
  });
}

function legend(result: EmergingRunResult): HTMLElement {
  const rows = legendRows(result.patternCounts);
  if (rows.length === 0) return h('p', {}, 'No cell shows an emerging, persistent or other pattern.');
  return h(
    'ul',
    { class: 'legend-list', 'data-testid': 'emerging-legend' },
    ...rows.map((row) =>
      h(
        'li',
        {},
        h('span', {
          class: 'legend-swatch',
          style: `display:inline-block;width:12px;height:12px;margin-right:6px;background:${row.colour}`,
        }),
        `${row.label}: ${row.cells} cells`,
      ),
    ),
  );
}

function working(result: EmergingRunResult, cell: EmergingCell): HTMLElement {
  return h(
    'div',
    { class: 'result-block' },
    h('h4', {}, `Cell at ${Math.round(cell.x)}, ${Math.round(cell.y)}: ${cell.pattern}`),
    ...workingLines(cell, result.slices, result.checkSliceLabel).map((line) => h('p', {}, line)),
  );
}

registerPanel({
  id: 'emerging',
  tab: 'analysis',
  title: 'Emerging hot spots',
  order: 66,
  render(el, app) {
    const ws = workspaceOf(app);
    const subs = new Subscriptions();
    const end = ukDateInput({ 'aria-label': 'Last day', 'data-testid': 'emerging-end' });
    const length = numberInput({ min: 1, max: 366, value: 3, 'data-testid': 'emerging-length' });
    const unit = select(
      [
        { value: 'months', label: 'months' },
        { value: 'days', label: 'days' },
      ],
      'months',
      { 'data-testid': 'emerging-unit' },
    );
    const slices = numberInput({ min: 2, max: 120, value: 8, 'data-testid': 'emerging-slices' });
    const run = h(
      'button',
      { type: 'button', class: 'btn', 'data-action': 'run-emerging' },
      'Find emerging hot spots',
    );
    const out = h('div', { 'data-testid': 'emerging-result' });
    const detail = h('div', { 'data-testid': 'emerging-working' });
    el.append(
      h(
        'p',
        { class: 'hint' },
        'Gi* hot and cold spots in each time slice and the trend of each cell across them, for the datasets and categories of the filter. Click a coloured cell on the map to see its working.',
      ),
      field('Last day of the last slice', end.element),
      h(
        'div',
        { class: 'form-grid' },
        field('Slice length', length),
        field('in', unit),
        field('Slices', slices),
      ),
      run,
      out,
      detail,
    );
    let last: EmergingRunResult | null = null;
    const showCell = (cell: EmergingCell | undefined) => {
      if (last === null) return;
      replaceChildren(
        detail,
        cell ? working(last, cell) : h('p', { class: 'hint' }, 'That cell has no pattern.'),
      );
    };
    run.addEventListener('click', async () => {
      const endDate = end.value();
      const n = Number(slices.value);
      const len = Number(length.value);
      if (!endDate || !(n >= 2) || !(len >= 1)) {
        replaceChildren(
          out,
          h('p', { class: 'hint' }, 'Give the last day (dd/mm/yyyy), a slice length and at least 2 slices.'),
        );
        return;
      }
      const filter = ws.records?.filter ?? {};
      run.disabled = true;
      try {
        const outcome = await app.runJob('Emerging hot spots', (jobId) =>
          app.api.runEmerging({
            jobId,
            filter: {
              ...(filter.datasetIds ? { datasetIds: filter.datasetIds } : {}),
              ...(filter.categories ? { categories: filter.categories } : {}),
            },
            endDate,
            slice: { unit: unit.value as 'months' | 'days', length: Math.round(len), slices: Math.round(n) },
          }),
        );
        const crs = app.project()?.crs;
        if (!outcome.ok || !crs) return;
        const result = outcome.value;
        last = result;
        drawPatterns(app, result, crs);
        const first = result.slices[0];
        const final = result.slices[result.slices.length - 1];
        replaceChildren(
          out,
          h(
            'p',
            {},
            `${result.slices.length} slices (${result.sliceLabel})${first && final ? ` from ${isoToUk(first.from)} to ${isoToUk(final.to)}` : ''}; cells of ${Math.round(result.cellSizeM)} m, distance band ${Math.round(result.distanceM)} m.`,
          ),
          legend(result),
          h(
            'p',
            { 'data-testid': 'emerging-check' },
            `Slice-length check: ${result.changedWithSliceLength} of ${result.patterned} patterned cells change class with slices of ${result.checkSliceLabel}${result.changedWithSliceLength > 0 ? ': read their class with care' : ''}.`,
          ),
          h(
            'ul',
            { class: 'boundary-list' },
            ...result.cells.slice(0, CELLS_LISTED).map((cell) => {
              const b = h('button', { type: 'button', class: 'btn btn-small btn-link' }, cell.pattern);
              b.addEventListener('click', () => showCell(cell));
              return h(
                'li',
                {},
                b,
                ` at ${Math.round(cell.x)}, ${Math.round(cell.y)}${cell.rise ? ', rising' : ''}`,
              );
            }),
          ),
          // The caveats carry the rules (slices, significance, trend) as well.
          ...result.provenance.caveats.map((text) => h('p', { class: 'hint' }, text)),
        );
        replaceChildren(detail);
      } finally {
        run.disabled = false;
      }
    });
    const onMapClick = (event: MapMouseEvent) => {
      const crs = app.project()?.crs;
      if (last === null || !crs || !app.layers.has(LAYER)) return;
      const [x, y] = makeTransform(WGS84_CODE, crs).toProject(event.lngLat.lng, event.lngLat.lat);
      const index = cellAt(last.pattern, x, y);
      if (index === null || (last.pattern.values[index] ?? 0) === 0) return;
      showCell(last.cells.find((c) => c.cell === index));
    };
    app.map.on('click', onMapClick);
    subs.add(() => app.map.off('click', onMapClick));
    let projectPath: string | null = null;
    subs.add(
      app.onProjectChange((project) => {
        if ((project?.path ?? null) === projectPath) return;
        projectPath = project?.path ?? null;
        last = null;
        app.layers.remove(LAYER);
        replaceChildren(out);
        replaceChildren(detail);
      }),
    );
    return () => subs.release();
  },
});
