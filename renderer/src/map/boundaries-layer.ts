/**
 * The boundary layers the analyst switched on, each outlined in its own colour (palette.ts) and
 * labelled with its areas' names (or codes) from street zoom outwards; the area chosen in the filter
 * is drawn (and tinted) even when its layer is off.
 */
import type { FeatureCollection } from 'geojson';
import { h } from '../shell/dom.js';
import { LAYER_ORDER } from './layers.js';
import { legendRow, swatch } from './legend.js';
import type { Dispose, MapContext } from './map-context.js';
import { boundaryColours, matchColour } from './palette.js';

const AREA_COLOUR = '#1f5f99';

export function connectBoundariesLayer(ctx: MapContext): Dispose {
  const { app, ws, layers, legend } = ctx;
  let request = 0;
  let lastArea: number | null = null;

  const clear = () => {
    layers.remove('boundaries');
    legend.set('boundaries', null);
  };

  /** The layer holding the filter's area, looked up through the (cached) layer GeoJSON. */
  const layerOfArea = async (areaId: number): Promise<number | null> => {
    for (const layer of ws.boundaries) {
      const geo = await ws.boundaryGeoJson(layer.id).catch(() => null);
      if (geo?.features.some((f) => f.id === areaId)) return layer.id;
    }
    return null;
  };

  const draw = async () => {
    const mine = ++request;
    const visible = ws.visibleBoundaries;
    const areaId = ws.filter.areaFeatureId;
    const needed = new Set(visible);
    const areaLayer = areaId === null ? null : await layerOfArea(areaId);
    if (areaLayer !== null) needed.add(areaLayer);
    const ids = [...needed];
    const collections = await Promise.all(ids.map((id) => ws.boundaryGeoJson(id).catch(() => null)));
    if (mine !== request) return;
    const failed = ids.filter((_, k) => collections[k] === null);
    if (failed.length > 0) {
      const names = ws.boundaries.filter((b) => failed.includes(b.id)).map((b) => b.name);
      app.notify(`Could not read the boundary layer ${names.join(', ')}: it is not drawn.`, 'error');
    }
    const features = collections.flatMap((c, k) =>
      c === null
        ? []
        : c.features
            .filter((f) => visible.includes(ids[k]!) || f.id === areaId)
            .map((f) => ({
              ...f,
              properties: {
                ...f.properties,
                layer: ids[k]!,
                label: f.properties.name ?? f.properties.code,
                selected: f.id === areaId ? 1 : 0,
              },
            })),
    );
    if (features.length === 0) return clear();
    const colours = boundaryColours(ws.boundaries.map((b) => b.id));
    const lineColour = matchColour('layer', colours);
    layers.set('boundaries', {
      order: LAYER_ORDER.boundaries,
      source: { type: 'geojson', data: { type: 'FeatureCollection', features } as FeatureCollection },
      layers: [
        {
          id: 'boundaries-area',
          type: 'fill',
          source: 'boundaries',
          filter: ['==', ['get', 'selected'], 1],
          paint: { 'fill-color': AREA_COLOUR, 'fill-opacity': 0.08 },
        },
        {
          id: 'boundaries-line',
          type: 'line',
          source: 'boundaries',
          paint: {
            'line-color': ['case', ['==', ['get', 'selected'], 1], AREA_COLOUR, lineColour] as never,
            'line-width': ['case', ['==', ['get', 'selected'], 1], 2.5, 1.4],
            'line-dasharray': [3, 2],
          },
        },
        {
          id: 'boundaries-label',
          type: 'symbol',
          source: 'boundaries',
          minzoom: 11,
          layout: {
            'text-field': ['get', 'label'],
            'text-font': ['sans-serif'],
            'text-size': 11,
            'text-max-width': 8,
          },
          paint: { 'text-color': lineColour as never, 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 },
        },
      ],
    });
    legend.set(
      'boundaries',
      h(
        'div',
        {},
        ...ws.boundaries
          .filter((b) => visible.includes(b.id))
          .map((b) => legendRow(swatch('line', colours.get(b.id)!), b.name)),
        areaId !== null
          ? legendRow(swatch('area', 'rgb(31 95 153 / 0.15)', AREA_COLOUR), 'Filter area')
          : null,
      ),
    );
  };

  const redraw = () => void draw();
  const offs = [
    ws.on('visibleBoundaries', redraw),
    ws.on('boundaries', redraw),
    ws.on('filter', (filter) => {
      if (filter.areaFeatureId !== lastArea) {
        lastArea = filter.areaFeatureId;
        redraw();
      }
    }),
  ];
  return () => {
    for (const off of offs) off();
    request++;
    clear();
  };
}
