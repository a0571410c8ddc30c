/**
 * The pattern classes of an emerging hot spot analysis (issue 13 item 3), as ArcGIS Pro's "How
 * Emerging Hot Spot Analysis works" defines them (also sfdep's classify_hotspot). For one cell with a
 * series of n slices, hot_t when slice t is a significant hot spot, cold_t a significant cold spot,
 * H the number of hot slices, the last slice n, and the Mann–Kendall trend of its Gi* z series:
 *
 *   new           hot in the last slice and significant (hot or cold) in no earlier one
 *   consecutive   a single unbroken run of ≥ 2 hot slices ending with the last, none hot before it,
 *                 and H < 90 % of the slices
 *   intensifying  H ≥ 90 % of the slices, hot in the last, and a significant rising trend
 *   persistent    H ≥ 90 % of the slices, hot in the last, no significant trend
 *   diminishing   H ≥ 90 % of the slices, hot in the last, and a significant falling trend
 *   sporadic      hot in the last, H < 90 %, on-and-off hot, never a cold spot
 *   oscillating   hot in the last, H < 90 %, a cold spot in some earlier slice
 *   historical    not hot in the last slice, but hot in ≥ 90 % of the slices
 * Cold spot classes mirror these with hot and cold (and the trend's sign) swapped. A cell in none
 * of them is 'none'. (ArcGIS's persistent class does not say whether the last slice must be hot;
 * here a ≥ 90 % cell not hot at the end is historical, so the two never overlap.)
 */

export const PATTERNS = [
  'none',
  'new',
  'consecutive',
  'intensifying',
  'persistent',
  'diminishing',
  'sporadic',
  'oscillating',
  'historical',
] as const;
export type Pattern = (typeof PATTERNS)[number];

const SHARE = 0.9;

export interface CellSeries {
  /** +1 significant hot, −1 significant cold, 0 neither, per slice in time order. */
  state: ArrayLike<number>;
  /** Mann–Kendall trend z and p of the Gi* z series. */
  trendZ: number;
  trendP: number;
}

/** The pattern code of a cell: +k for hot pattern PATTERNS[k], −k for the cold one, 0 none. */
export function classifyCell(series: CellSeries, trendAlpha: number): number {
  const hot = classifySide(series.state, series.trendZ, series.trendP, trendAlpha, 1);
  if (hot !== 0) return hot;
  return -classifySide(series.state, -series.trendZ, series.trendP, trendAlpha, -1);
}

function classifySide(
  state: ArrayLike<number>,
  trendZ: number,
  trendP: number,
  alpha: number,
  side: 1 | -1,
): number {
  const n = state.length;
  const last = state[n - 1] === side;
  let h = 0;
  let opposite = false;
  for (let t = 0; t < n; t++) {
    if (state[t] === side) h++;
    else if (state[t] === -side) opposite = true;
  }
  const code = (p: Pattern) => PATTERNS.indexOf(p);
  const mostly = h >= SHARE * n;
  if (!last) return mostly ? code('historical') : 0;
  if (h === 1 && !opposite) return code('new');
  if (mostly) {
    if (trendP < alpha && trendZ > 0) return code('intensifying');
    if (trendP < alpha && trendZ < 0) return code('diminishing');
    return code('persistent');
  }
  let run = 0;
  while (run < n && state[n - 1 - run] === side) run++;
  if (run === h && run >= 2) return code('consecutive');
  return opposite ? code('oscillating') : code('sporadic');
}

/** "new hot spot", "persistent cold spot", "no pattern". */
export function patternLabel(code: number): string {
  if (code === 0) return 'no pattern';
  return `${PATTERNS[Math.abs(code)]} ${code > 0 ? 'hot' : 'cold'} spot`;
}
