/**
 * Hotspots of this period against the previous one, classed by polygon overlap (issue 13 item 1;
 * DESIGN.md §4 "Hotspot classes"). Both periods' hotspots must come from KDE runs on the same grid
 * and bandwidth, so their outlines are comparable.
 *
 * Overlap is measured on a lattice of sample points (spacing `stepM`, points at the centres of the
 * lattice's squares from `originX, originY`): a polygon's area is the number of points inside it
 * (even–odd rule) × stepM², and so is an intersection's. With stepM half the KDE cell size this is
 * within a few per cent of the exact areas of contour outlines, and exact for outlines on the lattice.
 *
 * The rule, for each current hotspot A and the previous hotspots P₁…Pₖ it shares any area with
 * (U = their union):
 *   new         no previous hotspot overlaps A
 *   grown       area(A) ≥ GROWTH_RATIO · area(U)
 *   shrunk      area(A) ≤ area(U) / GROWTH_RATIO
 *   persisting  otherwise
 * and each previous hotspot that no current hotspot overlaps is `gone`. The Jaccard index
 * J = area(A ∩ U) / area(A ∪ U) (1 = same outline, 0 = no overlap) is reported beside every class.
 * Cost O(Σ lattice points in each hotspot's bounding box × edges per strip).
 */
import { type PolygonCoords, preparedContains, preparePolygon } from '../hotspots/polygon.js';

/** Area of a current hotspot at least this many times its previous area is "grown" (1/ratio: "shrunk"). */
export const GROWTH_RATIO = 1.5;

export type HotspotStatus = 'new' | 'persisting' | 'grown' | 'shrunk' | 'gone';

export interface ChangeInput {
  polygon: PolygonCoords;
}

export interface Lattice {
  originX: number;
  originY: number;
  stepM: number;
}

export interface HotspotChange {
  status: HotspotStatus;
  /** Index into the current hotspots; null for a previous hotspot that is gone. */
  current: number | null;
  /** Indices into the previous hotspots it overlaps (the gone one itself for 'gone'). */
  previous: number[];
  /** Area of the current hotspot (0 when gone) and of the previous ones overlapped, m². */
  areaM2: number;
  previousAreaM2: number;
  /** area(A ∩ U) / area(A ∪ U). */
  jaccard: number;
}

/** Lattice point keys (column, row packed into one number) inside a polygon. */
function latticePoints(polygon: PolygonCoords, lattice: Lattice): Set<number> {
  const { originX, originY, stepM } = lattice;
  const prepared = preparePolygon(polygon);
  const c0 = Math.ceil((prepared.minX - originX) / stepM - 0.5);
  const c1 = Math.floor((prepared.maxX - originX) / stepM - 0.5);
  const r0 = Math.ceil((prepared.minY - originY) / stepM - 0.5);
  const r1 = Math.floor((prepared.maxY - originY) / stepM - 0.5);
  const out = new Set<number>();
  for (let r = r0; r <= r1; r++) {
    const y = originY + (r + 0.5) * stepM;
    for (let c = c0; c <= c1; c++) {
      if (preparedContains(prepared, originX + (c + 0.5) * stepM, y)) out.add(key(c, r));
    }
  }
  return out;
}

// Columns and rows of a town-sized lattice fit easily in ±2^25 each.
const SPAN = 2 ** 26;
function key(col: number, row: number): number {
  return (row + SPAN / 2) * SPAN + (col + SPAN / 2);
}

function intersectionSize(a: Set<number>, b: Set<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const k of small) if (large.has(k)) n++;
  return n;
}

export function classifyHotspotChanges(
  current: readonly ChangeInput[],
  previous: readonly ChangeInput[],
  lattice: Lattice,
): HotspotChange[] {
  if (!(Number.isFinite(lattice.stepM) && lattice.stepM > 0))
    throw new RangeError(`stepM must be > 0, got ${lattice.stepM}`);
  const cellM2 = lattice.stepM * lattice.stepM;
  const cur = current.map((h) => latticePoints(h.polygon, lattice));
  const prev = previous.map((h) => latticePoints(h.polygon, lattice));
  const matched = new Set<number>();
  const changes: HotspotChange[] = cur.map((a, i) => {
    const overlapping = prev.flatMap((p, j) => (intersectionSize(a, p) > 0 ? [j] : []));
    for (const j of overlapping) matched.add(j);
    const union = new Set<number>();
    for (const j of overlapping) for (const k of prev[j]!) union.add(k);
    const both = intersectionSize(a, union);
    const either = a.size + union.size - both;
    const status: HotspotStatus =
      overlapping.length === 0
        ? 'new'
        : a.size >= GROWTH_RATIO * union.size
          ? 'grown'
          : a.size * GROWTH_RATIO <= union.size
            ? 'shrunk'
            : 'persisting';
    return {
      status,
      current: i,
      previous: overlapping,
      areaM2: a.size * cellM2,
      previousAreaM2: union.size * cellM2,
      jaccard: either > 0 ? both / either : 0,
    };
  });
  prev.forEach((p, j) => {
    if (matched.has(j)) return;
    changes.push({
      status: 'gone',
      current: null,
      previous: [j],
      areaM2: 0,
      previousAreaM2: p.size * cellM2,
      jaccard: 0,
    });
  });
  return changes;
}

/**
 * Where nothing changed, outlines near the density cut come and go between periods, so some hotspots
 * are classed "new" by chance: at most this share of them on simulated towns with the same events in
 * both periods (tests/unit/electron/engine/analysis/tactical-false-new.test.ts). The class has no
 * error rate of its own; a rise is judged by each outline's test, BH-adjusted across the hotspots.
 */
export const STATIONARY_NEW_SHARE = 0.15;

/** The rule in words, for every output that shows the classes. */
export const CHANGE_RULE =
  `Hotspots of this period are compared with those of the previous period by their outlines: ` +
  `"new" overlaps no previous hotspot; "grown" covers at least ${GROWTH_RATIO} times the area of the previous hotspots it overlaps; ` +
  `"shrunk" at most ${(1 / GROWTH_RATIO).toFixed(2)} times it; "persisting" otherwise; "gone" is a previous hotspot no current one overlaps. ` +
  `The Jaccard index is the shared area divided by the combined area (1 = the same outline, 0 = no overlap). ` +
  `A class says how an outline changed, not that crime rose: where nothing changed, outlines near the cut come and go, ` +
  `and in simulated towns with the same events in both periods up to ${Math.round(STATIONARY_NEW_SHARE * 100)} in 100 hotspots were classed "new". ` +
  `Read a "new" or "grown" hotspot as a real rise only when its events test is a significant increase ` +
  `(q < 0.05 after Benjamini–Hochberg across the hotspots, which holds false rises to about 5 in 100 of those called significant).`;

/** The verdict of a significant rise (q < 0.05 after BH across the hotspots). */
export const SIGNIFICANT_RISE = 'significant increase';

/**
 * A hotspot whose outline is still there (persisting, grown or shrunk) but whose events rose
 * significantly on the previous period: "sharply up". The outline classes alone call it persisting
 * when a small earlier hotspot overlaps a surge, which hides an emerging problem.
 */
export function isSharplyUp(h: { status: HotspotStatus; verdict: string | null }): boolean {
  return h.status !== 'new' && h.status !== 'gone' && h.verdict === SIGNIFICANT_RISE;
}
