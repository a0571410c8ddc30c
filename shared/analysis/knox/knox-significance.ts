/**
 * Which cells of a Knox table are significant (DESIGN.md §4 "Near repeat"): the table tests one
 * hypothesis per cell (rows × columns of them, 25 in a 5 × 5 table), so the Monte Carlo p-values are
 * adjusted for the false discovery rate across the cells of the table by Benjamini–Hochberg
 * (compare/fdr.ts: q(i) = min over j ≥ i of min(1, m · p(j) / j), p sorted ascending, m = cells).
 *
 *   significant[r][t]  ⇔  q[r][t] < α (0.05)  and  ratio[r][t] ≥ 1.005
 *
 * A cell with fewer pairs than expected (ratio ≤ 1) is never near-repeat evidence, however small its
 * p. The ratio floor is 1.005, the smallest ratio that reads above "1.00" at the two decimals the
 * tables show: an excess under 0.5% is no pattern an analyst could act on, and a shaded "1.00"
 * cannot be defended at a tasking meeting. A cell without a ratio (nothing expected) is not
 * significant. The unadjusted p stays in the report beside q.
 *
 * What a significant cell means, in the words every output uses (KNOX_READING): more pairs of
 * events this close in space and time than chance would give; it does not show that one offender
 * committed them.
 */
import { benjaminiHochberg } from '../compare/fdr.js';
import type { Matrix, NullableMatrix } from './knox-report.js';

/** False discovery rate at which a cell is called significant. */
export const KNOX_ALPHA = 0.05;
/** Smallest Knox ratio called significant: the first value above 1.00 at two decimals. */
export const KNOX_MIN_SIGNIFICANT_RATIO = 1.005;

/** The sentence every Knox output carries: what the test shows and what it does not. */
export const KNOX_READING =
  'A significant cell means more pairs of events this close in space and time than chance would give ' +
  '(clustering beyond what the dates shuffled among the same places produce); it does not show that ' +
  'one offender committed them. Significance is after a Benjamini–Hochberg false discovery rate ' +
  `correction across the cells of the table (q < ${KNOX_ALPHA}), with a Knox ratio above 1.00.`;

export interface KnoxSignificance {
  /** Benjamini–Hochberg adjusted p-values across the cells of the table. */
  qValue: Matrix;
  significant: boolean[][];
}

export function knoxSignificance(
  pValue: Matrix,
  knoxRatio: NullableMatrix,
  alpha = KNOX_ALPHA,
): KnoxSignificance {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (knoxRatio.length !== pValue.length) {
    throw new RangeError(`knoxRatio has ${knoxRatio.length} rows, pValue ${pValue.length}`);
  }
  const columns = pValue.length > 0 ? pValue[0].length : 0;
  const q = benjaminiHochberg(pValue.flat());
  const qValue: Matrix = [];
  const significant: boolean[][] = [];
  pValue.forEach((row, r) => {
    if (row.length !== columns || knoxRatio[r].length !== columns) {
      throw new RangeError(`row ${r} of the table must have ${columns} cells`);
    }
    const qRow = row.map((_, t) => q[r * columns + t]);
    qValue.push(qRow);
    significant.push(
      qRow.map((qCell, t) => {
        const ratio = knoxRatio[r][t];
        return qCell < alpha && ratio !== null && ratio >= KNOX_MIN_SIGNIFICANT_RATIO;
      }),
    );
  });
  return { qValue, significant };
}
