/**
 * A Knox report as plain text (DESIGN.md §4 "Near repeat": "show correct interval labels"): one
 * table per matrix, rows = distance bands, columns = time bands, each labelled with its half-open
 * interval; the run's settings, caveats and the suggested chain thresholds around them. Cells the
 * report calls significant (knox-significance.ts: BH q < 0.05 across the table, ratio above 1.00)
 * carry a '*' in the ratio, p and q tables, and the text says what that means and what it does not
 * (not a common offender). Used by `hotspot knox` and by any export that wants the tables as text.
 */
import type { KnoxReport } from './knox-report.js';
import type { ThresholdSuggestion } from './suggest-thresholds.js';

/** The tables of `report` with a title naming its source (a file or a dataset). */
export function knoxText(
  sourceLabel: string,
  report: KnoxReport,
  suggestion: ThresholdSuggestion | null,
): string {
  const lines = [
    `Knox test: ${sourceLabel}`,
    `${report.events} events, ${report.closePairs} pairs closer than the largest finite distance edge`,
    `${report.metric} distance, ${report.iterations} iterations, seed ${report.seed}`,
    ...report.notes,
    '',
  ];
  const table = (title: string, cells: (number | null)[][], digits: number, starred = false) => {
    const head = ['', ...report.timeLabels];
    const star = (r: number, t: number) => (starred ? (report.significant[r][t] ? '*' : ' ') : '');
    const body = report.distanceLabels.map((label, r) => [
      label,
      ...cells[r].map(
        (v, t) => (v === null ? '–' : digits === 0 ? String(v) : v.toFixed(digits)) + star(r, t),
      ),
    ]);
    const widths = head.map((_, c) => Math.max(...[head, ...body].map((row) => row[c].length)));
    const render = (row: string[]) =>
      row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
    lines.push(title, render(head), ...body.map(render), '');
  };
  table('Observed pairs', report.observed, 0);
  table('Expected pairs (mean of permutations)', report.expectedMean, 2);
  table('Expected pairs (median of permutations)', report.expectedMedian, 1);
  table('Knox ratio (observed / mean); * = significant', report.knoxRatio, 3, true);
  table('Knox ratio (observed / median)', report.knoxRatioMedian, 3);
  table(
    report.earlyStop
      ? 'p-value, unadjusted, sequential (see the note above); * = significant'
      : `p-value, unadjusted ((1 + #{simulated ≥ observed}) / ${report.iterations + 1}); * = significant`,
    report.pValue,
    4,
    true,
  );
  table('q-value (Benjamini–Hochberg across the table); * = significant', report.qValue, 4, true);
  const count = report.significant.flat().filter(Boolean).length;
  lines.push(
    `${count} of ${report.significant.flat().length} cells significant. ${report.reading}`,
    suggestion
      ? suggestion.statement
      : 'No significant near-repeat cell with finite distance and time limits: no chain thresholds suggested.',
  );
  return lines.join('\n');
}
