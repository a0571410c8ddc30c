/**
 * The bundled basemap in printed maps (issue 12: "the basemap when one is set"): when the project
 * shows the sample town (its choice, or no choice yet) and its records lie in the town, the
 * profile and slide maps get the town's water and, unless the analyst imported reference lines of
 * their own, its named streets, from the same seeded plan as resources/sample (shared/generate).
 */
import type Database from 'better-sqlite3';
import { makeTransform } from '../../../shared/crs/transform.js';
import { townMap } from '../../../shared/generate/town-map.js';
import type { MultiPolygonCoords } from '../../../shared/profile/model.js';
import { MAJOR_KINDS, type ReferenceLine } from '../profile/reference-lines.js';
import { readStoredBasemap } from './basemap-store.js';

/** The seed resources/sample is generated with. */
export const SAMPLE_SEED = 1;
const BNG = 'EPSG:27700';

export interface BundledReference {
  streets: ReferenceLine[];
  water: { polygons: MultiPolygonCoords; label: string }[];
}

const cache = new Map<string, BundledReference & { box: [number, number, number, number] }>();

/** The sample town's streets and water in `crs`, with their bounding box. */
function sampleTown(crs: string) {
  let town = cache.get(crs);
  if (town === undefined) {
    const { streets, water } = townMap(SAMPLE_SEED);
    const { toProject } = makeTransform(BNG, crs);
    const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    const move = (p: number[]) => {
      const [x, y] = toProject(p[0]!, p[1]!);
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
      return [x, y];
    };
    town = {
      streets: streets.map((s) => ({
        coords: s.line.map(move),
        name: s.name,
        major: MAJOR_KINDS.test(s.kind),
      })),
      water: water.map((w) => ({ polygons: [[w.ring.map(move)]], label: w.name })),
      box,
    };
    cache.set(crs, town);
  }
  return town;
}

/** What the bundled basemap adds to the printed maps of this project, or null. */
export function bundledReference(db: Database.Database, crs: string): BundledReference | null {
  const kind = readStoredBasemap(db)?.kind ?? 'sample';
  if (kind !== 'sample') return null;
  const town = sampleTown(crs);
  const [minX, minY, maxX, maxY] = town.box;
  const inTown = db
    .prepare('SELECT 1 FROM records WHERE x BETWEEN ? AND ? AND y BETWEEN ? AND ? LIMIT 1')
    .get(minX, maxX, minY, maxY);
  return inTown ? { streets: town.streets, water: town.water } : null;
}
