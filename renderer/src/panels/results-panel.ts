/**
 * Analysis tab: the results analysis of an action (issue 13 item 6). The analyst picks the target,
 * the buffer (for displacement; only its part outside the target counts) and the control from the
 * saved areas, and the before and after periods (dd/mm/yyyy); the engine counts the events of the
 * filter's datasets and categories (electron/engine/analysis/results-service.ts) and the panel shows
 * the counts, the change against the control, the WDQ with its reading, the WDD with its interval,
 * the PAI / PEI / RRI of the before period's hot spots, the caveats, and two charts: before and after
 * bars per area and the concentration curve of the after period's events (runConcentration).
 * Run "for" a JAG action, its target is the action's area when it has one, and "Record result"
 * measures again in the engine and keeps the result with the action (recordActionResult), for the
 * actions panel, the tasking sheet and the profile's Assessment section.
 */
import type { ActionInfo, AreaInfo } from '../../../shared/api/areas-actions-api.js';
import type { ConcentrationRunResult, ResultsRunResult } from '../../../shared/api/tasking-api.js';
import { formatDecimal, formatShare } from '../../../shared/profile/format.js';
import { beforeAfterBars, concentrationCurveChart } from '../charts/results-charts.js';
import { h, replaceChildren } from '../shell/dom.js';
import { registerPanel, Subscriptions } from '../shell/panels.js';
import { parseIsoDate } from './filter-state.js';
import {
  changeAgainstControl,
  concentrationPoints,
  countRows,
  hotspotLines,
  wddLines,
  wdqLines,
} from './results-view.js';
import { field, select } from './ui.js';
import { isoToUk, type UkDateInput, ukDateInput } from './uk-date.js';
import { workspaceOf } from './workspace.js';

const DAY_MS = 86_400_000;
const ROLES = ['target', 'buffer', 'control'] as const;
type Role = (typeof ROLES)[number];

function section(title: string, ...children: (Node | string)[]): HTMLElement {
  return h('section', { class: 'result-block' }, h('h4', {}, title), ...children);
}

function paragraphs(lines: readonly string[], testId?: string): HTMLElement {
  return h('div', testId ? { 'data-testid': testId } : {}, ...lines.map((line) => h('p', {}, line)));
}

function countsTable(result: ResultsRunResult): HTMLElement {
  const head = ['Area', 'Before', 'After', 'Change'];
  return h(
    'table',
    { class: 'data-table', 'data-testid': 'results-counts' },
    h('thead', {}, h('tr', {}, ...head.map((c) => h('th', { scope: 'col' }, c)))),
    h(
      'tbody',
      {},
      ...countRows(result.counts).map(([area, ...cells]) =>
        h('tr', {}, h('th', { scope: 'row' }, area), ...cells.map((c) => h('td', {}, c))),
      ),
    ),
  );
}

function concentrationBlock(result: ConcentrationRunResult | null, after: string): HTMLElement {
  if (result === null)
    return h('p', { class: 'hint' }, 'No concentration curve: no point records in the after period.');
  const five = result.busiestFivePercent;
  const caption = `The busiest ${five.cells} cells (5 % of the area) held ${formatShare(five.share)} of crime in ${after}.`;
  return h(
    'div',
    {},
    concentrationCurveChart(concentrationPoints(result.cells.lorenz), caption),
    h(
      'p',
      {},
      `${caption} Gini ${formatDecimal(result.cells.gini, 2)}, generalised Gini ${formatDecimal(result.cells.generalisedGini, 2)} over ${result.cells.places} cells of ${Math.round(result.cellSizeM)} m.`,
    ),
    // The concentration run's caveats on repeat locations do not concern this curve.
    ...result.provenance.caveats
      .filter((text) => !text.startsWith('Repeat locations'))
      .map((text) => h('p', { class: 'hint' }, text)),
  );
}

function show(
  out: HTMLElement,
  result: ResultsRunResult,
  concentration: ConcentrationRunResult | null,
  names: Record<Role, string>,
): void {
  const period = (p: { from: string; to: string }) => `${isoToUk(p.from)} to ${isoToUk(p.to)}`;
  replaceChildren(
    out,
    h(
      'p',
      {},
      `Target ${names.target}, buffer ${names.buffer}, control ${names.control}; before ${period(result.before)}, after ${period(result.after)}.`,
    ),
    countsTable(result),
    beforeAfterBars(result.counts),
    h('p', { 'data-testid': 'results-against-control' }, changeAgainstControl(result.counts)),
    section('Displacement or diffusion (WDQ)', paragraphs(wdqLines(result.wdq), 'results-wdq')),
    section('Net change (WDD)', paragraphs(wddLines(result), 'results-wdd')),
    section(
      "Last period's hot spots on this period's crime (PAI, PEI, RRI)",
      paragraphs(hotspotLines(result.hotspots), 'results-hotspots'),
    ),
    section('Concentration of crime after', concentrationBlock(concentration, period(result.after))),
    section('Caveats', paragraphs(result.caveats, 'results-caveats')),
  );
}

registerPanel({
  id: 'results',
  tab: 'analysis',
  title: 'Results analysis',
  order: 80,
  render(el, app) {
    const ws = workspaceOf(app);
    const subs = new Subscriptions();
    const pickers = Object.fromEntries(
      ROLES.map((role) => [role, select([], '', { 'data-testid': `results-${role}` })]),
    ) as Record<Role, HTMLSelectElement>;
    const dates = (name: string) =>
      ukDateInput({ 'aria-label': name, 'data-testid': `results-${name.toLowerCase().replace(' ', '-')}` });
    const periods = {
      beforeFrom: dates('Before from'),
      beforeTo: dates('Before to'),
      afterFrom: dates('After from'),
      afterTo: dates('After to'),
    };
    const run = h(
      'button',
      { type: 'button', class: 'btn', 'data-action': 'run-results' },
      'Measure results',
    );
    const forAction = select([], '', { 'data-testid': 'results-action' });
    const recordButton = h(
      'button',
      { type: 'button', class: 'btn', 'data-action': 'record-result', disabled: '' },
      'Record result',
    );
    const recordNote = h('p', { class: 'hint', 'data-testid': 'results-recorded' });
    const out = h('div', { 'data-testid': 'results-result' });
    el.append(
      h(
        'p',
        { class: 'hint' },
        'Did an action work, and where did crime go? Counts before and after in a target, the buffer round it and a control, for the datasets and categories of the filter. Save the three areas first (Areas, above; a boundary feature can be copied there).',
      ),
      field('For action', forAction, 'its area becomes the target; record the result against it'),
      field('Target', pickers.target),
      field('Buffer', pickers.buffer, 'only its part outside the target is counted'),
      field('Control', pickers.control, 'similar to the target, away from it'),
      h(
        'div',
        { class: 'form-grid' },
        field('Before: from', periods.beforeFrom.element),
        field('to', periods.beforeTo.element),
        field('After: from', periods.afterFrom.element),
        field('to', periods.afterTo.element),
      ),
      run,
      recordButton,
      recordNote,
      out,
    );
    let areas: AreaInfo[] = [];
    let actions: ActionInfo[] = [];
    /** The request last measured, recorded as it was when "Record result" is pressed. */
    let measured: Exclude<ReturnType<typeof request>, string> | null = null;
    const refreshActions = async () => {
      actions = app.project() ? await app.api.listActions({}) : [];
      const kept = forAction.value;
      replaceChildren(
        forAction,
        h('option', { value: '' }, 'No action'),
        ...actions.map((a) => h('option', { value: String(a.id) }, `A${a.id}: ${a.title}`)),
      );
      forAction.value = actions.some((a) => String(a.id) === kept) ? kept : '';
    };
    const setRecordable = () => {
      recordButton.disabled = !(measured && Number(forAction.value) > 0);
    };
    forAction.addEventListener('change', () => {
      const action = actions.find((a) => String(a.id) === forAction.value);
      const areaId = action?.target.areaId;
      if (areaId !== undefined && areas.some((a) => a.id === areaId)) pickers.target.value = String(areaId);
      recordNote.textContent = action
        ? action.target.kind === 'area'
          ? ''
          : `A${action.id} is tasked against ${action.target.label}: save an area round it and pick it as the target.`
        : '';
      setRecordable();
    });
    const refreshAreas = async () => {
      areas = app.project() ? await app.api.listAreas({}) : [];
      ROLES.forEach((role, i) => {
        const picker = pickers[role];
        const kept = picker.value;
        replaceChildren(picker, ...areas.map((a) => h('option', { value: String(a.id) }, a.name)));
        picker.value = areas.some((a) => String(a.id) === kept) ? kept : String(areas[i]?.id ?? '');
      });
    };
    const request = () => {
      const read = (d: UkDateInput) => d.value() ?? null;
      const [bf, bt, af, at] = [periods.beforeFrom, periods.beforeTo, periods.afterFrom, periods.afterTo].map(
        read,
      );
      const ids = ROLES.map((role) => Number(pickers[role].value));
      if (ids.some((id) => !(id > 0)))
        return 'Save a target, a buffer and a control area first (Areas panel).';
      if (!bf || !bt || !af || !at) return 'Give both periods as dd/mm/yyyy dates, from and to.';
      const filter = ws.records?.filter ?? {};
      return {
        ...(filter.datasetIds ? { datasetIds: filter.datasetIds } : {}),
        ...(filter.categories ? { categories: filter.categories } : {}),
        target: { areaId: ids[0]! },
        buffer: { areaId: ids[1]! },
        control: { areaId: ids[2]! },
        before: { from: bf, to: bt },
        after: { from: af, to: at },
      };
    };
    run.addEventListener('click', async () => {
      const input = request();
      if (typeof input === 'string') {
        replaceChildren(out, h('p', { class: 'hint' }, input));
        return;
      }
      run.disabled = true;
      measured = null;
      setRecordable();
      try {
        const outcome = await app.runJob('Results analysis', (jobId) =>
          app.api.runResults({ jobId, ...input }),
        );
        if (!outcome.ok) return;
        measured = input;
        recordNote.textContent = '';
        const afterFromMs = parseIsoDate(input.after.from)!;
        const afterToMs = parseIsoDate(input.after.to)! + DAY_MS;
        const curve = await app.runJob('Crime concentration', (jobId) =>
          app.api.runConcentration({
            jobId,
            filter: {
              ...(input.datasetIds ? { datasetIds: input.datasetIds } : {}),
              ...(input.categories ? { categories: input.categories } : {}),
              fromMs: afterFromMs,
              toMs: afterToMs,
              dateRule: 'midpoint',
            },
          }),
        );
        const name = (role: Role) => pickers[role].selectedOptions[0]?.textContent ?? '';
        show(out, outcome.value, curve.ok ? curve.value : null, {
          target: name('target'),
          buffer: name('buffer'),
          control: name('control'),
        });
      } finally {
        run.disabled = false;
        setRecordable();
      }
    });
    recordButton.addEventListener('click', async () => {
      const actionId = Number(forAction.value);
      if (!measured || !(actionId > 0)) return;
      const input = measured;
      recordButton.disabled = true;
      try {
        const outcome = await app.runJob('Recording the result', (jobId) =>
          app.api.recordActionResult({ jobId, actionId, ...input }),
        );
        if (outcome.ok)
          recordNote.textContent = `Result recorded against A${actionId}: listed with the action and in the profile's Assessment section.`;
      } finally {
        setRecordable();
      }
    });
    let projectPath: string | null = null;
    subs.add(
      app.onProjectChange((project) => {
        void refreshAreas()
          .then(refreshActions)
          .catch((error) => app.notifyError(error, 'Results analysis'));
        // Another project (not an edit of this one, such as a saved area): the result no longer applies.
        if ((project?.path ?? null) === projectPath) return;
        projectPath = project?.path ?? null;
        measured = null;
        recordNote.textContent = '';
        setRecordable();
        replaceChildren(out);
      }),
    );
    return () => subs.release();
  },
});
