/**
 * Analysis tab: kernel density and hotspots (DESIGN.md §4) of the filtered records. The analyst sets
 * the cell size and bandwidth (the defaults and the data-driven suggestion are shown beside them, worked
 * out here from the filtered points with the engine's own shared functions), the kernel and the
 * threshold classes; the run goes to a worker with progress and Cancel in the status bar; the surface
 * and the numbered hotspots land on the map, with a table of the hotspots and the run's parameters
 * and provenance.
 */
import {
  defaultBandwidthM,
  defaultCellSizeM,
  suggestBandwidthM,
} from '../../../shared/analysis/kde/defaults.js';
import { KERNEL_NAMES } from '../../../shared/analysis/kde/kernels.js';
import type { KdeRunResult } from '../../../shared/api/analysis-api.js';
import { kdeLegendLines } from '../map/legend.js';
import { formatDensity } from '../map/workspace-layers.js';
import { h, replaceChildren } from '../shell/dom.js';
import { registerPanel, Subscriptions } from '../shell/panels.js';
import { whenShown } from '../shell/when-shown.js';
import { formatHours, THRESHOLD_CHOICES } from './analysis-helpers.js';
import { describeFilter } from './describe-filter.js';
import { staleNote } from './stale-note.js';
import { count, detailsBlock, field, numberInput, percent, select, when } from './ui.js';
import { type Workspace, workspaceOf } from './workspace.js';
import './workspace.css';

registerPanel({
  id: 'kde',
  tab: 'analysis',
  title: 'Hotspots (kernel density)',
  order: 10,
  render(el, app) {
    const ws = workspaceOf(app);
    const scope = h('p', { class: 'hint', 'data-testid': 'kde-scope' });
    const cell = numberInput({ min: 1, step: 'any', 'aria-describedby': 'kde-cell-hint', name: 'cellSizeM' });
    const bandwidth = numberInput({ min: 1, step: 'any', name: 'bandwidthM' });
    const suggestion = h('p', { class: 'field-hint', 'data-testid': 'bandwidth-suggestion' });
    const kernel = select(
      KERNEL_NAMES.map((k) => ({
        value: k,
        label: k[0].toUpperCase() + k.slice(1),
      })),
      'quartic',
      { name: 'kernel' },
    );
    const thresholds = select(
      THRESHOLD_CHOICES.map((c) => ({ value: c.id, label: c.label })),
      'mean-multiple',
      { name: 'thresholds' },
    );
    const hotspotClass = select([], '3', { name: 'hotspotClass' });
    const clip = h('input', { type: 'checkbox', name: 'clip' });
    const clipLabel = h('label', { class: 'check' }, clip, 'Clip the surface to the filter’s area');
    const run = h(
      'button',
      { type: 'button', class: 'btn btn-primary', 'data-action': 'run-kde' },
      'Run kernel density',
    );
    const result = h('div', { class: 'result', 'data-testid': 'kde-result' });
    const stale = staleNote(ws, 'kde');
    const subscriptions = new Subscriptions();

    const fillClasses = () => {
      const choice = THRESHOLD_CHOICES.find((c) => c.id === thresholds.value)!;
      const previous = hotspotClass.value;
      replaceChildren(
        hotspotClass,
        ...choice.classes.map((label, i) => h('option', { value: String(i + 1) }, `≥ ${label}`)),
      );
      // Default: the top class (3 × the study area's mean; kde-service.ts says why).
      const wanted = Number(previous) || choice.classes.length;
      hotspotClass.value = String(Math.min(wanted, choice.classes.length));
    };
    thresholds.addEventListener('change', fillClasses);
    fillClasses();

    el.append(
      scope,
      h(
        'div',
        { class: 'form-grid' },
        field('Cell size (m)', cell),
        h('div', { class: 'field' }, field('Bandwidth (m)', bandwidth), suggestion),
        field('Kernel', kernel),
        field('Classes', thresholds),
        field('Hotspots are areas', hotspotClass),
      ),
      clipLabel,
      h('div', { class: 'run-row' }, run),
      stale.element,
      result,
    );

    let suggested: number | null = null;
    const refresh = () => {
      const records = ws.records;
      const n = records?.columns.count ?? 0;
      replaceChildren(
        scope,
        n === 0
          ? 'No point records match the filter: import data or widen the filter (Filter tab).'
          : `${count(n)} points: ${describeFilter(ws)}.`,
      );
      run.disabled = n < 2;
      clip.disabled = ws.filter.areaFeatureId === null;
      clipLabel.hidden = ws.filter.areaFeatureId === null;
      if (clip.disabled) clip.checked = false;
      if (records === null || n < 2) {
        replaceChildren(suggestion);
        suggested = null;
        cell.placeholder = 'auto';
        bandwidth.placeholder = 'auto';
        return;
      }
      const { x, y } = records.columns;
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (let i = 0; i < n; i++) {
        if (x[i] < minX) minX = x[i];
        if (x[i] > maxX) maxX = x[i];
        if (y[i] < minY) minY = y[i];
        if (y[i] > maxY) maxY = y[i];
      }
      try {
        const autoCell = defaultCellSizeM({ minX, minY, maxX, maxY });
        const cellUsed = Number(cell.value) > 0 ? Number(cell.value) : autoCell;
        cell.placeholder = `auto: ${round(autoCell)}`;
        bandwidth.placeholder = `auto: ${round(defaultBandwidthM(cellUsed))} (5 cells)`;
      } catch {
        cell.placeholder = 'give a cell size';
      }
      suggest.request();
    };
    // The suggestion reads every point (30–190 ms at 200,000): made only while the panel is shown.
    const suggest = whenShown(suggestion, () => {
      const records = ws.records;
      if (records === null || records.columns.count < 2) return;
      const s = suggestBandwidthM(records.columns.x, records.columns.y);
      suggested = Number.isFinite(s) ? s : null;
      if (suggested === null) replaceChildren(suggestion);
      else {
        const use = h('button', { type: 'button', class: 'link-button' }, 'use it');
        use.addEventListener('click', () => {
          bandwidth.value = String(round(suggested!));
          bandwidth.focus();
        });
        replaceChildren(
          suggestion,
          `Suggested from the data: ${round(suggested)} m (ArcGIS-style rule of thumb) · `,
          use,
        );
      }
    });
    subscriptions.add(() => suggest.dispose());
    cell.addEventListener('input', refresh);
    refresh();
    subscriptions.add(ws.on('records', refresh));
    subscriptions.add(ws.on('filter', refresh));
    subscriptions.add(ws.on('filter', stale.update));
    // Another project: its data need their own cell size and bandwidth (a 2 m cell from the last
    // project made the next one's first run fail).
    subscriptions.add(
      ws.on('projectSwitched', () => {
        cell.value = '';
        bandwidth.value = '';
        kernel.value = 'quartic';
        thresholds.value = 'mean-multiple';
        hotspotClass.value = '';
        fillClasses();
        clip.checked = false;
        replaceChildren(result);
      }),
    );

    run.addEventListener('click', async () => {
      const records = ws.records;
      if (records === null) return;
      const choice = THRESHOLD_CHOICES.find((c) => c.id === thresholds.value)!;
      const params = {
        kernel: kernel.value as (typeof KERNEL_NAMES)[number],
        thresholds: choice.spec,
        hotspotClass: Number(hotspotClass.value),
        ...(Number(cell.value) > 0 ? { cellSizeM: Number(cell.value) } : {}),
        ...(Number(bandwidth.value) > 0 ? { bandwidthM: Number(bandwidth.value) } : {}),
        ...(clip.checked && ws.filter.areaFeatureId !== null
          ? { clip: { boundaryFeatureId: ws.filter.areaFeatureId } }
          : {}),
      };
      run.disabled = true;
      replaceChildren(
        result,
        h('p', { class: 'hint' }, 'Running… progress and Cancel are in the status bar.'),
      );
      const label = `Kernel density: ${describeFilter(ws)}`;
      const outcome = await app.runJob(label, (jobId) =>
        app.api.runKde({ jobId, filter: records.filter, params }),
      );
      run.disabled = false;
      if (!outcome.ok) {
        replaceChildren(
          result,
          h(
            'p',
            { class: 'hint' },
            outcome.cancelled
              ? 'Cancelled. Change the settings and run again.'
              : 'The run failed (see the message).',
          ),
        );
        return;
      }
      ws.setKde(outcome.value, records.filter);
    });
    subscriptions.add(
      ws.on('kde', (kde) => {
        replaceChildren(result, kde === null ? null : kdeResult(ws, kde));
        stale.update();
      }),
    );
    return () => subscriptions.release();
  },
});

function round(value: number): number {
  return value >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
}

function kdeResult(ws: Workspace, kde: KdeRunResult): HTMLElement {
  const p = kde.params;
  const table = h(
    'table',
    { class: 'data-table hotspot-table', 'data-testid': 'hotspot-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col', title: 'Rank by events' }, '#'),
        h('th', { scope: 'col', class: 'num' }, 'Events'),
        h('th', { scope: 'col', class: 'num' }, 'Share'),
        h('th', { scope: 'col', class: 'num', title: 'Area in km²' }, 'km²'),
        h(
          'th',
          { scope: 'col', class: 'num', title: 'Predictive Accuracy Index: share of events ÷ share of area' },
          'PAI',
        ),
        h('th', { scope: 'col' }, 'Top category'),
        h('th', { scope: 'col' }, 'Peak hours'),
      ),
    ),
    h(
      'tbody',
      {},
      ...kde.hotspots.map((spot) => {
        const zoom = h(
          'button',
          { type: 'button', class: 'link-button', 'aria-label': `Zoom to hotspot ${spot.rank}` },
          String(spot.rank),
        );
        zoom.addEventListener('click', () => {
          const ring = spot.polygonWgs84[0] ?? [];
          const xs = ring.map((c) => c[0]);
          const ys = ring.map((c) => c[1]);
          if (xs.length > 0) ws.focus([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
        });
        const top = spot.topCategories[0];
        return h(
          'tr',
          { 'data-rank': spot.rank },
          h('td', {}, zoom),
          h('td', { class: 'num' }, count(spot.events)),
          h('td', { class: 'num' }, percent(spot.share)),
          h('td', { class: 'num' }, spot.areaKm2.toFixed(2)),
          h('td', { class: 'num' }, spot.pai.toFixed(1)),
          h(
            'td',
            { title: spot.topCategories.map((c) => `${c.name} ${c.count}`).join(', ') },
            top ? top.name : '—',
          ),
          h('td', {}, formatHours(spot.peakHours)),
        );
      }),
    ),
  );
  const inHotspots = kde.hotspots.reduce((s, spot) => s + spot.events, 0);
  const areaHotspots = kde.hotspots.reduce((s, spot) => s + spot.areaKm2, 0);
  const dataset = kde.provenance.datasets
    .map(
      (d) =>
        `${d.name} (${d.imports.map((i) => `${i.fileName}, SHA-256 ${i.sha256.slice(0, 12)}`).join('; ')})`,
    )
    .join('; ');
  return h(
    'div',
    {},
    h(
      'p',
      { class: 'result-summary', 'data-testid': 'kde-summary' },
      kde.hotspots.length === 0
        ? `No hotspot the data support. ${kde.support.statement}`
        : `${kde.hotspots.length} hotspot${kde.hotspots.length === 1 ? '' : 's'} hold ${count(inHotspots)} of ${count(kde.counts.used)} events (${percent(inHotspots / Math.max(1, kde.counts.used))}) on ${areaHotspots.toFixed(2)} km² of ${kde.studyAreaKm2.toFixed(1)} km². Peak density ${formatDensity(kde.maxDensity)} ${kde.unit}.`,
      kde.cached ? ' (from the project’s cache)' : '',
    ),
    kde.hotspots.length > 0 ? h('div', { class: 'table-scroll' }, table) : null,
    detailsBlock(
      'Parameters and provenance',
      [
        ['Kernel', p.kernel],
        ['Cell size', `${round(p.cellSizeM)} m${p.defaulted.includes('cellSizeM') ? ' (default)' : ''}`],
        [
          'Bandwidth',
          `${round(p.bandwidthM)} m${p.defaulted.includes('bandwidthM') ? ' (default, 5 cells)' : ''}`,
        ],
        [
          'Suggested bandwidth',
          p.suggestedBandwidthM === null
            ? '—'
            : `${round(p.suggestedBandwidthM)} m (${round(p.suggestedBandwidthM) === round(p.bandwidthM) ? 'applied' : 'not applied'})`,
        ],
        ['Grid', `${kde.grid.width} × ${kde.grid.height} cells, ${p.extentSource} extent`],
        ['Classes', kde.thresholds.map((t) => `${t.label} = ${formatDensity(t.value)}`).join('; ')],
        ['Hotspots are', `≥ class ${p.hotspotClass}`],
        ...kdeLegendLines(kde).map((line): [string, string] => {
          const [name, ...rest] = line.split(': ');
          return [name, rest.join(': ')];
        }),
        ['Hotspot test', kde.support.statement],
        [
          'Study area',
          `${kde.studyAreaKm2.toFixed(2)} km² (${p.clippedToBoundary ? 'the clipping boundary' : 'the grid'}); ${count(kde.counts.excludedOutside)} events outside it left out`,
        ],
        [
          'Events',
          `${count(kde.counts.used)} used of ${count(kde.counts.total)}${p.weighted ? ', weighted' : ''}`,
        ],
        ['Clipped', p.clippedToBoundary ? 'to the filter’s area' : 'no'],
        ['Filter', kde.provenance.filterText],
        ['Data', dataset],
        ['CRS', kde.provenance.crs],
        ['Caveats', kde.provenance.caveats.join('; ') || 'none'],
        [
          'Made',
          `${when(kde.provenance.createdAt)}, app ${kde.provenance.appVersion}, analysis #${kde.analysisId}`,
        ],
      ],
      'kde-provenance',
    ),
    (() => {
      const clear = h('button', { type: 'button', class: 'btn btn-small' }, 'Clear from map');
      clear.addEventListener('click', () => ws.setKde(null));
      return h('div', { class: 'row-actions' }, clear);
    })(),
  );
}
