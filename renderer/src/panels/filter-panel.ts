/**
 * Filter tab (workflow step 2): datasets, categories with their counts, date range with quick
 * presets relative to the data's latest date, time of day (24 hour toggles), weekdays and an area
 * (a boundary feature or a saved area). Every change updates the workspace's filter; the records on the map and the
 * charts below follow after a short pause (workspace.ts debounces and drops stale answers).
 */
import { WEEKDAY_LABELS } from '../../../shared/analysis/aoristic/aoristic.js';
import { categoryBars } from '../charts/category-bars.js';
import { hourWeekTable } from '../charts/hour-week-table.js';
import { trendChart } from '../charts/trend.js';
import type { AppContext } from '../shell/app-context.js';
import { h, replaceChildren } from '../shell/dom.js';
import { registerPanel, Subscriptions } from '../shell/panels.js';
import { describeFilter } from './describe-filter.js';
import {
  activeParts,
  areaChoiceFilter,
  areaChoiceValue,
  DATE_PRESET_LABELS,
  DATE_PRESETS,
  datePresetRange,
  type FilterState,
} from './filter-state.js';
import { count, field } from './ui.js';
import { ukDateInput } from './uk-date.js';
import { type Workspace, workspaceOf } from './workspace.js';
import './workspace.css';

registerPanel({
  id: 'filter',
  tab: 'filter',
  title: 'Filter records',
  order: 10,
  render(el, app) {
    const ws = workspaceOf(app);
    const status = h('p', { class: 'filter-status', 'aria-live': 'polite', 'data-testid': 'filter-status' });
    const body = h('div', { class: 'filter-body' });
    const reset = h('button', { type: 'button', class: 'btn btn-small' }, 'Clear filter');
    reset.addEventListener('click', () => ws.resetFilter());
    el.append(h('div', { class: 'filter-head' }, status, reset), body);

    const datasets = h('fieldset', { class: 'filter-group' }, h('legend', {}, 'Datasets'));
    const categories = h(
      'fieldset',
      { class: 'filter-group', 'data-testid': 'category-filter' },
      h('legend', {}, 'Categories'),
    );
    const dates = datesGroup(ws);
    const hours = hoursGroup(ws);
    const weekdays = weekdaysGroup(ws);
    const area = areaGroup(app, ws);
    body.append(datasets, categories, dates.element, hours.element, weekdays.element, area.element);

    const showStatus = () => {
      if (app.project() === null || ws.datasets.length === 0) {
        replaceChildren(status, 'Import a dataset first (Data tab); then narrow it here.');
        body.hidden = true;
        reset.hidden = true;
        return;
      }
      body.hidden = false;
      reset.hidden = false;
      const parts = activeParts(ws.filter);
      const records = ws.records;
      const matched = records === null ? '…' : count(records.summary.total);
      replaceChildren(
        status,
        h('strong', { 'data-testid': 'filter-count' }, matched),
        ` record${records?.summary.total === 1 ? '' : 's'} match`,
        parts > 0 ? ` (${parts} filter${parts === 1 ? '' : 's'} on)` : ' (no filter)',
        records && records.summary.areaOnly > 0
          ? `; ${count(records.summary.areaOnly)} area-only, not drawn`
          : '',
        h('span', { class: 'filter-words', 'data-testid': 'filter-words' }, describeFilter(ws)),
      );
    };

    const showDatasets = () => {
      const chosen = ws.filter.datasetIds;
      replaceChildren(
        datasets,
        h('legend', {}, 'Datasets'),
        ...ws.datasets.map((d) => {
          const box = h('input', { type: 'checkbox', value: String(d.id) });
          box.checked = chosen === null || chosen.includes(d.id);
          box.addEventListener('change', () => {
            const all = ws.datasets.map((x) => x.id);
            const current = new Set(ws.filter.datasetIds ?? all);
            if (box.checked) current.add(d.id);
            else current.delete(d.id);
            ws.setFilter({
              datasetIds: current.size === all.length ? null : all.filter((id) => current.has(id)),
            });
          });
          return h(
            'label',
            { class: 'check' },
            box,
            `${d.name} `,
            h('span', { class: 'count' }, count(d.records)),
          );
        }),
      );
    };

    const showCategories = () => {
      const chosen = ws.filter.categories;
      const names = ws.categories.map((c) => c.category ?? '');
      const all = h('button', { type: 'button', class: 'link-button' }, 'All');
      const none = h('button', { type: 'button', class: 'link-button' }, 'None');
      all.addEventListener('click', () => ws.setFilter({ categories: null }));
      none.addEventListener('click', () => ws.setFilter({ categories: [] }));
      replaceChildren(
        categories,
        h('legend', {}, 'Categories ', all, ' · ', none),
        ws.categories.length === 0
          ? h('p', { class: 'hint' }, 'No categories in the chosen datasets and dates.')
          : null,
        ...ws.categories.map((c) => {
          const name = c.category ?? '';
          const box = h('input', { type: 'checkbox', value: name });
          box.checked = chosen === null || chosen.includes(name);
          box.addEventListener('change', () => {
            const current = new Set(ws.filter.categories ?? names);
            if (box.checked) current.add(name);
            else current.delete(name);
            ws.setFilter({
              categories:
                current.size === names.length && names.every((n) => current.has(n))
                  ? null
                  : names.filter((n) => current.has(n)),
            });
          });
          return h(
            'label',
            { class: 'check' },
            box,
            `${c.category ?? '(no category)'} `,
            h('span', { class: 'count' }, count(c.count)),
          );
        }),
      );
    };

    const showAll = () => {
      showStatus();
      showDatasets();
      showCategories();
      dates.update();
      hours.update();
      weekdays.update();
      area.update();
    };
    showAll();
    const subscriptions = new Subscriptions();
    subscriptions.add(ws.on('datasets', showAll));
    subscriptions.add(ws.on('filter', showAll));
    subscriptions.add(ws.on('records', showStatus));
    subscriptions.add(ws.on('categories', showCategories));
    subscriptions.add(ws.on('boundaries', () => area.update(true)));
    // Saving or deleting an area is a project change: list the saved areas again.
    subscriptions.add(app.onProjectChange(() => area.update(true)));
    return () => subscriptions.release();
  },
});

function datesGroup(ws: Workspace) {
  const dateError = h('p', { class: 'field-error', role: 'alert', 'data-testid': 'date-error' });
  const change = () => {
    const [fromDate, toDate] = [from.value(), to.value()];
    if (fromDate === undefined || toDate === undefined) return;
    if (fromDate !== null && toDate !== null && fromDate > toDate) {
      dateError.textContent = 'The “from” date is after the “to” date.';
      return;
    }
    ws.setFilter({ fromDate, toDate });
  };
  const from = ukDateInput({ 'aria-label': 'From date (dd/mm/yyyy)', name: 'fromDate' }, change, dateError);
  const to = ukDateInput({ 'aria-label': 'To date (dd/mm/yyyy)', name: 'toDate' }, change, dateError);
  const presets = h('div', { class: 'chip-row' });
  for (const preset of DATE_PRESETS) {
    const button = h(
      'button',
      { type: 'button', class: 'chip', 'data-preset': preset },
      DATE_PRESET_LABELS[preset],
    );
    button.addEventListener('click', () => {
      const latest = ws.latestMs();
      if (latest !== null) ws.setFilter(datePresetRange(preset, latest));
    });
    presets.append(button);
  }
  const any = h('button', { type: 'button', class: 'chip', 'data-preset': 'all' }, 'All dates');
  any.addEventListener('click', () => ws.setFilter({ fromDate: null, toDate: null }));
  presets.append(any);
  const element = h(
    'fieldset',
    { class: 'filter-group' },
    h('legend', {}, 'Dates'),
    h('div', { class: 'date-row' }, field('From', from.element), field('To (inclusive)', to.element)),
    dateError,
    presets,
  );
  return {
    element,
    update() {
      from.set(ws.filter.fromDate);
      to.set(ws.filter.toDate);
      const latest = ws.latestMs();
      for (const button of presets.querySelectorAll<HTMLButtonElement>('[data-preset]')) {
        const preset = button.dataset.preset as (typeof DATE_PRESETS)[number] | 'all';
        const range = preset === 'all' || latest === null ? null : datePresetRange(preset, latest);
        const on =
          preset === 'all'
            ? ws.filter.fromDate === null && ws.filter.toDate === null
            : range !== null && range.fromDate === ws.filter.fromDate && range.toDate === ws.filter.toDate;
        button.setAttribute('aria-pressed', String(on));
      }
    },
  };
}

function toggleGroup(
  ws: Workspace,
  legend: string,
  labels: string[],
  key: 'hours' | 'weekdays',
  titles: string[],
  quick: { label: string; values: number[] | null }[],
) {
  const buttons = labels.map((label, i) => {
    const button = h(
      'button',
      { type: 'button', class: 'toggle', 'aria-label': titles[i], title: titles[i] },
      label,
    );
    button.addEventListener('click', () => {
      const current = new Set(ws.filter[key] ?? labels.map((_, k) => k));
      if (current.has(i)) current.delete(i);
      else current.add(i);
      ws.setFilter({
        [key]: current.size === labels.length ? null : [...current].sort((a, b) => a - b),
      } as Partial<FilterState>);
    });
    return button;
  });
  const quickRow = h('div', { class: 'chip-row' });
  for (const q of quick) {
    const button = h('button', { type: 'button', class: 'chip' }, q.label);
    button.addEventListener('click', () => ws.setFilter({ [key]: q.values } as Partial<FilterState>));
    quickRow.append(button);
  }
  const element = h(
    'fieldset',
    { class: 'filter-group' },
    h('legend', {}, legend),
    h('div', { class: `toggles toggles-${key}` }, ...buttons),
    quickRow,
  );
  return {
    element,
    update() {
      const chosen = ws.filter[key];
      for (const [i, button] of buttons.entries())
        button.setAttribute('aria-pressed', String(chosen === null || chosen.includes(i)));
    },
  };
}

function hoursGroup(ws: Workspace) {
  const hours = Array.from({ length: 24 }, (_, i) => i);
  return toggleGroup(
    ws,
    'Time of day (hour the event starts)',
    hours.map((i) => String(i).padStart(2, '0')),
    'hours',
    hours.map((i) => `${String(i).padStart(2, '0')}:00 to ${String(i).padStart(2, '0')}:59`),
    [
      { label: 'All hours', values: null },
      { label: 'Night 22–06', values: [22, 23, 0, 1, 2, 3, 4, 5] },
      { label: 'Day 06–18', values: hours.slice(6, 18) },
      { label: 'Evening 18–22', values: hours.slice(18, 22) },
    ],
  );
}

function weekdaysGroup(ws: Workspace) {
  const names = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
  return toggleGroup(ws, 'Weekdays', [...WEEKDAY_LABELS], 'weekdays', names, [
    { label: 'All days', values: null },
    { label: 'Weekend', values: [5, 6] },
    { label: 'Mon–Fri', values: [0, 1, 2, 3, 4] },
  ]);
}

function areaGroup(app: AppContext, ws: Workspace) {
  const choice = h('select', { class: 'input', 'aria-label': 'Area', 'data-testid': 'area-filter' });
  const hint = h('p', { class: 'hint' });
  choice.addEventListener('change', () => ws.setFilter(areaChoiceFilter(choice.value)));
  let built = false;
  let sequence = 0;
  const build = async () => {
    built = true;
    const mine = ++sequence;
    const [groups, saved] = await Promise.all([
      Promise.all(
        ws.boundaries.map(async (layer) => ({
          layer,
          geo: await ws.boundaryGeoJson(layer.id).catch(() => null),
        })),
      ),
      app.project() === null ? Promise.resolve([]) : app.api.listAreas({}),
    ]);
    if (mine !== sequence) return; // a newer list is on its way
    replaceChildren(choice, h('option', { value: '' }, 'Whole area (no area filter)'));
    ws.savedAreaNames.clear();
    if (saved.length > 0) {
      const group = h('optgroup', { label: 'Saved areas' });
      for (const area of [...saved].sort((a, b) => a.name.localeCompare(b.name))) {
        ws.savedAreaNames.set(area.id, `${area.name} (saved area)`);
        group.append(h('option', { value: `saved:${area.id}` }, area.name));
      }
      choice.append(group);
    }
    const unread: string[] = [];
    for (const { layer, geo } of groups) {
      if (geo === null) {
        unread.push(layer.name);
        continue;
      }
      const group = h('optgroup', { label: layer.name });
      for (const f of geo.features)
        ws.areaNames.set(f.id, `${f.properties.name ?? f.properties.code} (${layer.name})`);
      const features = [...geo.features].sort((a, b) =>
        (a.properties.name ?? a.properties.code).localeCompare(b.properties.name ?? b.properties.code),
      );
      for (const f of features)
        group.append(
          h(
            'option',
            { value: `feature:${f.id}` },
            f.properties.name ? `${f.properties.name} (${f.properties.code})` : f.properties.code,
          ),
        );
      choice.append(group);
    }
    const chosenSaved = ws.filter.savedAreaId;
    // A saved area deleted while it was the filter: the filter no longer names a place.
    if (chosenSaved !== null && !saved.some((a) => a.id === chosenSaved)) ws.setFilter({ savedAreaId: null });
    choice.value = areaChoiceValue(ws.filter);
    replaceChildren(
      hint,
      ws.boundaries.length === 0 && saved.length === 0
        ? 'Import a boundary layer (Data tab) to filter by ward, beat or district, or save an area (Analysis tab, Areas).'
        : unread.length > 0
          ? `Could not read ${unread.join(', ')}: its areas are not listed. Open the project again, or import the layer again.`
          : '',
    );
    choice.disabled = ws.boundaries.length === 0 && saved.length === 0;
  };
  const element = h('fieldset', { class: 'filter-group' }, h('legend', {}, 'Area'), choice, hint);
  return {
    element,
    update(rebuild = false) {
      if (!built || rebuild) {
        void build().catch((error) => app.notifyError(error, 'Could not list the areas'));
        return;
      }
      choice.value = areaChoiceValue(ws.filter);
    },
  };
}

registerPanel({
  id: 'charts',
  tab: 'filter',
  title: 'What, when',
  order: 20,
  render(el, app) {
    const ws = workspaceOf(app);
    const show = () => {
      const records = ws.records;
      if (records === null || records.summary.total === 0) {
        replaceChildren(
          el,
          h(
            'p',
            { class: 'empty-state' },
            records === null
              ? 'Charts appear once records are loaded.'
              : 'No records match the filter: widen it above.',
          ),
        );
        return;
      }
      // Made by the engine with the selection (filterRecords), not from the records here.
      const table =
        'error' in records.hourWeek
          ? h('p', { class: 'hint' }, `No hour × weekday table: ${records.hourWeek.error}`)
          : hourWeekTable(records.hourWeek);
      replaceChildren(
        el,
        h('h3', { class: 'chart-title' }, 'Records per month'),
        h('div', { 'data-testid': 'trend-chart' }, trendChart(records.summary.byMonth)),
        h('h3', { class: 'chart-title' }, 'Hour × weekday (aoristic)'),
        table,
        h('h3', { class: 'chart-title' }, 'Categories'),
        h('div', { 'data-testid': 'category-chart' }, categoryBars(records.summary.byCategory)),
      );
    };
    show();
    return ws.on('records', show);
  },
});
