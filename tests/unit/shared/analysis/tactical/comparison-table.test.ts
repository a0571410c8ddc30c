import { describe, expect, it } from 'vitest';
import { comparisonTable, countsByGroup } from '../../../../../shared/analysis/tactical/comparison-table.js';

const DAY = 86_400_000;
const d = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const spans = {
  current: { fromMs: d('2025-04-01'), toMs: d('2025-07-01') },
  previous: { fromMs: d('2024-12-30'), toMs: d('2025-04-01') },
  lastYear: { fromMs: d('2024-04-01'), toMs: d('2024-07-01') },
};

describe('countsByGroup and comparisonTable', () => {
  it('counts each group in each period as a brute-force count does, and marks uncovered baselines no data', () => {
    const times: number[] = [];
    const codes: number[] = [];
    const plant = (code: number, fromMs: number, n: number, stepDays: number) => {
      for (let k = 0; k < n; k++) {
        times.push(fromMs + k * stepDays * DAY);
        codes.push(code);
      }
    };
    // A planted pattern: group 0 has 12 in the current period, 3 in the previous; group 1 has 4 and 4.
    plant(0, spans.current.fromMs, 12, 1);
    plant(0, spans.previous.fromMs, 3, 1);
    plant(1, spans.current.fromMs, 4, 10);
    plant(1, spans.previous.fromMs, 4, 10);
    plant(-1, spans.current.fromMs, 1, 1); // no group: in no row
    const rows = countsByGroup(
      Float64Array.from(times),
      Int32Array.from(codes),
      ['Burglary', 'Robbery', 'Arson'],
      spans,
    );
    const brute = (g: number, s: { fromMs: number; toMs: number }) =>
      times.filter((t, i) => codes[i] === g && t >= s.fromMs && t < s.toMs).length;
    expect(rows.map((r) => r.label)).toEqual(['Burglary', 'Robbery']); // Arson has none: left out
    rows.forEach((r, g) => {
      expect(r.counts).toEqual({
        current: brute(g, spans.current),
        previous: brute(g, spans.previous),
        lastYear: brute(g, spans.lastYear),
      });
    });
    // Data from 30/12/2024 to 30/06/2025: last year is not covered.
    const coverage = { startMs: d('2024-12-30'), endMs: d('2025-07-01'), missingMonths: [] };
    const table = comparisonTable(rows, spans, coverage);
    expect(table[0]!.lastYear).toBeNull();
    expect(table[0]!.vsLastYear).toBeNull();
    expect(table[0]!.previous).toBe(3);
    // Two tests in the column: BH q of the smaller p is 2p (min over ranks), the larger p stays.
    const p = [table[0]!.vsPrevious!.pValue, table[1]!.vsPrevious!.pValue];
    const [small, large] = p[0]! < p[1]! ? [0, 1] : [1, 0];
    expect(table[small]!.vsPrevious!.qValue).toBeCloseTo(Math.min(2 * p[small]!, p[large]!), 12);
    expect(table[large]!.vsPrevious!.qValue).toBeCloseTo(p[large]!, 12);
  });

  it('keeps the current count but tests nothing when the data end inside the current period', () => {
    const coverage = { startMs: d('2024-01-01'), endMs: d('2025-06-01'), missingMonths: [] };
    const [row] = comparisonTable(
      [{ label: 'All', counts: { current: 5, previous: 9, lastYear: 7 } }],
      spans,
      coverage,
    );
    expect(row!.current).toBe(5);
    expect(row!.previous).toBe(9);
    expect(row!.vsPrevious).toBeNull();
    expect(row!.vsLastYear).toBeNull();
  });
});
