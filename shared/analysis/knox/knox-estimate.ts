/**
 * How long a Knox run's Monte Carlo part will take, said before it starts (issue 15 item 4): each
 * iteration shuffles the days of n events and passes over the close pairs (count-table.ts), so
 *
 *   seconds ≈ iterations × (pairs × PAIR_NS + events × EVENT_NS) ÷ threads ÷ 10⁹
 *
 * PAIR_NS and EVENT_NS were measured on our two-core build machine (about 3 ns per pair with packed
 * pairs, about 20 ns per event for the shuffle and the gather); a busy or slower machine takes
 * longer, so callers say "about".
 */
const PAIR_NS = 3;
const EVENT_NS = 20;

export interface KnoxWork {
  events: number;
  closePairs: number;
  iterations: number;
  threads: number;
}

export function estimateKnoxSeconds(work: KnoxWork): number {
  const perIterationNs = work.closePairs * PAIR_NS + work.events * EVENT_NS;
  return (work.iterations * perIterationNs) / Math.max(1, work.threads) / 1e9;
}

/** "about 12 s", "about 3 min": the estimate in words, rounded to what it can promise. */
export function estimateText(seconds: number): string {
  if (seconds < 1) return 'under a second';
  if (seconds < 90) return `about ${Math.round(seconds)} s`;
  return `about ${Math.round(seconds / 60)} min`;
}
