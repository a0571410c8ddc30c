/**
 * What each of the workspace's map layers (records, boundaries, choropleth, analysis results,
 * reference lines, identify) is given: the app, the workspace state it follows, the map, its layer
 * registry and legend, and one way to move the view. Each layer module exports a `connect…(ctx)` that
 * returns its dispose (unsubscribing from the workspace and removing what it drew).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { LngLatBounds } from 'maplibre-gl';
import type { Workspace } from '../panels/workspace.js';
import type { AppContext } from '../shell/app-context.js';
import type { MapLayers } from './layers.js';
import type { Legend } from './legend.js';

export type Bounds = [number, number, number, number];
export type Dispose = () => void;

export interface MapContext {
  app: AppContext;
  ws: Workspace;
  map: MapLibreMap;
  layers: MapLayers;
  legend: Legend;
  /** Moves the view to [west, south, east, north] in lon/lat (a single point gets a street-level box). */
  fitTo(bounds: Bounds): void;
}

const FIT_PADDING = 40;

export function fitMapTo(map: MapLibreMap, bounds: Bounds): void {
  const [west, south, east, north] = bounds;
  const pad = west === east && south === north ? 0.003 : 0;
  map.fitBounds(new LngLatBounds([west - pad, south - pad], [east + pad, north + pad]), {
    padding: FIT_PADDING,
    maxZoom: 17,
    duration: 0,
  });
}

/** Runs every dispose, last connected first. */
export function disposeAll(disposers: Dispose[]): Dispose {
  return () => {
    for (const dispose of disposers.splice(0).reverse()) dispose();
  };
}
