/**
 * Draws the map workspace (panels/workspace.ts) on the map and keeps it in step, one module per kind
 * of layer, each connected here and each returning its dispose:
 *
 *   reference-lines-layer   streets, rail and rivers under everything
 *   boundaries-layer        the boundary layers switched on, the filter's area
 *   choropleth-layer        area-only records counted per area of their matching boundary layer
 *   kde-layer               density surface and numbered hotspots
 *   chains-layer            near-repeat chains and risk zones
 *   records-layer           the filtered points, clustered, coloured by dataset or category
 *   identify                a click on a point lists its records
 *   go-to-data              the view follows the data (project opened, import) and panels' focus
 *   located-layer           the record located from the records table, ringed
 *
 * The shell calls connectWorkspaceLayers once; the workspace state itself knows nothing of the map.
 */
import type { Workspace } from '../panels/workspace.js';
import type { AppContext } from '../shell/app-context.js';
import { TEST_HOOKS } from '../shell/test-hooks.js';
import { connectBoundariesLayer } from './boundaries-layer.js';
import { connectChainsLayer } from './chains-layer.js';
import { connectChoroplethLayer } from './choropleth-layer.js';
import { connectGoToData } from './go-to-data.js';
import { connectIdentify } from './identify.js';
import { connectKdeLayer } from './kde-layer.js';
import { Legend } from './legend.js';
import { connectLocatedLayer } from './located-layer.js';
import { type Dispose, disposeAll, fitMapTo, type MapContext } from './map-context.js';
import { connectRecordsLayer } from './records-layer.js';
import { connectReferenceLinesLayer } from './reference-lines-layer.js';

export { formatDensity } from './kde-layer.js';

export function connectWorkspaceLayers(app: AppContext, ws: Workspace): Dispose {
  const { map, layers } = app;
  const legend = new Legend(map.getContainer().parentElement ?? map.getContainer());
  // In a test build only, the map object on its container element, so end-to-end tests can read
  // the drawn sources (querySourceFeatures) the way they read the canvas.
  if (TEST_HOOKS && !Object.hasOwn(map.getContainer(), 'maplibreMap'))
    Object.defineProperty(map.getContainer(), 'maplibreMap', { value: map, configurable: true });
  const ctx: MapContext = { app, ws, map, layers, legend, fitTo: (bounds) => fitMapTo(map, bounds) };
  const records = connectRecordsLayer(ctx);
  const dispose = disposeAll([
    connectReferenceLinesLayer(ctx),
    connectBoundariesLayer(ctx),
    connectChoroplethLayer(ctx),
    connectKdeLayer(ctx),
    connectChainsLayer(ctx),
    records.dispose,
    connectIdentify(ctx, records),
    connectGoToData(ctx),
    connectLocatedLayer(ctx),
  ]);
  return () => {
    dispose();
    legend.dispose();
  };
}
