/**
 * Reference lines (streets, rail, rivers imported in the Data tab) over the area fills and under the
 * analysis layers: main roads heavier, names along the lines from street zoom. Re-read whenever the
 * workspace reloads the project's layers (after an import or a delete).
 */
import type { ReferenceLinesGeoJson } from '../../../shared/api/map-api.js';
import { LAYER_ORDER } from './layers.js';
import { legendRow, swatch } from './legend.js';
import type { Dispose, MapContext } from './map-context.js';

const LINE_COLOUR = '#7d8791';

export function connectReferenceLinesLayer(ctx: MapContext): Dispose {
  const { app, ws, layers, legend } = ctx;
  let request = 0;

  const clear = () => {
    layers.remove('reference-lines');
    legend.set('lines', null);
  };

  const draw = async () => {
    const mine = ++request;
    if (app.project() === null) return clear();
    let lines: ReferenceLinesGeoJson;
    try {
      lines = await app.api.referenceLines({});
    } catch (error) {
      if (mine === request)
        app.notifyError(error, 'Could not read the reference lines (streets, rail, rivers)');
      return;
    }
    if (mine !== request) return;
    if (lines.features.length === 0) return clear();
    layers.set('reference-lines', {
      // Over the boundary fills and the choropleth (boundaries + 1), under the analysis results.
      order: LAYER_ORDER.boundaries + 2,
      source: { type: 'geojson', data: lines as GeoJSON.FeatureCollection },
      layers: [
        {
          id: 'reference-lines-line',
          type: 'line',
          source: 'reference-lines',
          layout: { 'line-cap': 'round', 'line-join': 'round' },
          paint: {
            'line-color': LINE_COLOUR,
            'line-width': [
              'interpolate',
              ['linear'],
              ['zoom'],
              12,
              ['case', ['get', 'major'], 1.5, 0.8],
              17,
              ['case', ['get', 'major'], 6, 3.5],
            ],
            'line-opacity': 0.8,
          },
        },
        {
          id: 'reference-lines-label',
          type: 'symbol',
          source: 'reference-lines',
          minzoom: 14,
          filter: ['to-boolean', ['get', 'name']],
          layout: {
            'symbol-placement': 'line',
            'text-field': ['get', 'name'],
            'text-font': ['sans-serif'],
            'text-size': 11,
          },
          paint: { 'text-color': '#3c4650', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
        },
      ],
    });
    legend.set(
      'lines',
      legendRow(
        swatch('line', LINE_COLOUR),
        'Reference lines (streets, rail, rivers)',
        `${lines.features.length.toLocaleString('en-GB')} lines`,
      ),
    );
  };

  const off = ws.on('boundaries', () => void draw());
  void draw();
  return () => {
    off();
    request++;
    clear();
  };
}
