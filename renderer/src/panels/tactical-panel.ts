/**
 * Analysis tab: the tactical assessment (issue 13 item 1). For the filter's datasets and categories
 * and a period (dd/mm/yyyy), the engine compares it with the previous period and the same period last
 * year (electron/engine/analysis/tactical-service.ts); the panel shows the headlines and the hotspot
 * classes with their Jaccard index, draws the outlines coloured by class, and downloads the marked
 * HTML, PDF or PPTX.
 */
import type { TacticalHotspot, TacticalResult } from '../../../shared/api/tactical-api.js';
import { tacticalHeadlines } from '../../../shared/tasking/tactical-report.js';
import { LAYER_ORDER } from '../map/layers.js';
import type { AppContext } from '../shell/app-context.js';
import { h, replaceChildren } from '../shell/dom.js';
import { registerPanel, Subscriptions } from '../shell/panels.js';
import { base64Bytes, download, field } from './ui.js';
import { ukDateInput } from './uk-date.js';
import { workspaceOf } from './workspace.js';

const LAYER = 'tactical-hotspots';
const STATUS_COLOURS: Record<TacticalHotspot['status'], string> = {
  new: '#b2182b',
  grown: '#ef8a62',
  persisting: '#4d4d4d',
  shrunk: '#67a9cf',
  gone: '#2166ac',
};
const MIME = {
  html: 'text/html',
  pdf: 'application/pdf',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

function drawHotspots(app: AppContext, result: TacticalResult): void {
  app.layers.set(LAYER, {
    order: LAYER_ORDER.hotspots + 1,
    source: {
      type: 'geojson',
      data: {
        type: 'FeatureCollection',
        features: result.hotspots.map((h) => ({
          type: 'Feature',
          properties: { status: h.status, colour: STATUS_COLOURS[h.status] },
          geometry: { type: 'Polygon', coordinates: h.polygonWgs84 },
        })),
      },
    },
    layers: [
      {
        id: `${LAYER}-line`,
        type: 'line',
        source: LAYER,
        paint: { 'line-color': ['get', 'colour'], 'line-width': 3 },
      },
    ],
  });
}

registerPanel({
  id: 'tactical',
  tab: 'analysis',
  title: 'Tactical assessment',
  order: 70,
  render(el, app) {
    const ws = workspaceOf(app);
    const subs = new Subscriptions();
    const from = ukDateInput({ 'aria-label': 'From', 'data-testid': 'tactical-from' });
    const to = ukDateInput({ 'aria-label': 'To', 'data-testid': 'tactical-to' });
    const run = h('button', { type: 'button', class: 'btn', 'data-action': 'run-tactical' }, 'Assess');
    const exports = (['html', 'pdf', 'pptx'] as const).map((format) => {
      const b = h('button', { type: 'button', class: 'btn btn-small', disabled: true }, format.toUpperCase());
      b.addEventListener('click', () => void exportAs(format));
      return b;
    });
    const out = h('div', { 'data-testid': 'tactical-result' });
    el.append(
      h(
        'p',
        { class: 'hint' },
        'What changed: this period against the one before it and the same dates last year, for the datasets and categories of the filter.',
      ),
      field('From', from.element),
      field('To', to.element),
      run,
      out,
      h('div', { class: 'button-row' }, ...exports),
    );
    let last: Parameters<typeof app.api.runTactical>[0] | null = null;

    const input = () => {
      const [f, t] = [from.value(), to.value()];
      if (!f || !t) return null;
      const filter = ws.records?.filter ?? {};
      return {
        from: f,
        to: t,
        ...(filter.datasetIds ? { datasetIds: filter.datasetIds } : {}),
        ...(filter.categories ? { categories: filter.categories } : {}),
      };
    };
    run.addEventListener('click', async () => {
      const request = input();
      if (request === null) {
        replaceChildren(out, h('p', { class: 'hint' }, 'Give the period as two dd/mm/yyyy dates.'));
        return;
      }
      run.disabled = true;
      try {
        const outcome = await app.runJob('Tactical assessment', (jobId) =>
          app.api.runTactical({ jobId, ...request }),
        );
        if (!outcome.ok) return;
        last = { jobId: '', ...request };
        const result = outcome.value;
        drawHotspots(app, result);
        replaceChildren(
          out,
          h('ul', {}, ...tacticalHeadlines(result).map((line) => h('li', {}, line))),
          h(
            'ul',
            { class: 'boundary-list' },
            ...result.hotspots.map((hs) =>
              h(
                'li',
                {},
                h('strong', { style: `color:${STATUS_COLOURS[hs.status]}` }, hs.status),
                ` ${hs.rank !== null ? `Hotspot ${hs.rank}` : 'Previous hotspot'}${hs.places[0] ? `, ${hs.places[0]}` : ''}: ` +
                  `${hs.events} events (before ${hs.previousEvents ?? 'no data'}), Jaccard ${hs.jaccard.toFixed(2)}`,
              ),
            ),
          ),
          h('p', { class: 'hint' }, result.changeRule),
        );
        for (const b of exports) b.disabled = false;
      } finally {
        run.disabled = false;
      }
    });
    const exportAs = async (format: 'html' | 'pdf' | 'pptx') => {
      if (last === null) return;
      const { jobId: _unused, ...request } = last;
      const outcome = await app.runJob(`Tactical assessment (${format.toUpperCase()})`, (jobId) =>
        app.api.exportTactical({ jobId, ...request, format }),
      );
      if (outcome.ok && outcome.value.base64)
        download(outcome.value.fileName, base64Bytes(outcome.value.base64), MIME[format]);
    };
    let projectPath: string | null = null;
    subs.add(
      app.onProjectChange((project) => {
        // Another project (not an edit of this one, such as a saved action): the result no longer applies.
        if ((project?.path ?? null) === projectPath) return;
        projectPath = project?.path ?? null;
        last = null;
        app.layers.remove(LAYER);
        replaceChildren(out);
        for (const b of exports) b.disabled = true;
      }),
    );
    return () => subs.release();
  },
});
