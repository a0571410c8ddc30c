/**
 * Natural order of crime references (DESIGN.md §4 "Near-repeat chains": same-day ties broken by the
 * natural order of references): runs of digits compare as whole numbers, everything else by UTF-16
 * code unit, so "CR/9/24" < "CR/10/24" (plain string order would put "CR/10" first). Digit runs
 * equal in value compare shorter first ("7" < "07"), and a full tie falls back to plain order, so
 * the order is total and the same on every machine (no locale).
 */

const DIGIT_RUN = /(\d+)/;

export function naturalCompare(a: string, b: string): number {
  const pa = a.split(DIGIT_RUN);
  const pb = b.split(DIGIT_RUN);
  const n = Math.min(pa.length, pb.length);
  for (let k = 0; k < n; k++) {
    const sa = pa[k];
    const sb = pb[k];
    if (sa === sb) continue;
    if (k % 2 === 1) {
      // Digit runs sit at odd positions of split() with a capturing group.
      const ta = sa.replace(/^0+(?=\d)/, '');
      const tb = sb.replace(/^0+(?=\d)/, '');
      if (ta.length !== tb.length) return ta.length - tb.length;
      if (ta !== tb) return ta < tb ? -1 : 1;
      return sa.length - sb.length;
    }
    return sa < sb ? -1 : 1;
  }
  if (pa.length !== pb.length) return pa.length - pb.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
