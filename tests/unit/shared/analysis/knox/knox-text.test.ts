import { describe, expect, it } from 'vitest';
import { knoxReport } from '../../../../../shared/analysis/knox/knox-report.js';
import { knoxTest } from '../../../../../shared/analysis/knox/knox-test.js';
import { knoxText } from '../../../../../shared/analysis/knox/knox-text.js';

describe('knoxText', () => {
  const events = {
    x: Float64Array.from([0, 10, 5000, 5010]).map((v) => v + 530_000),
    y: Float64Array.from([0, 0, 0, 0]).map((v) => v + 180_000),
    day: Int32Array.from([0, 1, 50, 90]),
  };
  const report = knoxReport(
    knoxTest(events, {
      distanceEdgesM: [0, 100, Infinity],
      timeEdgesDays: [0, 7, Infinity],
      iterations: 9,
      seed: 4,
    }),
    ['a caveat'],
  );

  it('labels rows and columns with their intervals and prints each matrix', () => {
    const text = knoxText('events.csv', report, null);
    expect(text).toMatch(/^Knox test: events.csv\n4 events, 2 pairs closer/);
    expect(text).toContain('a caveat');
    expect(text).toContain('euclidean distance, 9 iterations, seed 4');
    const observed = text.split('Observed pairs\n')[1].split('\n');
    expect(observed[0]).toMatch(/^\s+\[0, 7\) days\s+≥ 7 days$/);
    expect(observed[1]).toMatch(/^\[0, 100\) m\s+1\s+1$/);
    expect(observed[2]).toMatch(/^≥ 100 m\s+0\s+4$/);
    expect(text).toContain('No significant near-repeat cell with finite distance and time limits');
    expect(text).toContain('does not show that one offender');
    expect(text).toContain('q-value (Benjamini–Hochberg across the table)');
  });

  it('stars the cells the report calls significant in the ratio, p and q tables, and counts them', () => {
    const marked = {
      ...report,
      significant: [
        [true, false],
        [false, false],
      ],
    };
    const text = knoxText('x', marked, null);
    const ratioRow = text.split('Knox ratio (observed / mean); * = significant\n')[1].split('\n')[1];
    expect(ratioRow).toMatch(/^\[0, 100\) m\s+\S+\*\s+\S+ $/);
    const qRow = text
      .split('q-value (Benjamini–Hochberg across the table); * = significant\n')[1]
      .split('\n')[2];
    expect(qRow).not.toContain('*');
    expect(text).toContain('1 of 4 cells significant.');
  });

  it('writes an undefined ratio (nothing expected) as a dash', () => {
    const zeroExpected = {
      ...report,
      knoxRatio: [
        [null, 1],
        [1, 1],
      ],
    };
    const ratioTable = knoxText('x', zeroExpected, null)
      .split('Knox ratio (observed / mean); * = significant\n')[1]
      .split('\n');
    expect(ratioTable[1]).toMatch(/^\[0, 100\) m\s+– \s+1\.000 $/);
  });
});
