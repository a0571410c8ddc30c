/**
 * Handlers of the map-api methods (shared/api/map-api.ts): quick reads of the project's records,
 * boundary counts and reference lines on the project's connection.
 */
import type { mapMethods } from '../../../shared/api/map-api.js';
import { deleteReferenceLayer } from '../boundaries/delete-reference-layer.js';
import { referenceLinesGeoJson } from '../boundaries/reference-lines-geojson.js';
import type { EngineContext, Handlers } from '../context.js';
import { areaChoropleth } from '../query/area-choropleth.js';
import { recordBounds } from '../query/record-bounds.js';
import { recordRows } from '../query/record-rows.js';
import { filterRecords, recordSnapshot } from '../query/record-selection.js';

export function createMapHandlers(ctx: EngineContext): Handlers<typeof mapMethods> {
  const db = () => ctx.project().db;
  return {
    getRecords: async ({ ids }) => recordRows(db(), ids),
    recordBounds: async ({ filter }) => recordBounds(db(), filter),
    areaChoropleth: async ({ filter }) => areaChoropleth(db(), filter),
    recordSnapshot: async () => recordSnapshot(db()),
    filterRecords: async ({ filter }) => filterRecords(db(), filter),
    referenceLines: async () => referenceLinesGeoJson(db(), ctx.project().crs),
    deleteReferenceLayer: async ({ id }) => {
      const deleted = deleteReferenceLayer(db(), id);
      ctx.notifyProjectChanged();
      return deleted;
    },
  };
}
