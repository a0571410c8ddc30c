/**
 * Data tab: the basemap under the analysis layers (issue 11 item 1), remembered per project: the
 * bundled sample town, none, an offline PMTiles/MBTiles file, or the force's intranet XYZ or WMS
 * tile server; with an opacity slider. A tile server's address is allowed by the page's security
 * policy only once chosen, so its tiles appear after the page is loaded again.
 */
import type { Basemap, BasemapChoice } from '../../../shared/api/basemap-api.js';
import { showBasemap } from '../map/basemap.js';
import type { AppContext } from '../shell/app-context.js';
import { h, replaceChildren } from '../shell/dom.js';
import { registerPanel, Subscriptions } from '../shell/panels.js';
import { field, select } from './ui.js';

const KINDS = [
  { value: 'sample', label: 'Sample town (Ashbridge)' },
  { value: 'none', label: 'None' },
  { value: 'file', label: 'Offline file (PMTiles or MBTiles)' },
  { value: 'xyz', label: 'Intranet tile server (XYZ)' },
  { value: 'wms', label: 'Intranet WMS' },
];

/** Ashbridge's extent [west, south, east, north], for "Go to". */
const SAMPLE_BOUNDS: [number, number, number, number] = [-2.49, 53.96, -2.37, 54.02];

registerPanel({
  id: 'basemap',
  tab: 'data',
  title: 'Basemap',
  order: 90,
  render(el, app) {
    const subscriptions = new Subscriptions();
    const kind = select(KINDS, 'sample', { 'aria-label': 'Basemap', 'data-testid': 'basemap-kind' });
    const url = h('input', {
      type: 'url',
      class: 'input',
      'data-testid': 'basemap-url',
      placeholder: 'https://tiles.force.local/{z}/{x}/{y}.png',
    });
    const layersInput = h('input', {
      type: 'text',
      class: 'input',
      'data-testid': 'basemap-wms-layers',
      placeholder: 'basemap',
    });
    const use = h(
      'button',
      { type: 'button', class: 'btn', 'data-action': 'use-basemap' },
      'Use this basemap',
    );
    const opacity = h('input', {
      type: 'range',
      min: '0',
      max: '100',
      step: '5',
      value: '100',
      'aria-label': 'Basemap opacity',
      'data-testid': 'basemap-opacity',
    });
    const goTo = h(
      'button',
      { type: 'button', class: 'btn btn-small', 'data-action': 'basemap-go-to' },
      'Go to basemap',
    );
    const status = h('p', { class: 'hint', 'data-testid': 'basemap-status', role: 'status' });
    const urlField = field(
      'Tile address',
      url,
      'Your organisation’s tile server, with {z}, {x} and {y}; or the WMS address.',
    );
    const layersField = field('WMS layer(s)', layersInput);
    let current: Basemap = { kind: 'sample', opacity: 1 };

    const showFields = () => {
      urlField.hidden = kind.value !== 'xyz' && kind.value !== 'wms';
      layersField.hidden = kind.value !== 'wms';
      use.textContent = kind.value === 'file' ? 'Choose file…' : 'Use this basemap';
    };
    const draw = (basemap: Basemap) => {
      current = basemap;
      showBasemap(app.map, app.layers, basemap);
      opacity.value = String(Math.round(basemap.opacity * 100));
      kind.value =
        basemap.kind === 'server'
          ? basemap.tiles.includes('{bbox-epsg-3857}')
            ? 'wms'
            : 'xyz'
          : basemap.kind === 'missing'
            ? 'file'
            : basemap.kind;
      showFields();
      replaceChildren(status, describe(basemap));
      goTo.disabled = bounds(basemap) === null;
    };
    const set = async (choice: BasemapChoice | undefined, value?: number) => {
      try {
        draw(
          await app.api.setBasemap({
            ...(choice ? { choice } : {}),
            ...(value === undefined ? {} : { opacity: value }),
          }),
        );
        return true;
      } catch (error) {
        app.notifyError(error, 'The basemap could not be set');
        return false;
      }
    };

    kind.addEventListener('change', () => {
      showFields();
      if (kind.value === 'sample' || kind.value === 'none') void set({ kind: kind.value });
    });
    use.addEventListener('click', async () => {
      if (kind.value === 'file') {
        const file = await app.chooseFile({ title: 'Choose a basemap', accept: '.pmtiles,.mbtiles' });
        if (file !== null) await set({ kind: 'file', file });
        return;
      }
      if (kind.value !== 'xyz' && kind.value !== 'wms')
        return void set({ kind: kind.value as 'sample' | 'none' });
      const choice: BasemapChoice =
        kind.value === 'xyz'
          ? { kind: 'xyz', url: url.value }
          : { kind: 'wms', url: url.value, layers: layersInput.value };
      await useServer(app, choice, set);
    });
    opacity.addEventListener('change', () => void set(undefined, Number(opacity.value) / 100));
    goTo.addEventListener('click', () => {
      const box = bounds(current);
      if (box) app.map.fitBounds(box, { padding: 20, maxZoom: 15 });
    });

    el.append(
      h('p', { class: 'hint' }, 'The map under your data. Nothing is fetched from the internet.'),
      field('Basemap', kind),
      urlField,
      layersField,
      use,
      field('Opacity', opacity),
      goTo,
      status,
    );
    showFields();
    subscriptions.add(
      app.onProjectChange(() => {
        app.api
          .getBasemap({})
          .then(draw, (error: unknown) => app.notifyError(error, 'The basemap could not be read'));
      }),
    );
    return () => subscriptions.release();
  },
});

/** In the desktop app the analyst confirms the origin first; the page then reloads under the widened policy. */
async function useServer(
  app: AppContext,
  choice: Extract<BasemapChoice, { url: string }>,
  set: (choice: BasemapChoice) => Promise<boolean>,
): Promise<void> {
  if (app.desktop !== null) {
    let origin: string;
    try {
      origin = new URL(choice.url.replaceAll('{', '%7B').replaceAll('}', '%7D')).origin;
    } catch {
      return void app.notify(
        'The tile address must be a full web address such as https://tiles.force.local/{z}/{x}/{y}.png',
        'error',
      );
    }
    if (!(await app.desktop.allowTileOrigin({ origin }))) return;
    if (await set(choice)) window.location.reload();
    return;
  }
  if (await set(choice))
    app.notify(
      'Saved. Open the address printed by “hotspot serve” again to load tiles from this server.',
      'info',
    );
}

function describe(basemap: Basemap): string {
  switch (basemap.kind) {
    case 'none':
      return 'No basemap: only your boundary layers and data are drawn.';
    case 'sample':
      return 'Showing the sample town Ashbridge (invented streets, wards and beats).';
    case 'file':
      return `Showing ${basemap.name} (${basemap.format === 'pbf' ? 'vector' : 'raster'} tiles, zoom ${basemap.minzoom}–${basemap.maxzoom}).`;
    case 'server':
      return `Showing ${basemap.label}.`;
    case 'missing':
      return basemap.reason;
  }
}

function bounds(basemap: Basemap): [number, number, number, number] | null {
  if (basemap.kind === 'sample') return SAMPLE_BOUNDS;
  if (basemap.kind === 'file') return basemap.bounds ?? null;
  return null;
}
