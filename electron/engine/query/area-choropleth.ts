/**
 * Area-only records (e.g. hospital admissions by outward postcode) drawn as a choropleth: counts per
 * feature of the boundary layer whose codes match the most of the selected area-only records. Point
 * records are left out (they are drawn as points), so the fills count the area-only data alone.
 */
import type Database from 'better-sqlite3';
import type { AreaChoropleth } from '../../../shared/api/map-api.js';
import type { RecordFilter } from '../../../shared/model/records.js';
import { readDenominator } from '../boundaries/area-denominator.js';
import { listBoundaryLayers } from '../boundaries/boundary-layers.js';
import { countByArea } from '../boundaries/count-by-area.js';

/** Null when the filter selects no area-only dataset or no boundary layer matches any of its codes. */
export function areaChoropleth(db: Database.Database, filter: RecordFilter): AreaChoropleth | null {
  const areaDatasets = (
    db.prepare(`SELECT id FROM datasets WHERE geometry = 'areas' ORDER BY id`).all() as { id: number }[]
  )
    .map((r) => r.id)
    .filter((id) => filter.datasetIds === undefined || filter.datasetIds.includes(id));
  if (areaDatasets.length === 0) return null;
  const areaOnly: RecordFilter = { ...filter, datasetIds: areaDatasets };
  let best: AreaChoropleth | null = null;
  for (const layer of listBoundaryLayers(db)) {
    const counts = countByArea(db, areaOnly, layer.id);
    if (counts.fromCodes > 0 && (best === null || counts.fromCodes > best.counts.fromCodes))
      best = { layerId: layer.id, layerName: layer.name, datasetIds: areaDatasets, counts, residents: null };
  }
  return best === null ? null : { ...best, residents: residentsByFeature(db, best) };
}

/** The layer's denominator per feature, when every feature has one (else rates would mislead). */
function residentsByFeature(db: Database.Database, choropleth: AreaChoropleth): AreaChoropleth['residents'] {
  const denominator = readDenominator(db, choropleth.layerId);
  if (denominator === null) return null;
  const byFeature: Record<number, number> = {};
  for (const area of choropleth.counts.areas) {
    const value = denominator.byCode[area.code];
    if (value === undefined) return null;
    byFeature[area.featureId] = value;
  }
  return { column: denominator.column, byFeature };
}
