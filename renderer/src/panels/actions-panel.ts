/**
 * Analysis tab: the JAG action log (issue 13 item 4). An action is tasked against a hotspot of the
 * density run on the map, a saved area or a near-repeat series of the chains run; it has a type
 * (prevention, intelligence, enforcement, reassurance), an owner, dd/mm/yyyy start and end dates, a
 * status and notes. Every change is kept in the project's history (shown per action); the tasking
 * sheet downloads as marked HTML or CSV; the actions are drawn on the map at their targets' centres.
 */

import { resultSummary } from '../../../shared/analysis/results/results-text.js';
import {
  ACTION_STATUSES,
  ACTION_TYPES,
  type ActionFields,
  type ActionInfo,
  type ActionResultInfo,
  type ActionTargetRef,
  type AreaInfo,
} from '../../../shared/api/areas-actions-api.js';
import { makeTransform } from '../../../shared/crs/transform.js';
import { LAYER_ORDER } from '../map/layers.js';
import type { AppContext } from '../shell/app-context.js';
import { h, replaceChildren } from '../shell/dom.js';
import { registerPanel, Subscriptions } from '../shell/panels.js';
import { base64Bytes, download, field, modal, select } from './ui.js';
import { isoToUk, ukDateInput } from './uk-date.js';
import { workspaceOf } from './workspace.js';

const LAYER = 'jag-actions';

/** An action's latest recorded result in words, under the action (Results panel, "Record result"). */
function resultLine(r: ActionResultInfo | undefined): HTMLElement[] {
  if (!r) return [];
  return [
    h(
      'p',
      { class: 'hint', 'data-testid': 'action-result' },
      `${resultSummary(r.result)} Target ${r.areaNames.target}, buffer ${r.areaNames.buffer}, control ${r.areaNames.control}; recorded ${isoToUk(r.createdAt.slice(0, 10))}.`,
    ),
  ];
}
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function drawActions(app: AppContext, actions: readonly ActionInfo[]): void {
  const crs = app.project()?.crs ?? 'EPSG:27700';
  const t = makeTransform(crs, crs);
  app.layers.set(LAYER, {
    order: LAYER_ORDER.selection - 1,
    source: {
      type: 'geojson',
      data: {
        type: 'FeatureCollection',
        features: actions.map((a) => ({
          type: 'Feature',
          properties: { title: a.title, status: a.status },
          geometry: { type: 'Point', coordinates: t.projectToWgs84(a.target.centroidX, a.target.centroidY) },
        })),
      },
    },
    layers: [
      {
        id: `${LAYER}-points`,
        type: 'circle',
        source: LAYER,
        paint: {
          'circle-radius': 7,
          'circle-color': ['match', ['get', 'status'], 'active', '#1b7837', 'planned', '#2166ac', '#8c8c8c'],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2,
        },
      },
    ],
  });
}

registerPanel({
  id: 'actions',
  tab: 'analysis',
  title: 'JAG actions',
  order: 80,
  render(el, app) {
    const ws = workspaceOf(app);
    const subs = new Subscriptions();
    const title = h('input', {
      type: 'text',
      class: 'input',
      maxlength: '300',
      placeholder: 'e.g. Evening patrols',
    });
    const type = select(
      ACTION_TYPES.map((v) => ({ value: v, label: capital(v) })),
      'prevention',
    );
    const owner = h('input', {
      type: 'text',
      class: 'input',
      maxlength: '200',
      placeholder: 'Agency or team',
    });
    const start = ukDateInput({ 'aria-label': 'Start date' });
    const end = ukDateInput({ 'aria-label': 'End date' });
    const status = select(
      ACTION_STATUSES.map((v) => ({ value: v, label: capital(v) })),
      'planned',
    );
    const notes = h('textarea', { class: 'input', rows: '3', maxlength: '10000' });
    const target = select([], '', { 'data-testid': 'action-target' });
    const save = h('button', { type: 'button', class: 'btn', 'data-action': 'save-action' }, 'Save action');
    const sheetHtml = h('button', { type: 'button', class: 'btn btn-small' }, 'Tasking sheet (HTML)');
    const sheetCsv = h('button', { type: 'button', class: 'btn btn-small' }, 'Tasking sheet (CSV)');
    const message = h('p', { class: 'hint', role: 'status' });
    const list = h('ul', { class: 'boundary-list', 'data-testid': 'action-list' });
    el.append(
      field('Against', target, 'A hotspot of the density run on the map, a saved area, or a series.'),
      field('Action', title),
      field('Type', type),
      field('Owner', owner),
      field('Start', start.element),
      field('End', end.element),
      field('Status', status),
      field('Notes', notes),
      save,
      message,
      h('div', { class: 'button-row' }, sheetHtml, sheetCsv),
      list,
    );
    let editing: number | null = null;
    let areas: AreaInfo[] = [];
    const targets = new Map<string, ActionTargetRef>();

    const fillTargets = () => {
      targets.clear();
      const options: { value: string; label: string }[] = [];
      const add = (key: string, label: string, ref: ActionTargetRef) => {
        targets.set(key, ref);
        options.push({ value: key, label });
      };
      const kde = ws.kde;
      if (kde)
        for (const hs of kde.hotspots)
          add(`h${hs.rank}`, `Hotspot ${hs.rank} (${hs.events} events)`, {
            kind: 'hotspot',
            analysisId: kde.analysisId,
            rank: hs.rank,
          });
      for (const a of areas) add(`a${a.id}`, `Area: ${a.name}`, { kind: 'area', areaId: a.id });
      const chains = ws.chains;
      if (chains)
        for (const c of chains.chains.filter((x) => x.flag === null))
          add(
            `s${c.id}`,
            `Series ${c.id} (${c.size} events, ${isoToUk(c.firstDate)} to ${isoToUk(c.lastDate)})`,
            {
              kind: 'series',
              analysisId: chains.analysisId,
              chainId: c.id,
            },
          );
      replaceChildren(target, ...options.map((o) => h('option', { value: o.value }, o.label)));
      target.disabled = editing !== null || options.length === 0;
    };

    const fields = (): ActionFields | string => {
      const [s, e] = [start.value(), end.value()];
      if (s === undefined || e === undefined) return 'Write dates as dd/mm/yyyy.';
      if (title.value.trim() === '') return 'Give the action a title.';
      return {
        title: title.value.trim(),
        type: type.value as ActionFields['type'],
        owner: owner.value.trim(),
        startDate: s,
        endDate: e,
        status: status.value as ActionFields['status'],
        notes: notes.value,
      };
    };

    const load = (a: ActionInfo | null) => {
      editing = a?.id ?? null;
      title.value = a?.title ?? '';
      type.value = a?.type ?? 'prevention';
      owner.value = a?.owner ?? '';
      start.set(a?.startDate ?? null);
      end.set(a?.endDate ?? null);
      status.value = a?.status ?? 'planned';
      notes.value = a?.notes ?? '';
      save.textContent = a ? `Save changes to A${a.id}` : 'Save action';
      target.disabled = a !== null;
    };

    const showHistory = async (a: ActionInfo) => {
      const history = await app.api.actionHistory({ id: a.id });
      await modal<void>(`History of A${a.id}: ${a.title}`, (close) => {
        const rows = history.map((entry) =>
          h(
            'li',
            {},
            `${isoToUk(entry.at.slice(0, 10))} ${entry.at.slice(11, 16)}: ${entry.change}; `,
            `${capital(entry.action.status)}, ${capital(entry.action.type)}, owner ${entry.action.owner || 'none'}`,
            entry.action.notes ? ` (${entry.action.notes})` : '',
          ),
        );
        const ok = h('button', { type: 'button', class: 'btn' }, 'Close');
        ok.addEventListener('click', () => close());
        return [h('ul', {}, ...rows), ok];
      });
    };

    const refresh = async () => {
      if (app.project() === null) {
        areas = [];
        replaceChildren(list);
        app.layers.remove(LAYER);
        fillTargets();
        return;
      }
      const [actions, saved, recorded] = await Promise.all([
        app.api.listActions({}),
        app.api.listAreas({}),
        app.api.listActionResults({}),
      ]);
      // The latest result recorded for each action (oldest first, so later ones win).
      const results = new Map(recorded.map((r) => [r.actionId, r]));
      areas = saved;
      fillTargets();
      drawActions(app, actions);
      replaceChildren(
        list,
        ...actions.map((a) => {
          const edit = h('button', { type: 'button', class: 'btn btn-small' }, 'Edit');
          edit.addEventListener('click', () => load(a));
          const history = h('button', { type: 'button', class: 'btn btn-small' }, 'History');
          history.addEventListener('click', () => void showHistory(a).catch((e) => app.notifyError(e)));
          const remove = h('button', { type: 'button', class: 'btn btn-small' }, 'Delete');
          remove.addEventListener('click', async () => {
            await app.api.deleteAction({ id: a.id });
            await refresh();
          });
          const dates = [a.startDate, a.endDate].map((d) => (d ? isoToUk(d) : '…')).join(' to ');
          return h(
            'li',
            {},
            h('strong', {}, `A${a.id} ${a.title}`),
            ` ${capital(a.type)}, ${capital(a.status)}, ${a.owner || 'no owner'}, ${dates}; ${a.target.label} `,
            edit,
            history,
            remove,
            ...resultLine(results.get(a.id)),
          );
        }),
      );
    };

    save.addEventListener('click', async () => {
      const f = fields();
      if (typeof f === 'string') {
        message.textContent = f;
        return;
      }
      try {
        if (editing !== null) await app.api.updateAction({ id: editing, fields: f });
        else {
          const ref = targets.get(target.value);
          if (!ref) {
            message.textContent =
              'Choose what the action is against: run a density map or save an area first.';
            return;
          }
          await app.api.createAction({ fields: f, target: ref });
        }
        message.textContent = 'Saved.';
        load(null);
        await refresh();
      } catch (error) {
        app.notifyError(error, 'The action could not be saved');
      }
    });
    const sheet = async (format: 'html' | 'csv') => {
      const result = await app.api.exportTaskingSheet({ format });
      if (result.base64)
        download(result.fileName, base64Bytes(result.base64), format === 'csv' ? 'text/csv' : 'text/html');
    };
    sheetHtml.addEventListener('click', () => void sheet('html').catch((e) => app.notifyError(e)));
    sheetCsv.addEventListener('click', () => void sheet('csv').catch((e) => app.notifyError(e)));
    subs.add(app.onProjectChange(() => void refresh().catch((e) => app.notifyError(e, 'Actions'))));
    subs.add(ws.on('kde', fillTargets));
    subs.add(ws.on('chains', fillTargets));
    return () => subs.release();
  },
});
