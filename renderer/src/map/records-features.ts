/**
 * GeoJSON for the records layers from the project's point snapshot (rows of its columns):
 *   clusterFeatures   the clusters and lone points of one zoom (point-clusters.ts), for the records
 *                     source: clusters carry MapLibre's own property names (point_count,
 *                     point_count_abbreviated, cluster_id) plus their zoom `z`; a lone point carries
 *                     its record id as feature id, its category code `c` and dataset `d`
 *   snapshotFeatures  every point of the snapshot with its row `i`, for the street-level source that
 *                     a mask filter (selectedRowsFilter) narrows to the selection
 * Category codes are the snapshot's, one code space for every records feature.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { RecordColumns } from '../../../shared/model/records.js';
import { abbreviateCount, fromMercator, type GridCells } from './point-clusters.js';

export function clusterFeatures(
  columns: Pick<RecordColumns, 'id' | 'lon' | 'lat' | 'categoryCode' | 'datasetId'>,
  cells: GridCells,
  zoom: number,
): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (let s = 0; s < cells.key.length; s++) {
    const count = cells.count[s]!;
    const row = cells.first[s]!;
    if (count === 1) {
      features.push({
        type: 'Feature',
        id: columns.id[row]!,
        properties: { c: columns.categoryCode[row]!, d: columns.datasetId[row]! },
        geometry: { type: 'Point', coordinates: [columns.lon[row]!, columns.lat[row]!] },
      });
      continue;
    }
    features.push({
      type: 'Feature',
      properties: {
        cluster: true,
        cluster_id: cells.key[s]!,
        z: zoom,
        point_count: count,
        point_count_abbreviated: abbreviateCount(count),
      },
      geometry: { type: 'Point', coordinates: fromMercator(cells.sumX[s]! / count, cells.sumY[s]! / count) },
    });
  }
  return { type: 'FeatureCollection', features };
}

export function snapshotFeatures(
  columns: Pick<RecordColumns, 'count' | 'id' | 'lon' | 'lat' | 'categoryCode' | 'datasetId'>,
): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (let i = 0; i < columns.count; i++) {
    const lon = columns.lon[i]!;
    const lat = columns.lat[i]!;
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    features.push({
      type: 'Feature',
      id: columns.id[i]!,
      properties: { c: columns.categoryCode[i]!, d: columns.datasetId[i]!, i },
      geometry: { type: 'Point', coordinates: [lon, lat] },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** A layer filter keeping the snapshot features whose row `i` is among `rows` (an O(1) lookup each). */
export function selectedRowsFilter(rows: Uint32Array, size: number): unknown[] {
  const selected = new Array<number>(size).fill(0);
  for (let k = 0; k < rows.length; k++) selected[rows[k]!] = 1;
  return ['==', ['at', ['get', 'i'], ['literal', selected]], 1];
}
