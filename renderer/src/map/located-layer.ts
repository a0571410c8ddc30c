/**
 * The record located from the records table, ringed on the map so the eye finds it among its
 * neighbours (issue 11 item 9). Cleared when the selection changes or another project opens.
 */
import { LAYER_ORDER } from './layers.js';
import type { Dispose, MapContext } from './map-context.js';

const RING = '#d6336c';

export function connectLocatedLayer(ctx: MapContext): Dispose {
  const { ws, layers } = ctx;
  const clear = () => layers.remove('located');
  const ring = ([lon, lat]: [number, number]) =>
    layers.set('located', {
      order: LAYER_ORDER.selection,
      source: {
        type: 'geojson',
        data: { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [lon, lat] } },
      },
      layers: [
        {
          id: 'located-ring',
          type: 'circle',
          source: 'located',
          paint: {
            'circle-radius': 14,
            'circle-color': 'rgba(0, 0, 0, 0)',
            'circle-stroke-color': RING,
            'circle-stroke-width': 3,
          },
        },
      ],
    });
  const offs = [ws.on('located', ring), ws.on('records', clear), ws.on('projectSwitched', clear)];
  return () => {
    for (const off of offs) off();
    clear();
  };
}
