/** Handlers of the basemap-api methods: the project's basemap, read and chosen (basemap-service.ts). */
import type { basemapMethods } from '../../../shared/api/basemap-api.js';
import { ApiError } from '../../../shared/api/errors.js';
import type { BasemapService } from '../basemap/basemap-service.js';
import type { EngineContext, Handlers } from '../context.js';

export function createBasemapHandlers(
  ctx: EngineContext,
  basemaps: BasemapService,
): Handlers<typeof basemapMethods> {
  return {
    getBasemap: async () => basemaps.current(),
    setBasemap: async ({ choice, opacity }) => {
      const basemap = await basemaps.choose(choice, opacity);
      if (ctx.maybeProject()) ctx.audit('set-basemap', { kind: basemap.kind });
      return basemap;
    },
    basemapTile: async ({ id, z, x, y }) => {
      if (!basemaps.has(id)) throw new ApiError('not-found', 'There is no such basemap file open.');
      return basemaps.tile(id, z, x, y);
    },
    basemapTileOrigins: async () => basemaps.tileOrigins(),
  };
}
