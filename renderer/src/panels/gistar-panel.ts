/**
 * Analysis tab: Getis-Ord Gi* hot and cold spots (issue 13 item 2). For the filter's records, the
 * engine counts events per cell and computes Gi* (electron/engine/analysis/gistar-service.ts); the
 * panel draws the 90/95/99 % hot and cold cells as an image on the map (red hot, blue cold, the
 * deeper the more confident) and states the cell size, the distance band (and the suggested one),
 * the cell counts per class (each cell in one class) and the caveats: the study area, whether cold
 * spots can be detected at all, too many hot cells to task, how the band was suggested.
 */
import type { SourceSpecification } from 'maplibre-gl';
import { exclusiveBins } from '../../../shared/analysis/gistar/reading.js';
import type { GiStarRunResult } from '../../../shared/api/tasking-api.js';
import { LAYER_ORDER } from '../map/layers.js';
import type { AppContext } from '../shell/app-context.js';
import { h, replaceChildren } from '../shell/dom.js';
import { registerPanel, Subscriptions } from '../shell/panels.js';
import { field } from './ui.js';
import { workspaceOf } from './workspace.js';

const LAYER = 'gistar-bins';
/** RGBA of bins −3 … +3 (ArcGIS's hot spot colours; 0 transparent). */
const BIN_RGBA: Record<number, [number, number, number, number]> = {
  [-3]: [69, 117, 181, 220],
  [-2]: [132, 158, 194, 200],
  [-1]: [192, 204, 190, 180],
  0: [0, 0, 0, 0],
  1: [250, 185, 132, 180],
  2: [237, 117, 81, 200],
  3: [214, 47, 39, 220],
};

function binCanvas(result: GiStarRunResult): HTMLCanvasElement {
  const { width, height } = result.z;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (context === null)
    throw new Error('this browser cannot draw a canvas, so the hot spots cannot be shown');
  const image = context.createImageData(width, height);
  result.bins.forEach((bin, i) => {
    image.data.set(BIN_RGBA[bin] ?? BIN_RGBA[0]!, i * 4);
  });
  context.putImageData(image, 0, 0);
  return canvas;
}

function drawBins(app: AppContext, result: GiStarRunResult): void {
  const [nw, ne, se, sw] = result.cornersWgs84;
  app.layers.set(LAYER, {
    order: LAYER_ORDER.density + 1,
    source: {
      type: 'canvas',
      canvas: binCanvas(result),
      animate: false,
      coordinates: [nw, ne, se, sw],
    } as unknown as SourceSpecification,
    layers: [
      {
        id: `${LAYER}-image`,
        type: 'raster',
        source: LAYER,
        paint: { 'raster-opacity': 0.8, 'raster-resampling': 'nearest', 'raster-fade-duration': 0 },
      },
    ],
  });
}

function summary(result: GiStarRunResult): HTMLElement {
  const c = result.binCounts;
  const band = result.distanceSuggested
    ? `${Math.round(result.distanceM)} m (suggested)`
    : `${Math.round(result.distanceM)} m (suggested ${Math.round(result.suggestion.distanceM)} m)`;
  return h(
    'div',
    {},
    h(
      'ul',
      {},
      h('li', {}, `Hot spot cells by confidence: ${exclusiveBins(c, 1)}`),
      h('li', {}, `Cold spot cells by confidence: ${exclusiveBins(c, -1)}`),
      h('li', {}, `Cells of ${Math.round(result.cellSizeM)} m; distance band ${band}`),
      h('li', {}, `${result.events.used} events counted, ${result.events.outside} outside the grid`),
    ),
    ...result.provenance.caveats.map((text) => h('p', { class: 'hint' }, text)),
  );
}

function optionalNumber(input: HTMLInputElement): number | undefined {
  const v = Number(input.value);
  return input.value.trim() !== '' && Number.isFinite(v) && v > 0 ? v : undefined;
}

registerPanel({
  id: 'gistar',
  tab: 'analysis',
  title: 'Hot and cold spots (Gi*)',
  order: 65,
  render(el, app) {
    const ws = workspaceOf(app);
    const subs = new Subscriptions();
    const cell = h('input', {
      type: 'number',
      min: '1',
      placeholder: 'automatic',
      'data-testid': 'gistar-cell',
    });
    const distance = h('input', {
      type: 'number',
      min: '1',
      placeholder: 'suggested',
      'data-testid': 'gistar-distance',
    });
    const run = h(
      'button',
      { type: 'button', class: 'btn', 'data-action': 'run-gistar' },
      'Find hot and cold spots',
    );
    const out = h('div', { 'data-testid': 'gistar-result' });
    el.append(
      h(
        'p',
        { class: 'hint' },
        'Getis-Ord Gi*: cells whose neighbourhood holds more (hot) or fewer (cold) events than chance would give, for the records of the filter.',
      ),
      field('Cell size (m)', cell),
      field('Distance band (m)', distance),
      run,
      out,
    );
    run.addEventListener('click', async () => {
      run.disabled = true;
      try {
        const cellSizeM = optionalNumber(cell);
        const distanceM = optionalNumber(distance);
        const outcome = await app.runJob('Gi* hot spots', (jobId) =>
          app.api.runGiStar({
            jobId,
            filter: ws.records?.filter ?? {},
            ...(cellSizeM !== undefined ? { cellSizeM } : {}),
            ...(distanceM !== undefined ? { distanceM } : {}),
          }),
        );
        if (!outcome.ok) return;
        drawBins(app, outcome.value);
        replaceChildren(out, summary(outcome.value));
      } finally {
        run.disabled = false;
      }
    });
    subs.add(
      app.onProjectChange(() => {
        app.layers.remove(LAYER);
        replaceChildren(out);
      }),
    );
    return () => subs.release();
  },
});
