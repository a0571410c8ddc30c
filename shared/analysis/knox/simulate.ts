/**
 * The Monte Carlo part of the Knox test (DESIGN.md §4, "Near repeat"): iterations [from, to) of a
 * run, each the table of one permutation of the days (permute-days.ts), written one after another
 * into a Float64Array of (to − from) × cells. Iteration i depends only on (seed, i), so any split
 * of a run into chunks (workers) gives the same tables. Permutations are counted LANES at a time,
 * one per lane of a pass over the pairs (count-table.ts); a last group with fewer permutations
 * counts its spare lanes' stale (valid) days too and keeps only its own tables. O((to − from) · (n + close pairs)).
 */
import type { ProgressFn } from '../../jobs/progress.js';
import { noProgress } from '../../jobs/progress.js';
import { countLanes, createScratch, setLane } from './count-table.js';
import { type KnoxPlan, LANES } from './knox-plan.js';
import { permutedDays } from './permute-days.js';

/** Iterations between progress calls (each is cheap; the worker throttles what it forwards). */
const PROGRESS_EVERY = 8;

export function simulateKnoxTables(
  plan: KnoxPlan,
  day: Int32Array,
  seed: number,
  fromIteration: number,
  toIteration: number,
  progress: ProgressFn = noProgress,
): Float64Array {
  if (!(Number.isInteger(fromIteration) && Number.isInteger(toIteration) && 0 <= fromIteration)) {
    throw new RangeError(`iterations must be whole numbers >= 0, got [${fromIteration}, ${toIteration})`);
  }
  if (toIteration < fromIteration) {
    throw new RangeError(`toIteration must be >= fromIteration, got [${fromIteration}, ${toIteration})`);
  }
  const cells = plan.distanceBands * plan.timeBands;
  const total = toIteration - fromIteration;
  const tables = new Float64Array(total * cells);
  const scratch = createScratch(plan);
  const shuffled = new Int32Array(day.length);
  let reported = 0;
  for (let first = fromIteration; first < toIteration; first += LANES) {
    const count = Math.min(LANES, toIteration - first);
    for (let lane = 0; lane < count; lane++) {
      setLane(plan, scratch, lane, permutedDays(day, seed, first + lane, shuffled));
    }
    countLanes(plan, scratch, tables, (first - fromIteration) * cells, count);
    const done = first + count - fromIteration;
    if (done - reported >= PROGRESS_EVERY || done === total) {
      progress(done, total);
      reported = done;
    }
  }
  return tables;
}
