/**
 * GeoJSON of the town's boundaries and streets, in two coordinate systems:
 *   WGS84 lon/lat (RFC 7946: no `crs` member, exterior rings counter-clockwise, 6 decimals ≈ 0.1 m),
 *     which is what is written to the files, as ONS and partners publish boundaries;
 *   BNG metres (EPSG:27700), kept in memory for static maps and tests, with the legacy 2008-spec
 *     `crs` member naming EPSG:27700 so a writer of these objects keeps the CRS explicit.
 */
import type { Area, BoundaryLayer } from './boundaries.js';
import { closedCounterClockwise } from './geometry.js';
import type { Street } from './streets.js';
import type { WaterBody } from './water.js';

export type Position = number[];

export interface Feature<G> {
  type: 'Feature';
  properties: Record<string, string | number>;
  geometry: G;
}

export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Position[][];
}

export interface LineStringGeometry {
  type: 'LineString';
  coordinates: Position[];
}

export interface FeatureCollection<G> {
  type: 'FeatureCollection';
  crs?: { type: 'name'; properties: { name: string } };
  features: Feature<G>[];
}

export const BNG_CRS_MEMBER = { type: 'name' as const, properties: { name: 'urn:ogc:def:crs:EPSG::27700' } };

export type ToWgs84 = (x: number, y: number) => [number, number];

function lonLat(toWgs84: ToWgs84, p: Position): Position {
  const [lon, lat] = toWgs84(p[0], p[1]);
  return [Number(lon.toFixed(6)), Number(lat.toFixed(6))];
}

function areaProperties(layer: BoundaryLayer, area: Area): Record<string, string | number> {
  const named =
    layer.codeProperty === layer.nameProperty
      ? { [layer.codeProperty]: area.code }
      : { [layer.codeProperty]: area.code, [layer.nameProperty]: area.name };
  return layer.populationProperty === undefined || area.population === undefined
    ? named
    : { ...named, [layer.populationProperty]: area.population };
}

export function boundaryGeoJson(
  layer: BoundaryLayer,
  toWgs84: ToWgs84,
): { bng: FeatureCollection<PolygonGeometry>; wgs84: FeatureCollection<PolygonGeometry> } {
  const bngFeatures = layer.areas.map((a) => ({
    type: 'Feature' as const,
    properties: areaProperties(layer, a),
    geometry: { type: 'Polygon' as const, coordinates: [a.ring] },
  }));
  const wgsFeatures = layer.areas.map((a) => ({
    type: 'Feature' as const,
    properties: areaProperties(layer, a),
    geometry: {
      type: 'Polygon' as const,
      coordinates: [closedCounterClockwise(a.ring.map((p) => lonLat(toWgs84, p)))],
    },
  }));
  return {
    bng: { type: 'FeatureCollection', crs: BNG_CRS_MEMBER, features: bngFeatures },
    wgs84: { type: 'FeatureCollection', features: wgsFeatures },
  };
}

export function streetGeoJson(
  streets: readonly Street[],
  toWgs84: ToWgs84,
): { bng: FeatureCollection<LineStringGeometry>; wgs84: FeatureCollection<LineStringGeometry> } {
  const props = (s: Street) => ({ name: s.name, kind: s.kind });
  return {
    bng: {
      type: 'FeatureCollection',
      crs: BNG_CRS_MEMBER,
      features: streets.map((s) => ({
        type: 'Feature',
        properties: props(s),
        geometry: { type: 'LineString', coordinates: s.line },
      })),
    },
    wgs84: {
      type: 'FeatureCollection',
      features: streets.map((s) => ({
        type: 'Feature',
        properties: props(s),
        geometry: { type: 'LineString', coordinates: s.line.map((p) => lonLat(toWgs84, p)) },
      })),
    },
  };
}

/** The town's water as polygons with name and kind, in BNG and WGS84. */
export function waterGeoJson(
  water: readonly WaterBody[],
  toWgs84: ToWgs84,
): { bng: FeatureCollection<PolygonGeometry>; wgs84: FeatureCollection<PolygonGeometry> } {
  const props = (w: WaterBody) => ({ name: w.name, kind: w.kind });
  return {
    bng: {
      type: 'FeatureCollection',
      crs: BNG_CRS_MEMBER,
      features: water.map((w) => ({
        type: 'Feature',
        properties: props(w),
        geometry: { type: 'Polygon', coordinates: [w.ring] },
      })),
    },
    wgs84: {
      type: 'FeatureCollection',
      features: water.map((w) => ({
        type: 'Feature',
        properties: props(w),
        geometry: {
          type: 'Polygon',
          coordinates: [closedCounterClockwise(w.ring.map((p) => lonLat(toWgs84, p)))],
        },
      })),
    },
  };
}

/** A FeatureCollection as text with one feature per line, so file diffs stay readable. */
export function featureCollectionText<G>(fc: FeatureCollection<G>): string {
  const head = fc.crs
    ? `{"type":"FeatureCollection","crs":${JSON.stringify(fc.crs)},"features":[`
    : '{"type":"FeatureCollection","features":[';
  return `${head}\n${fc.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}
