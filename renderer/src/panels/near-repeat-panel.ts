/**
 * Analysis tab: near repeat (DESIGN.md §4). The Knox test with Near Repeat Calculator bands or edges
 * typed by the analyst, Euclidean or Manhattan distance, iterations and a seed (shown, so the run can
 * be repeated); the table shows the engine's correct half-open interval labels, observed and expected
 * pairs, Knox ratios, unadjusted p and Benjamini–Hochberg q, with the cells the report calls
 * significant shaded (shared/analysis/knox/knox-significance.ts: one rule, not re-derived here) and
 * the sentence on what Knox shows and does not. Then near-repeat chains with the thresholds (and
 * metric) the Knox result suggests: series candidates (click to zoom) with their crime references,
 * hotspot-like chains apart and never offered as series, and risk zones on the map.
 */
import type { ChainSummary, ChainsRunResult, KnoxRunResult } from '../../../shared/api/analysis-api.js';
import { makeTransform } from '../../../shared/crs/transform.js';
import { ukDate } from '../../../shared/model/time.js';
import { formatP } from '../../../shared/profile/format.js';
import type { AppContext } from '../shell/app-context.js';
import { h, replaceChildren } from '../shell/dom.js';
import { registerPanel, Subscriptions } from '../shell/panels.js';
import { formatRatio, parseEdges } from './analysis-helpers.js';
import { describeFilter } from './describe-filter.js';
import { type KnoxPlanRequest, knoxEstimateNote } from './knox-estimate-note.js';
import { monthGuard } from './month-guard.js';
import { staleNote } from './stale-note.js';
import { count, detailsBlock, field, modal, numberInput, select, when } from './ui.js';
import { isoToUk, ukDateInput } from './uk-date.js';
import { type Workspace, workspaceOf } from './workspace.js';
import './workspace.css';

registerPanel({
  id: 'knox',
  tab: 'analysis',
  title: 'Near repeat (Knox test)',
  order: 20,
  render(el, app) {
    const ws = workspaceOf(app);
    const scope = h('p', { class: 'hint' });
    const mode = select(
      [
        { value: 'nrc', label: 'Near Repeat Calculator bands' },
        { value: 'edges', label: 'Band edges' },
      ],
      'nrc',
      { name: 'knoxMode' },
    );
    const bandwidth = numberInput({ min: 2, value: 100, name: 'nrcBandwidthM' });
    const distanceBands = numberInput({ min: 1, max: 100, value: 3, step: 1, name: 'nrcDistanceBands' });
    const timeBand = numberInput({ min: 1, value: 7, step: 1, name: 'nrcTimeBandDays' });
    const timeBands = numberInput({ min: 1, max: 100, value: 3, step: 1, name: 'nrcTimeBands' });
    const distanceEdges = h('input', {
      type: 'text',
      class: 'input',
      value: '0, 100, 200, 300, inf',
      name: 'distanceEdges',
    });
    const timeEdges = h('input', {
      type: 'text',
      class: 'input',
      value: '0, 7, 14, 21, inf',
      name: 'timeEdges',
    });
    const metric = select(
      [
        { value: 'manhattan', label: 'Manhattan (NRC)' },
        { value: 'euclidean', label: 'Euclidean' },
      ],
      'manhattan',
      { name: 'metric' },
    );
    const iterations = numberInput({ min: 9, max: 99999, value: 99, step: 1, name: 'iterations' });
    const seed = numberInput({ min: 0, value: 20260101, step: 1, name: 'seed' });
    const basis = select(
      [
        { value: 'midpoint', label: 'Window midpoint' },
        { value: 'start', label: 'Window start' },
      ],
      'midpoint',
      { name: 'timeBasis' },
    );
    const nrcFields = h(
      'div',
      { class: 'form-grid' },
      field('Distance band (m)', bandwidth),
      field('Distance bands', distanceBands),
      field('Time band (days)', timeBand),
      field('Time bands', timeBands),
    );
    const edgeFields = h(
      'div',
      { class: 'form-grid' },
      field('Distance edges (m)', distanceEdges, 'ascending; last may be inf'),
      field('Time edges (days)', timeEdges),
    );
    edgeFields.hidden = true;
    mode.addEventListener('change', () => {
      nrcFields.hidden = mode.value !== 'nrc';
      edgeFields.hidden = mode.value === 'nrc';
      if (mode.value === 'nrc') metric.value = 'manhattan';
    });
    const run = h(
      'button',
      { type: 'button', class: 'btn btn-primary', 'data-action': 'run-knox' },
      'Run Knox test',
    );
    const error = h('p', { class: 'dialog-error', role: 'alert' });
    const result = h('div', { class: 'result', 'data-testid': 'knox-result' });
    const subscriptions = new Subscriptions();
    const stale = staleNote(ws, 'knox');
    const waitReason = h('p', {
      class: 'run-reason',
      id: 'knox-run-reason',
      'data-testid': 'knox-run-reason',
    });
    run.setAttribute('aria-describedby', 'knox-run-reason');
    const refresh = () => {
      const n = ws.records?.columns.count ?? 0;
      replaceChildren(
        scope,
        n < 2
          ? 'Needs at least two point records with dates: import data or widen the filter.'
          : `${count(n)} points: ${describeFilter(ws)}.`,
      );
      const wait = n < 2 ? 'Needs at least two point records.' : guard.update();
      run.disabled = wait !== null;
      replaceChildren(waitReason, wait ?? '');
    };
    // The estimate (below) depends on the override too; the guard calls back only on input events.
    const guard = monthGuard(ws, 'Knox test', 'knox', () => {
      refresh();
      estimate.schedule();
    });
    /** The request the inputs describe (without the month override); throws on unreadable edges. */
    const requestOf = (records: NonNullable<typeof ws.records>): KnoxPlanRequest => ({
      filter: records.filter,
      ...(mode.value === 'nrc'
        ? {
            nrc: {
              bandwidthM: Number(bandwidth.value),
              distanceBands: Number(distanceBands.value),
              timeBandDays: Number(timeBand.value),
              timeBands: Number(timeBands.value),
            },
          }
        : {
            distanceEdgesM: parseEdges(distanceEdges.value, 'Distance edges'),
            timeEdgesDays: parseEdges(timeEdges.value, 'Time edges'),
          }),
      metric: metric.value as 'manhattan' | 'euclidean',
      iterations: Number(iterations.value),
      seed: Number(seed.value),
      timeBasis: basis.value as 'midpoint' | 'start',
    });
    const estimate = knoxEstimateNote(app, () => {
      const records = ws.records;
      if (records === null || records.columns.count < 2 || run.disabled) return null;
      try {
        const monthOverride = guard.override();
        return { ...requestOf(records), ...(monthOverride ? { monthOverride } : {}) };
      } catch {
        return null;
      }
    });
    for (const control of [
      mode,
      bandwidth,
      distanceBands,
      timeBand,
      timeBands,
      distanceEdges,
      timeEdges,
      metric,
      iterations,
      basis,
    ]) {
      control.addEventListener('input', estimate.schedule);
      control.addEventListener('change', estimate.schedule);
    }
    subscriptions.add(ws.on('records', estimate.schedule));
    subscriptions.add(() => estimate.dispose());
    el.append(
      scope,
      field('Bands', mode),
      nrcFields,
      edgeFields,
      h(
        'div',
        { class: 'form-grid' },
        field('Distance', metric),
        field('Windows dated by', basis),
        field('Iterations', iterations),
        field('Seed', seed),
      ),
      guard.element,
      error,
      estimate.element,
      h('div', { class: 'run-row' }, run, waitReason),
      stale.element,
      result,
    );

    refresh();
    estimate.schedule();
    subscriptions.add(ws.on('records', refresh));
    subscriptions.add(ws.on('filter', stale.update));
    subscriptions.add(
      ws.on('projectSwitched', () => {
        const defaults: [HTMLInputElement | HTMLSelectElement, string][] = [
          [mode, 'nrc'],
          [bandwidth, '100'],
          [distanceBands, '3'],
          [timeBand, '7'],
          [timeBands, '3'],
          [distanceEdges, '0, 100, 200, 300, inf'],
          [timeEdges, '0, 7, 14, 21, inf'],
          [metric, 'manhattan'],
          [iterations, '99'],
          [seed, '20260101'],
          [basis, 'midpoint'],
        ];
        for (const [control, value] of defaults) control.value = value;
        mode.dispatchEvent(new Event('change'));
        guard.reset();
        replaceChildren(error);
        replaceChildren(result);
      }),
    );

    run.addEventListener('click', async () => {
      const records = ws.records;
      if (records === null) return;
      replaceChildren(error);
      let request: KnoxPlanRequest;
      try {
        request = requestOf(records);
      } catch (failure) {
        replaceChildren(error, failure instanceof Error ? failure.message : String(failure));
        return;
      }
      run.disabled = true;
      replaceChildren(
        result,
        h('p', { class: 'hint' }, 'Running… progress and Cancel are in the status bar.'),
      );
      const monthOverride = guard.override();
      const outcome = await app.runJob(`Knox test: ${describeFilter(ws)}`, (jobId) =>
        app.api.runKnox({ jobId, ...request, ...(monthOverride ? { monthOverride } : {}) }),
      );
      refresh();
      estimate.schedule();
      if (!outcome.ok) {
        replaceChildren(
          result,
          h('p', { class: 'hint' }, outcome.cancelled ? 'Cancelled.' : 'The test failed (see the message).'),
        );
        return;
      }
      ws.setKnox(outcome.value, records.filter);
    });
    subscriptions.add(
      ws.on('knox', (knox) => {
        replaceChildren(result, knox === null ? null : knoxResult(ws, knox));
        stale.update();
      }),
    );
    return () => subscriptions.release();
  },
});

function knoxResult(ws: Workspace, knox: KnoxRunResult): HTMLElement {
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, 'Distance ↓ · Time →'),
    ...knox.timeLabels.map((label) => h('th', { scope: 'col' }, label)),
  );
  const body = h('tbody');
  knox.distanceLabels.forEach((label, r) => {
    const row = h('tr', {}, h('th', { scope: 'row' }, label));
    knox.timeLabels.forEach((_, t) => {
      const ratio = knox.knoxRatio[r][t];
      const p = knox.pValue[r][t];
      const q = knox.qValue[r][t];
      const significant = knox.significant[r][t];
      row.append(
        h(
          'td',
          {
            class: significant ? 'sig' : '',
            'data-significant': significant ? 'true' : 'false',
            title: `Observed ${count(knox.observed[r][t])}, expected ${expected(knox.expectedMean[r][t])} (median ${expected(knox.expectedMedian[r][t])}), ratio ${formatRatio(ratio)}, p ${formatP(p)} (unadjusted), q ${formatP(q)} (adjusted across the table)`,
          },
          h('span', { class: 'knox-ratio' }, formatRatio(ratio)),
          h('span', { class: 'knox-p' }, `p ${formatP(p)} · q ${formatP(q)}`),
          h(
            'span',
            { class: 'knox-obs' },
            `${count(knox.observed[r][t])} / ${expected(knox.expectedMean[r][t])}`,
          ),
        ),
      );
    });
    body.append(row);
  });
  const useForChains = h(
    'button',
    { type: 'button', class: 'btn btn-small', 'data-action': 'use-suggestion' },
    'Use for chains',
  );
  useForChains.addEventListener('click', () => {
    if (knox.suggestion) ws.setChainThresholds(knox.suggestion.distanceM, knox.suggestion.days);
  });
  const significantCells = knox.significant.flat().filter(Boolean).length;
  const table = () =>
    h(
      'table',
      { class: 'data-table knox-table', 'data-testid': 'knox-table' },
      h('caption', {}, 'Knox ratio; p (unadjusted) and q (adjusted); observed / expected pairs'),
      h('thead', {}, head.cloneNode(true)),
      body.cloneNode(true),
    );
  const key = () =>
    h(
      'p',
      { class: 'hint' },
      h('span', { class: 'sig-key' }, 'Shaded'),
      ` cells (${significantCells} of ${knox.significant.flat().length}): more pairs than chance, q < 0.05 after the ` +
        'false discovery rate correction across the cells of the table, with a ratio above 1.00. Bands are ' +
        'half-open: [a, b) includes a, excludes b.',
    );
  const wide = h(
    'button',
    { type: 'button', class: 'btn btn-small', 'data-action': 'knox-wide' },
    'Open the table in a wide view',
  );
  wide.addEventListener('click', () => {
    void modal<void>(
      'Knox test: near-repeat table',
      (close) => {
        const done = h('button', { type: 'button', class: 'btn btn-primary' }, 'Close');
        done.addEventListener('click', () => close());
        return [
          h(
            'div',
            { class: 'knox-wide' },
            h('div', { class: 'table-scroll' }, table()),
            h(
              'div',
              { class: 'knox-wide-reading' },
              h('h3', {}, 'What it says'),
              h('p', {}, knox.reading),
              knox.suggestion ? h('p', {}, knox.suggestion.statement) : null,
              key(),
            ),
          ),
          h('div', { class: 'dialog-buttons' }, done),
        ];
      },
      { wide: true, testId: 'knox-wide-dialog' },
    );
  });
  return h(
    'div',
    {},
    h(
      'p',
      { class: 'result-summary' },
      `${count(knox.events)} events, ${count(knox.closePairs)} close pairs, ${count(knox.iterations)} permutations (seed ${knox.seed}).`,
      knox.cached ? ' (from the project’s cache)' : '',
    ),
    h('div', { class: 'table-scroll' }, table()),
    h('div', { class: 'row-actions' }, wide),
    key(),
    h('p', { class: 'knox-reading', 'data-testid': 'knox-reading' }, knox.reading),
    knox.suggestion
      ? h(
          'p',
          { class: 'suggestion', 'data-testid': 'knox-suggestion' },
          knox.suggestion.statement,
          ' ',
          useForChains,
        )
      : h(
          'p',
          { class: 'hint' },
          'No significant near-repeat cell with finite distance and time limits: no chain thresholds suggested.',
        ),
    knox.notes.length > 0 ? h('ul', { class: 'notes' }, ...knox.notes.map((n) => h('li', {}, n))) : null,
    detailsBlock(
      'Parameters and provenance',
      [
        ['Distance edges', knox.distanceEdges.map((e) => (e === null ? '∞' : `${e}`)).join(', ') + ' m'],
        ['Time edges', knox.timeEdges.map((e) => (e === null ? '∞' : `${e}`)).join(', ') + ' days'],
        ['Metric', knox.metric],
        ['Iterations', count(knox.iterations)],
        ['Seed', String(knox.seed)],
        ['Filter', knox.provenance.filterText],
        [
          'Data',
          knox.provenance.datasets
            .map(
              (d) =>
                `${d.name} (${d.imports.map((i) => `${i.fileName}, SHA-256 ${i.sha256.slice(0, 12)}`).join('; ')})`,
            )
            .join('; '),
        ],
        ['CRS', knox.provenance.crs],
        ['Caveats', knox.provenance.caveats.join('; ') || 'none'],
        [
          'Made',
          `${when(knox.provenance.createdAt)}, app ${knox.provenance.appVersion}, analysis #${knox.analysisId}`,
        ],
      ],
      'knox-provenance',
    ),
  );
}

registerPanel({
  id: 'chains',
  tab: 'analysis',
  title: 'Near-repeat chains',
  order: 30,
  render(el, app) {
    const ws = workspaceOf(app);
    const subscriptions = new Subscriptions();
    const distance = numberInput({ min: 1, value: 200, name: 'chainDistanceM' });
    const days = numberInput({ min: 1, value: 14, step: 1, name: 'chainDays' });
    const asOfError = h('span', { class: 'field-error', role: 'alert' });
    const asOf = ukDateInput(
      { name: 'asOf', 'aria-label': 'As of date (dd/mm/yyyy)' },
      () => refresh(),
      asOfError,
    );
    const run = h(
      'button',
      {
        type: 'button',
        class: 'btn btn-primary',
        'data-action': 'run-chains',
        'aria-describedby': 'chains-run-reason',
      },
      'Find chains',
    );
    const waitReason = h('p', {
      class: 'run-reason',
      id: 'chains-run-reason',
      'data-testid': 'chains-run-reason',
    });
    const result = h('div', { class: 'result', 'data-testid': 'chains-result' });
    const stale = staleNote(ws, 'chains');
    const refresh = () => {
      const n = ws.records?.columns.count ?? 0;
      const wait =
        n < 2
          ? 'Needs at least two point records.'
          : asOf.value() === undefined
            ? 'The “as of” date is not a date: write it as dd/mm/yyyy.'
            : guard.update();
      run.disabled = wait !== null;
      replaceChildren(waitReason, wait ?? '');
      const latest = ws.latestMs();
      asOf.element.placeholder = latest === null ? 'dd/mm/yyyy' : ukDate(latest);
    };
    const guard = monthGuard(ws, 'chain search', 'chains', refresh);
    el.append(
      h(
        'p',
        { class: 'hint' },
        'Links events closer than the distance and fewer than the days apart; groups of three or more are chains ' +
          '(series candidates to check, not proof of one offender). Use the Knox suggestion to link with its metric.',
      ),
      h(
        'div',
        { class: 'form-grid' },
        field('Distance (m)', distance),
        field('Days', days),
        h(
          'div',
          { class: 'field' },
          field(
            'As of (live chains, risk zones)',
            asOf.element,
            'dd/mm/yyyy; blank: the latest event’s date',
          ),
          asOfError,
        ),
      ),
      guard.element,
      h('div', { class: 'run-row' }, run, waitReason),
      stale.element,
      result,
    );
    subscriptions.add(
      ws.onChainThresholds((distanceM, d) => {
        distance.value = String(distanceM);
        days.value = String(d);
        distance.focus();
      }),
    );
    refresh();
    subscriptions.add(ws.on('records', refresh));
    subscriptions.add(ws.on('filter', stale.update));
    subscriptions.add(
      ws.on('projectSwitched', () => {
        distance.value = '200';
        days.value = '14';
        asOf.set(null);
        guard.reset();
        replaceChildren(result);
        refresh();
      }),
    );
    run.addEventListener('click', async () => {
      const records = ws.records;
      const asOfIso = asOf.value();
      if (records === null || asOfIso === undefined) return;
      run.disabled = true;
      const distanceM = Number(distance.value);
      const linkDays = Number(days.value);
      // Thresholds still those the Knox run suggested: link with its metric and say where they came from.
      const suggestion = ws.knox?.suggestion;
      const fromKnox = suggestion && suggestion.distanceM === distanceM && suggestion.days === linkDays;
      const hotspots = ws.kde?.hotspots.map((hotspot) => [hotspot.polygon]);
      const monthOverride = guard.override();
      const outcome = await app.runJob(`Chains: ${describeFilter(ws)}`, (jobId) =>
        app.api.runChains({
          jobId,
          filter: records.filter,
          distanceM,
          days: linkDays,
          ...(fromKnox ? { metric: suggestion.metric, thresholdSource: suggestion.source } : {}),
          ...(hotspots && hotspots.length > 0 ? { hotspots } : {}),
          ...(asOfIso !== null ? { asOf: asOfIso } : {}),
          ...(monthOverride ? { monthOverride } : {}),
        }),
      );
      refresh();
      if (outcome.ok) ws.setChains(outcome.value, records.filter);
    });
    subscriptions.add(
      ws.on('chains', (chains) => {
        replaceChildren(result, chains === null ? null : chainsResult(app, ws, chains));
        stale.update();
      }),
    );
    return () => subscriptions.release();
  },
});

function chainsResult(app: AppContext, ws: Workspace, chains: ChainsRunResult): HTMLElement {
  const byFirst = (a: ChainSummary, b: ChainSummary) => a.firstDate.localeCompare(b.firstDate) || a.id - b.id;
  const series = chains.chains.filter((c) => c.flag === null).sort(byFirst);
  const flagged = chains.chains.filter((c) => c.flag !== null).sort(byFirst);
  const item = (chain: ChainSummary, text: string) => {
    const button = h(
      'button',
      { type: 'button', class: 'chain-item', 'data-chain-id': chain.id },
      h('strong', {}, `Chain ${chain.id}`),
      ` · ${chain.size} events · ${isoToUk(chain.firstDate)} to ${isoToUk(chain.lastDate)} (${chain.spanDays} days)`,
      chain.live ? ` · live on ${isoToUk(chains.asOf)}` : '',
      h('br'),
      text,
    );
    button.addEventListener('click', () =>
      zoomToChain(app, ws, chain.memberRecordIds, chain.centroidX, chain.centroidY),
    );
    return h('li', {}, button);
  };
  const list = h('ol', { class: 'chain-list', 'data-testid': 'chain-list' });
  for (const chain of series.slice(0, MAX_LISTED)) list.append(item(chain, referencesText(chain)));
  const hotspotLike = h('ol', { class: 'chain-list', 'data-testid': 'hotspot-like-list' });
  for (const chain of flagged.slice(0, MAX_LISTED)) hotspotLike.append(item(chain, chain.flagReason ?? ''));
  const zoneEvents = chains.zones.length;
  return h(
    'div',
    {},
    h(
      'p',
      { class: 'result-summary' },
      `${count(series.length)} series candidate${series.length === 1 ? '' : 's'} among ${count(chains.events)} events ` +
        `(${chains.linkRule}; thresholds ${chains.thresholdSource}).`,
      ` Risk zones on ${isoToUk(chains.asOf)}: ${count(zoneEvents)} event${zoneEvents === 1 ? '' : 's'} of the last ${chains.days} days, ` +
        `${chains.distanceM} m around each until its date + ${chains.days} days.`,
    ),
    series.length > MAX_LISTED ? h('p', { class: 'hint' }, `The first ${MAX_LISTED} are listed.`) : null,
    series.length > 0 ? list : h('p', { class: 'hint' }, 'No series candidates.'),
    flagged.length > 0
      ? h(
          'div',
          {},
          h(
            'p',
            { class: 'hint' },
            `${count(flagged.length)} hotspot-like chain${flagged.length === 1 ? '' : 's'}: not a series, not offered as linked offending.`,
          ),
          hotspotLike,
        )
      : null,
    chains.notes.length > 0 ? h('ul', { class: 'notes' }, ...chains.notes.map((n) => h('li', {}, n))) : null,
    detailsBlock('Parameters and provenance', [
      ['Link rule', chains.linkRule],
      ['Thresholds', chains.thresholdSource],
      ['Metric', chains.metric],
      ['As of', chains.asOf === null ? '—' : isoToUk(chains.asOf)],
      ['Filter', chains.provenance.filterText],
      ['CRS', chains.provenance.crs],
      ['Made', `${when(chains.provenance.createdAt)}, app ${chains.provenance.appVersion}`],
    ]),
  );
}

/** Expected pair counts (means of the permutations), in one format: one decimal. */
function expected(value: number): string {
  return value.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** Chains listed in the panel (the rest are in the exports). */
const MAX_LISTED = 200;

/** "CR/1, CR/7 … and 3 more": members by crime reference (record number where there is none). */
function referencesText(chain: ChainSummary, max = 8): string {
  const names = chain.references.map((r, k) => r ?? `record ${chain.memberRecordIds[k]}`);
  return names.length > max
    ? `${names.slice(0, max).join(', ')} and ${names.length - max} more`
    : names.join(', ');
}

function zoomToChain(
  app: AppContext,
  ws: Workspace,
  ids: number[],
  centroidX: number,
  centroidY: number,
): void {
  const columns = ws.records?.columns;
  const wanted = new Set(ids);
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  if (columns) {
    for (let i = 0; i < columns.count; i++) {
      if (!wanted.has(columns.id[i])) continue;
      w = Math.min(w, columns.lon[i]);
      e = Math.max(e, columns.lon[i]);
      s = Math.min(s, columns.lat[i]);
      n = Math.max(n, columns.lat[i]);
    }
  }
  if (Number.isFinite(w)) ws.focus([w, s, e, n]);
  else {
    const crs = app.project()?.crs ?? 'EPSG:27700';
    const [lon, lat] = makeTransform(crs, crs).projectToWgs84(centroidX, centroidY);
    ws.focus([lon, lat, lon, lat]);
  }
}
