/** Handlers of the basemap-api methods: the project's basemap, read and chosen (basemap-service.ts). */
import type { basemapMethods } from '../../../shared/api/basemap-api.js';
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
  };
}
