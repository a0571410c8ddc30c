/**
 * Near-repeat chains on the map: each chain's members joined in time order where consecutive members
 * are within the link distance (the engine returns members, not links), its centre, and the risk
 * zones around the chains.
 */
import type { FeatureCollection, MultiLineString, Point } from 'geojson';
import type { ChainsRunResult } from '../../../shared/api/analysis-api.js';
import { makeTransform } from '../../../shared/crs/transform.js';
import type { RecordColumns } from '../../../shared/model/records.js';
import { h } from '../shell/dom.js';
import { LAYER_ORDER } from './layers.js';
import { legendRow, swatch } from './legend.js';
import type { Dispose, MapContext } from './map-context.js';

const CHAIN_COLOUR = '#6a3d9a';

export function connectChainsLayer(ctx: MapContext): Dispose {
  const { app, ws, layers, legend } = ctx;

  const clear = () => {
    layers.remove('chains');
    layers.remove('risk-zones');
    legend.set('chains', null);
  };

  const draw = (chains: ChainsRunResult | null) => {
    if (chains === null || chains.chains.length === 0) return clear();
    const crs = app.project()?.crs ?? 'EPSG:27700';
    const project = makeTransform(crs, crs).projectToWgs84;
    layers.set('chains', {
      order: LAYER_ORDER.selection,
      source: { type: 'geojson', data: chainFeatures(chains, ws.records?.columns, project) },
      layers: [
        {
          id: 'chains-links',
          type: 'line',
          source: 'chains',
          filter: ['in', ['geometry-type'], ['literal', ['LineString', 'MultiLineString']]],
          paint: { 'line-color': CHAIN_COLOUR, 'line-width': 2, 'line-opacity': 0.8 },
        },
        {
          id: 'chains-centres',
          type: 'circle',
          source: 'chains',
          filter: ['==', ['geometry-type'], 'Point'],
          paint: {
            'circle-color': '#ffffff',
            'circle-stroke-color': CHAIN_COLOUR,
            'circle-stroke-width': 2,
            'circle-radius': 4,
          },
        },
      ],
    });
    if (chains.zones.length > 0) {
      layers.set('risk-zones', {
        order: LAYER_ORDER.riskZones,
        source: {
          type: 'geojson',
          data: {
            type: 'FeatureCollection',
            features: chains.zones.map((zone) => ({
              type: 'Feature',
              properties: { chain: zone.chainId },
              geometry: { type: 'Polygon', coordinates: [zone.ring.map(([x, y]) => project(x, y))] },
            })),
          } as FeatureCollection,
        },
        layers: [
          {
            id: 'risk-zones-fill',
            type: 'fill',
            source: 'risk-zones',
            paint: { 'fill-color': CHAIN_COLOUR, 'fill-opacity': 0.12, 'fill-outline-color': CHAIN_COLOUR },
          },
        ],
      });
    } else layers.remove('risk-zones');
    legend.set(
      'chains',
      h(
        'div',
        {},
        legendRow(
          swatch('line', CHAIN_COLOUR),
          `Near-repeat chains (${chains.chains.length})`,
          chains.linkRule,
        ),
        chains.zones.length > 0
          ? legendRow(
              swatch('area', 'rgb(106 61 154 / 0.2)', CHAIN_COLOUR),
              `Risk zones (${chains.zones.length})`,
            )
          : null,
      ),
    );
  };

  const off = ws.on('chains', draw);
  if (ws.chains !== null) draw(ws.chains);
  return () => {
    off();
    clear();
  };
}

function chainFeatures(
  chains: ChainsRunResult,
  columns: RecordColumns | undefined,
  project: (x: number, y: number) => [number, number],
): FeatureCollection<MultiLineString | Point, { chain: number }> {
  const index = new Map<number, number>();
  if (columns) for (let i = 0; i < columns.count; i++) index.set(columns.id[i]!, i);
  const features: FeatureCollection<MultiLineString | Point, { chain: number }>['features'] = [];
  for (const chain of chains.chains) {
    const segments: [number, number][][] = [];
    let previous: number | undefined;
    for (const id of chain.memberRecordIds) {
      const i = index.get(id);
      if (i === undefined || columns === undefined) continue;
      if (previous !== undefined) {
        const dx = Math.abs(columns.x[i]! - columns.x[previous]!);
        const dy = Math.abs(columns.y[i]! - columns.y[previous]!);
        const distance = chains.metric === 'manhattan' ? dx + dy : Math.hypot(dx, dy);
        if (distance < chains.distanceM)
          segments.push([
            [columns.lon[previous]!, columns.lat[previous]!],
            [columns.lon[i]!, columns.lat[i]!],
          ]);
      }
      previous = i;
    }
    if (segments.length > 0)
      features.push({
        type: 'Feature',
        properties: { chain: chain.id },
        geometry: { type: 'MultiLineString', coordinates: segments },
      });
    features.push({
      type: 'Feature',
      properties: { chain: chain.id },
      geometry: { type: 'Point', coordinates: project(chain.centroidX, chain.centroidY) },
    });
  }
  return { type: 'FeatureCollection', features };
}
