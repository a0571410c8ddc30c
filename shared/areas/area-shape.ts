/**
 * Drawn areas as polygons in project CRS metres (issue 13 item 5; DESIGN.md §4: distances and areas
 * only ever in a projected CRS). The map draws in WGS84; each vertex is projected once here:
 *
 *   polygon    the drawn ring, closed if it was not
 *   rectangle  the axis-aligned rectangle (in project metres, so its sides run grid north and east)
 *              between the two projected corners
 *   buffer     a circle of radiusM round the projected centre as a BUFFER_SEGMENTS-gon with its
 *              vertices ON the circle (area a little under πr²: 0.16 % at 64 sides); with innerRadiusM
 *              a ring: the inner circle is a hole, so the ring holds only what lies between the two
 * Boundary features are copied by the engine (their geometry is already in project metres).
 */
import { multiPolygonArea, polygonArea } from '../analysis/hotspots/polygon.js';

export const BUFFER_SEGMENTS = 64;

type LonLat = [number, number];
export type Project = (lon: number, lat: number) => [number, number];

export type DrawnShape =
  | { kind: 'polygon'; ringWgs84: LonLat[] }
  | { kind: 'rectangle'; cornersWgs84: [LonLat, LonLat] }
  | { kind: 'buffer'; centreWgs84: LonLat; radiusM: number; innerRadiusM?: number };

export interface AreaPolygon {
  type: 'Polygon';
  coordinates: number[][][];
}

function circle(cx: number, cy: number, r: number, clockwise: boolean): number[][] {
  const ring: number[][] = [];
  for (let k = 0; k < BUFFER_SEGMENTS; k++) {
    const a = ((clockwise ? -1 : 1) * 2 * Math.PI * k) / BUFFER_SEGMENTS;
    ring.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  ring.push([...ring[0]!]);
  return ring;
}

export function drawnPolygon(shape: DrawnShape, project: Project): AreaPolygon {
  if (shape.kind === 'polygon') {
    const ring = shape.ringWgs84.map(([lon, lat]) => project(lon, lat) as number[]);
    const [first, last] = [ring[0]!, ring[ring.length - 1]!];
    if (first[0] !== last[0] || first[1] !== last[1]) ring.push([...first]);
    if (ring.length < 4) throw new RangeError('a drawn polygon needs at least three corners');
    const polygon = [ring];
    if (!(polygonArea(polygon) > 0)) throw new RangeError('the drawn polygon has no area');
    return { type: 'Polygon', coordinates: polygon };
  }
  if (shape.kind === 'rectangle') {
    const [a, b] = shape.cornersWgs84.map(([lon, lat]) => project(lon, lat));
    const [x0, x1] = [Math.min(a![0], b![0]), Math.max(a![0], b![0])];
    const [y0, y1] = [Math.min(a![1], b![1]), Math.max(a![1], b![1])];
    if (!(x1 > x0 && y1 > y0))
      throw new RangeError('the rectangle has no area: drag from one corner to the opposite one');
    return {
      type: 'Polygon',
      coordinates: [
        [
          [x0, y0],
          [x1, y0],
          [x1, y1],
          [x0, y1],
          [x0, y0],
        ],
      ],
    };
  }
  const inner = shape.innerRadiusM ?? 0;
  if (!(shape.radiusM > inner))
    throw new RangeError(
      `the outer radius must be larger than the inner one, got ${shape.radiusM} and ${inner} m`,
    );
  const [cx, cy] = project(shape.centreWgs84[0], shape.centreWgs84[1]);
  const coordinates = [circle(cx, cy, shape.radiusM, false)];
  if (inner > 0) coordinates.push(circle(cx, cy, inner, true));
  return { type: 'Polygon', coordinates };
}

/** Area in m² of a stored area's geometry. */
export function geometryAreaM2(geometry: {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: number[][][] | number[][][][];
}): number {
  return geometry.type === 'Polygon'
    ? polygonArea(geometry.coordinates as number[][][])
    : multiPolygonArea(geometry.coordinates as number[][][][]);
}
