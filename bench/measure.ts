/**
 * Shared helpers for benchmarks: time a function over a few runs and print one JSON line.
 * Benchmarks report; they never fail on time.
 */
export interface BenchResult {
  bench: string;
  ms: number;
  runsMs: number[];
  goalMs?: number;
  [key: string]: unknown;
}

export async function measure(fn: () => unknown | Promise<unknown>, runs = 3, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

/** Prints one result line; `ms` is the median run. */
export function report(bench: string, runsMs: number[], extra: Record<string, unknown> = {}): BenchResult {
  const sorted = [...runsMs].sort((a, b) => a - b);
  const result: BenchResult = {
    bench,
    ms: Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10,
    runsMs: runsMs.map((t) => Math.round(t * 10) / 10),
    ...extra,
  };
  console.log(JSON.stringify(result));
  return result;
}
