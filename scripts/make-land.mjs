// Regenerates resources/style/land-british-isles.json: the land outline under the analyst's layers
// when no basemap is loaded. Source: Natural Earth 1:10m land (public domain) as packaged by
// world-atlas 2.0.2; polygons clipped to the British Isles and the facing coasts (the extent of the
// renderer's graticule), coordinates rounded to 1e-4° (~10 m, far below the source's ~1 km
// accuracy). Two features: `kind: 'land'` (polygons, for the fill) and `kind: 'coast'` (the same
// rings as lines with the straight clip-edge runs removed, so no false coastline is drawn along the
// clip box). Deterministic: same input, same file. Run: node scripts/make-land.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { bboxClip, bbox as bboxOf, polygon } from '@turf/turf';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
const CLIP = [-11, 49, 3, 61]; // west, south, east, north (degrees): graticule.ts's BRITISH_ISLES
const round = (v) => Math.round(v * 1e4) / 1e4;

const world = JSON.parse(readFileSync(require.resolve('world-atlas/land-10m.json'), 'utf8'));
const polygons = [];
for (const land of feature(world, world.objects.land).features) {
  const parts =
    land.geometry.type === 'MultiPolygon' ? land.geometry.coordinates : [land.geometry.coordinates];
  for (const rings of parts) {
    const [w, s, e, n] = bboxOf(polygon(rings));
    if (e < CLIP[0] || w > CLIP[2] || n < CLIP[1] || s > CLIP[3]) continue;
    const clipped = bboxClip(polygon(rings), CLIP).geometry.coordinates;
    if (clipped.length === 0 || clipped[0].length < 4) continue;
    polygons.push(clipped.map((ring) => ring.map(([x, y]) => [round(x), round(y)])));
  }
}
/** Splits a ring into lines at every segment that runs along one edge of the clip box. */
function coastOf(ring) {
  const onEdge = ([x1, y1], [x2, y2]) =>
    (x1 === x2 && (x1 === CLIP[0] || x1 === CLIP[2])) || (y1 === y2 && (y1 === CLIP[1] || y1 === CLIP[3]));
  const lines = [];
  let line = [ring[0]];
  for (let i = 1; i < ring.length; i++) {
    if (onEdge(ring[i - 1], ring[i])) {
      if (line.length > 1) lines.push(line);
      line = [ring[i]];
    } else {
      line.push(ring[i]);
    }
  }
  if (line.length > 1) lines.push(line);
  return lines;
}

const source = 'Natural Earth 1:10m land (public domain), via world-atlas 2.0.2';
const out = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { kind: 'land', source, clip: CLIP },
      geometry: { type: 'MultiPolygon', coordinates: polygons },
    },
    {
      type: 'Feature',
      properties: { kind: 'coast', source, clip: CLIP },
      geometry: { type: 'MultiLineString', coordinates: polygons.flatMap((rings) => rings.flatMap(coastOf)) },
    },
  ],
};
writeFileSync(
  new URL('../resources/style/land-british-isles.json', import.meta.url),
  `${JSON.stringify(out)}\n`,
);
console.log(`land: ${polygons.length} polygons`);
