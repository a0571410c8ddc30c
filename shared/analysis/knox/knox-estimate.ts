/**
 * How long a Knox run's Monte Carlo part will take, said before it starts (issue 15 item 4): each
 * iteration shuffles the days of n events and passes over the close pairs (count-table.ts), so
 *
 *   seconds ≈ iterations × (pairs × PAIR_NS + events × EVENT_NS) ÷ threads ÷ 10⁹
 *
 * PAIR_NS and EVENT_NS were measured on our two-core build machine, both threads busy (bench/knox.bench.ts
 * knox.sample-wide.pool-2): about 1.1 ns per pair with at most PACKED_BANDS time bands (eight
 * permutations a pass, two days to a word, sums in registers: count-table.ts), about 1.8 ns with
 * more (a store per pair), about 20 ns per event for the shuffle and the gather. A busy or slower
 * machine takes longer, so callers say "about".
 */
import { formatCount } from '../../profile/format.js';
import { PACKED_BANDS } from './knox-plan.js';

const PAIR_NS_PACKED = 1.1;
const PAIR_NS = 1.8;
const EVENT_NS = 20;

export interface KnoxWork {
  events: number;
  closePairs: number;
  iterations: number;
  threads: number;
  /** Time bands of the table: the pass is faster with at most PACKED_BANDS. */
  timeBands: number;
}

export function estimateKnoxSeconds(work: KnoxWork): number {
  const pairNs = work.timeBands <= PACKED_BANDS ? PAIR_NS_PACKED : PAIR_NS;
  const perIterationNs = work.closePairs * pairNs + work.events * EVENT_NS;
  return (work.iterations * perIterationNs) / Math.max(1, work.threads) / 1e9;
}

/** What an analyst is told before a run (the Api's planKnox, `hotspot knox --dry-run`). */
export interface KnoxEstimate extends KnoxWork {
  seconds: number;
  /** Whether the run may stop before `iterations` (the estimate is then an upper bound). */
  earlyStop: boolean;
  /** "About 4 s for 999 iterations (6.2 M close pairs)". */
  text: string;
}

export function knoxEstimate(work: KnoxWork, earlyStop: boolean): KnoxEstimate {
  const seconds = estimateKnoxSeconds(work);
  const time = earlyStop ? `at most ${estimateText(seconds)}` : estimateText(seconds);
  const text =
    `${time.charAt(0).toUpperCase()}${time.slice(1)} for ${formatCount(work.iterations)} ` +
    `iterations (${pairsText(work.closePairs)})`;
  return { ...work, seconds, earlyStop, text };
}

/**
 * The estimate of a run with these settings whose plan has `counts`, on a pool of `poolThreads`
 * (no more threads than iterations): what the Api's planKnox and `hotspot knox --dry-run` both say.
 */
export function knoxRunEstimate(
  counts: { events: number; closePairs: number },
  settings: { iterations: number; timeEdgesDays: readonly number[]; earlyStopExceedances: number | null },
  poolThreads: number,
): KnoxEstimate {
  return knoxEstimate(
    {
      events: counts.events,
      closePairs: counts.closePairs,
      iterations: settings.iterations,
      threads: Math.max(1, Math.min(poolThreads, settings.iterations)),
      timeBands: settings.timeEdgesDays.length - 1,
    },
    settings.earlyStopExceedances !== null,
  );
}

/** "6.2 M close pairs", "41,280 close pairs", "1 close pair". */
export function pairsText(pairs: number): string {
  if (pairs >= 1e6) return `${(pairs / 1e6).toFixed(1)} M close pairs`;
  return `${formatCount(pairs)} close pair${pairs === 1 ? '' : 's'}`;
}

/** "about 12 s", "about 3 min": the estimate in words, rounded to what it can promise. */
export function estimateText(seconds: number): string {
  if (seconds < 1) return 'under a second';
  if (seconds < 90) return `about ${Math.round(seconds)} s`;
  return `about ${Math.round(seconds / 60)} min`;
}
