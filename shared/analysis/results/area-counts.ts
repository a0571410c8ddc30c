/**
 * Before and after counts in the three areas of a results analysis (issue 13 item 6; DESIGN.md §4
 * "Results analysis"): the target T, the buffer B for displacement (only the part of the buffer
 * outside the target: an event inside both counts in T) and the control C.
 *
 *   period   an event counts in a period when its reference time t (the window's midpoint, the
 *            one counting rule of shared/analysis/compare/periods.ts) lies in [fromMs, toMs)
 *   place    inside a polygon by the even–odd rule (holes excluded), shared/analysis/hotspots/polygon.ts
 *   overlap  events inside the control and also inside the target or buffer are counted in both and
 *            reported: a control that overlaps what it controls for weakens the comparison
 * Records without a point (area-only) are counted as skipped. O(events × polygon edges / strips).
 */
import type { TimeSpan } from '../compare/periods.js';
import { type MultiPolygonCoords, preparedContains, preparePolygon } from '../hotspots/polygon.js';
import type { WdqCounts } from './wdq.js';

export interface ResultAreas {
  target: MultiPolygonCoords;
  buffer: MultiPolygonCoords;
  control: MultiPolygonCoords;
}

export interface ResultPeriods {
  before: TimeSpan;
  after: TimeSpan;
}

export interface AreaCountResult {
  counts: WdqCounts;
  /** Events counted in the control that also lie in the target or the buffer. */
  controlOverlap: number;
  /** Events in a period with no point (area-only records). */
  withoutPoint: number;
}

function containsAny(polygons: ReturnType<typeof preparePolygon>[], x: number, y: number): boolean {
  for (const p of polygons) if (preparedContains(p, x, y)) return true;
  return false;
}

export function countResultAreas(
  events: { x: ArrayLike<number>; y: ArrayLike<number>; timeMs: ArrayLike<number> },
  areas: ResultAreas,
  periods: ResultPeriods,
): AreaCountResult {
  const { before, after } = periods;
  for (const [name, span] of Object.entries(periods) as [string, TimeSpan][]) {
    if (!(span.toMs > span.fromMs)) throw new RangeError(`the ${name} period must end after it starts`);
  }
  if (before.toMs > after.fromMs && after.toMs > before.fromMs)
    throw new RangeError('the before and after periods overlap: an event would count in both');
  const target = areas.target.map(preparePolygon);
  const buffer = areas.buffer.map(preparePolygon);
  const control = areas.control.map(preparePolygon);
  const counts: WdqCounts = {
    target: { before: 0, after: 0 },
    buffer: { before: 0, after: 0 },
    control: { before: 0, after: 0 },
  };
  let controlOverlap = 0;
  let withoutPoint = 0;
  for (let i = 0; i < events.x.length; i++) {
    const t = events.timeMs[i]!;
    const when =
      t >= before.fromMs && t < before.toMs ? 'before' : t >= after.fromMs && t < after.toMs ? 'after' : null;
    if (when === null) continue;
    const x = events.x[i]!;
    const y = events.y[i]!;
    if (!(Number.isFinite(x) && Number.isFinite(y))) {
      withoutPoint++;
      continue;
    }
    const inTarget = containsAny(target, x, y);
    const inBuffer = !inTarget && containsAny(buffer, x, y);
    if (inTarget) counts.target[when]++;
    if (inBuffer) counts.buffer[when]++;
    if (containsAny(control, x, y)) {
      counts.control[when]++;
      if (inTarget || inBuffer) controlOverlap++;
    }
  }
  return { counts, controlOverlap, withoutPoint };
}
