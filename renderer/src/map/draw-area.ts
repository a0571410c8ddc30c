/**
 * A small draw mode on the MapLibre map for saved areas (issue 13 item 5), written by hand: no
 * plug-in, nothing fetched. One shape at a time:
 *
 *   polygon    click each corner; double-click, or click the first corner again, to finish
 *   rectangle  click one corner, then the opposite corner
 *   buffer     click the centre (the radii come from the panel)
 *
 * Escape cancels. While drawing, the map's double-click zoom is off and the cursor is a crosshair;
 * the shape so far is drawn in the 'draw-preview' layer group. Coordinates are WGS84 [lon, lat]; the
 * engine projects them (shared/areas/area-shape.ts).
 */
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { LAYER_ORDER, type MapLayers } from './layers.js';

export type DrawKind = 'polygon' | 'rectangle' | 'buffer';
type LonLat = [number, number];

export type DrawnShape =
  | { kind: 'polygon'; ringWgs84: LonLat[] }
  | { kind: 'rectangle'; cornersWgs84: [LonLat, LonLat] }
  | { kind: 'buffer'; centreWgs84: LonLat };

const PREVIEW = 'draw-preview';
/** A click within this many pixels of the first corner closes the polygon. */
const CLOSE_PX = 8;

function preview(layers: MapLayers, points: LonLat[], closed: boolean): void {
  const line = closed && points.length > 2 ? [...points, points[0]!] : points;
  layers.set(PREVIEW, {
    order: LAYER_ORDER.selection,
    source: {
      type: 'geojson',
      data: {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: line } },
          { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: points } },
        ],
      },
    },
    layers: [
      {
        id: `${PREVIEW}-line`,
        type: 'line',
        source: PREVIEW,
        paint: { 'line-color': '#6a1b9a', 'line-width': 2, 'line-dasharray': [2, 1] },
      },
      {
        id: `${PREVIEW}-points`,
        type: 'circle',
        source: PREVIEW,
        paint: { 'circle-radius': 4, 'circle-color': '#6a1b9a' },
      },
    ],
  });
}

function rectangle([a, b]: [LonLat, LonLat]): LonLat[] {
  return [a, [b[0], a[1]], b, [a[0], b[1]]];
}

/**
 * Starts drawing; `done` gets the shape (or null when cancelled). Returns a function that cancels.
 */
export function startDrawing(
  map: MapLibreMap,
  layers: MapLayers,
  kind: DrawKind,
  done: (shape: DrawnShape | null) => void,
): () => void {
  const points: LonLat[] = [];
  let hover: LonLat | null = null;
  const zoomWasOn = map.doubleClickZoom.isEnabled();
  map.doubleClickZoom.disable();
  const canvas = map.getCanvas();
  const cursor = canvas.style.cursor;
  canvas.style.cursor = 'crosshair';

  const redraw = () => {
    const shown = hover ? [...points, hover] : points;
    if (kind === 'rectangle' && shown.length === 2) preview(layers, rectangle([shown[0]!, shown[1]!]), true);
    else preview(layers, shown, kind === 'polygon');
  };
  const finish = (shape: DrawnShape | null) => {
    map.off('click', onClick);
    map.off('dblclick', onDoubleClick);
    map.off('mousemove', onMove);
    window.removeEventListener('keydown', onKey);
    layers.remove(PREVIEW);
    canvas.style.cursor = cursor;
    if (zoomWasOn) map.doubleClickZoom.enable();
    done(shape);
  };
  const at = (e: MapMouseEvent): LonLat => [e.lngLat.lng, e.lngLat.lat];
  const onClick = (e: MapMouseEvent) => {
    const p = at(e);
    if (kind === 'buffer') return finish({ kind: 'buffer', centreWgs84: p });
    if (kind === 'rectangle') {
      points.push(p);
      if (points.length === 2) return finish({ kind: 'rectangle', cornersWgs84: [points[0]!, points[1]!] });
      return redraw();
    }
    if (points.length >= 3) {
      const first = map.project(points[0]!);
      if (Math.hypot(first.x - e.point.x, first.y - e.point.y) <= CLOSE_PX)
        return finish({ kind: 'polygon', ringWgs84: [...points] });
    }
    points.push(p);
    redraw();
  };
  const onDoubleClick = (e: MapMouseEvent) => {
    e.preventDefault();
    // The double-click's two clicks each added a corner at the same place: keep one.
    if (points.length >= 2) {
      const [a, b] = [points[points.length - 1]!, points[points.length - 2]!];
      if (a[0] === b[0] && a[1] === b[1]) points.pop();
    }
    if (kind === 'polygon' && points.length >= 3) finish({ kind: 'polygon', ringWgs84: [...points] });
  };
  const onMove = (e: MapMouseEvent) => {
    hover = at(e);
    if (points.length > 0) redraw();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') finish(null);
  };
  map.on('click', onClick);
  map.on('dblclick', onDoubleClick);
  map.on('mousemove', onMove);
  window.addEventListener('keydown', onKey);
  return () => finish(null);
}
