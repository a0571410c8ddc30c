/**
 * Placing events on or near streets. The street polylines are flattened into one table of short
 * segments (typed arrays); an event picks a segment with probability proportional to
 * length × weight(segment midpoint), a uniform position along it, and a sideways offset
 * ~ N(0, OFFSET_SD_M) cut at ±OFFSET_MAX_M (the far side of the road, a front garden).
 *
 * Picking a segment is a binary search on the cumulative weights: O(log segments) per event.
 * A disc sampler does the same among the segments near a hotspot centre, keeping a point with
 * probability exp(−d² / 2σ²), σ = radius / 2, and never beyond the radius: a planted hotspot is a
 * Gaussian bump truncated at its stated radius.
 */
import type { Random } from '../util/random.js';
import type { Point } from './geometry.js';
import type { Street, StreetKind } from './streets.js';

export const OFFSET_SD_M = 5;
export const OFFSET_MAX_M = 15;

export interface SegmentTable {
  count: number;
  x0: Float64Array;
  y0: Float64Array;
  x1: Float64Array;
  y1: Float64Array;
  lengthM: Float64Array;
  street: Int32Array;
}

export interface PlacedPoint extends Point {
  /** Index into the streets array, for the "On or near <name>" description. */
  street: number;
}

export function segmentTable(streets: readonly Street[]): SegmentTable {
  let count = 0;
  for (const s of streets) count += s.line.length - 1;
  const t: SegmentTable = {
    count,
    x0: new Float64Array(count),
    y0: new Float64Array(count),
    x1: new Float64Array(count),
    y1: new Float64Array(count),
    lengthM: new Float64Array(count),
    street: new Int32Array(count),
  };
  let k = 0;
  streets.forEach((s, i) => {
    for (let j = 0; j + 1 < s.line.length; j++, k++) {
      t.x0[k] = s.line[j][0];
      t.y0[k] = s.line[j][1];
      t.x1[k] = s.line[j + 1][0];
      t.y1[k] = s.line[j + 1][1];
      t.lengthM[k] = Math.hypot(t.x1[k] - t.x0[k], t.y1[k] - t.y0[k]);
      t.street[k] = i;
    }
  });
  return t;
}

export type SegmentWeight = (midX: number, midY: number, kind: StreetKind) => number;

/** Draws segments with probability ∝ length × weight over a chosen subset of segments. */
export class SegmentSampler {
  private readonly cumulative: Float64Array;

  constructor(
    private readonly table: SegmentTable,
    private readonly indices: Int32Array,
    weights: Float64Array,
  ) {
    this.cumulative = new Float64Array(indices.length);
    let total = 0;
    for (let i = 0; i < indices.length; i++) {
      total += weights[i];
      this.cumulative[i] = total;
    }
    if (!(total > 0)) throw new RangeError('no street segment has a positive weight');
  }

  /** Segment chosen by weight. */
  segment(rng: Random): number {
    const target = rng.next() * this.cumulative[this.cumulative.length - 1];
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return this.indices[lo];
  }

  /** A point on or near a street chosen by weight. */
  point(rng: Random): PlacedPoint {
    return pointNearSegment(rng, this.table, this.segment(rng));
  }
}

export function weightedSampler(
  table: SegmentTable,
  streets: readonly Street[],
  weight: SegmentWeight,
): SegmentSampler {
  const indices = new Int32Array(table.count);
  const weights = new Float64Array(table.count);
  for (let k = 0; k < table.count; k++) {
    indices[k] = k;
    const mx = (table.x0[k] + table.x1[k]) / 2;
    const my = (table.y0[k] + table.y1[k]) / 2;
    weights[k] = table.lengthM[k] * weight(mx, my, streets[table.street[k]].kind);
  }
  return new SegmentSampler(table, indices, weights);
}

/** A uniform point along segment k, pushed sideways by a truncated normal offset. */
export function pointNearSegment(rng: Random, t: SegmentTable, k: number): PlacedPoint {
  const u = rng.next();
  const dx = t.x1[k] - t.x0[k];
  const dy = t.y1[k] - t.y0[k];
  const len = t.lengthM[k] || 1;
  let offset = rng.normal(0, OFFSET_SD_M);
  offset = Math.max(-OFFSET_MAX_M, Math.min(OFFSET_MAX_M, offset));
  // Whole metres, as partners' eastings and northings are written: every distance the generator
  // checks (hotspot radius, series links) is checked on the coordinates that end up in the files.
  return {
    x: Math.round(t.x0[k] + u * dx + (offset * -dy) / len),
    y: Math.round(t.y0[k] + u * dy + (offset * dx) / len),
    street: t.street[k],
  };
}

/** Points near streets inside a disc, denser towards its centre (see the file comment). */
export class DiscSampler {
  private readonly sampler: SegmentSampler;

  constructor(
    private readonly table: SegmentTable,
    readonly centre: Point,
    readonly radiusM: number,
  ) {
    if (!(radiusM > 0)) throw new RangeError(`radiusM must be > 0, got ${radiusM}`);
    const near: number[] = [];
    for (let k = 0; k < table.count; k++) {
      const mx = (table.x0[k] + table.x1[k]) / 2;
      const my = (table.y0[k] + table.y1[k]) / 2;
      if (Math.hypot(mx - centre.x, my - centre.y) <= radiusM + table.lengthM[k]) near.push(k);
    }
    if (near.length === 0)
      throw new RangeError(`no street within ${radiusM} m of (${centre.x}, ${centre.y})`);
    const indices = Int32Array.from(near);
    this.sampler = new SegmentSampler(
      table,
      indices,
      Float64Array.from(near, (k) => table.lengthM[k]),
    );
  }

  point(rng: Random): PlacedPoint {
    const sigma = this.radiusM / 2;
    for (let attempt = 0; attempt < 100_000; attempt++) {
      const p = pointNearSegment(rng, this.table, this.sampler.segment(rng));
      const d = Math.hypot(p.x - this.centre.x, p.y - this.centre.y);
      if (d <= this.radiusM && rng.next() < Math.exp((-d * d) / (2 * sigma * sigma))) return p;
    }
    throw new Error(
      `could not place a point within ${this.radiusM} m of (${this.centre.x}, ${this.centre.y})`,
    );
  }
}

/** The point on the street network nearest to (x, y) (on a segment, no offset). */
export function nearestStreetPoint(t: SegmentTable, x: number, y: number): PlacedPoint {
  let best: PlacedPoint = { x: t.x0[0], y: t.y0[0], street: t.street[0] };
  let bestD2 = Number.POSITIVE_INFINITY;
  for (let k = 0; k < t.count; k++) {
    const dx = t.x1[k] - t.x0[k];
    const dy = t.y1[k] - t.y0[k];
    const len2 = dx * dx + dy * dy || 1;
    const u = Math.max(0, Math.min(1, ((x - t.x0[k]) * dx + (y - t.y0[k]) * dy) / len2));
    const px = t.x0[k] + u * dx;
    const py = t.y0[k] + u * dy;
    const d2 = (px - x) ** 2 + (py - y) ** 2;
    if (d2 < bestD2) {
      bestD2 = d2;
      best = { x: px, y: py, street: t.street[k] };
    }
  }
  return best;
}
