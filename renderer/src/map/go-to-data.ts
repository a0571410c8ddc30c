/**
 * Going to the data: the view moves to the project's records when a project opens and after an
 * import or a delete changes the datasets, and to a place when a panel asks (ws.focus: a hotspot, a
 * chain, an area, a dataset's "Zoom to"). Area-only datasets have no points: their extent is that of
 * the boundary areas their codes match.
 */
import type { ApiRecordFilter } from '../panels/filter-state.js';
import type { Workspace } from '../panels/workspace.js';
import type { AppContext } from '../shell/app-context.js';
import { coordinateBounds } from './coordinate-bounds.js';
import type { Bounds, Dispose, MapContext } from './map-context.js';

/** The lon/lat extent of a filter's records: its points, else the areas its area-only records match. */
export async function dataBounds(
  app: AppContext,
  ws: Workspace,
  filter: ApiRecordFilter,
): Promise<Bounds | null> {
  const points = await app.api.recordBounds({ filter });
  if (points !== null) return points;
  const choropleth = await app.api.areaChoropleth({ filter });
  if (choropleth === null) return null;
  const matched = new Set(choropleth.counts.areas.filter((a) => a.count > 0).map((a) => a.featureId));
  const geo = await ws.boundaryGeoJson(choropleth.layerId);
  return coordinateBounds(geo.features.filter((f) => matched.has(f.id)).map((f) => f.geometry.coordinates));
}

/** One dataset's extent, for its "Zoom to". */
export function datasetBounds(app: AppContext, ws: Workspace, datasetId: number): Promise<Bounds | null> {
  return dataBounds(app, ws, { datasetIds: [datasetId] });
}

export function connectGoToData(ctx: MapContext): Dispose {
  const { app, ws } = ctx;
  /** What the datasets were when the view last went to them ('' = not yet in this project). */
  let seen = '';
  let request = 0;

  const goToData = async () => {
    const mine = ++request;
    try {
      const box = await dataBounds(app, ws, {});
      if (box !== null && mine === request) ctx.fitTo(box);
    } catch (error) {
      if (mine === request) app.notifyError(error, 'Could not find where the data is');
    }
  };

  const offs = [
    ws.on('focus', (bounds) => ctx.fitTo(bounds)),
    ws.on('projectSwitched', () => {
      seen = '';
    }),
    ws.on('datasets', (datasets) => {
      const now = datasets.map((d) => `${d.id}:${d.records}`).join(',');
      if (now === seen) return;
      seen = now;
      if (datasets.length > 0) void goToData();
    }),
  ];
  return () => {
    request++;
    for (const off of offs) off();
  };
}
