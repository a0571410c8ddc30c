/**
 * Small per-cell helpers on the import's hot path (a million rows, a dozen cells each): char-code
 * tests instead of regexes, and no allocation unless a value has to change.
 */

/** Trims ASCII spaces and tabs only when there are any (the common case allocates nothing). */
export function trimCell(text: string): string {
  const n = text.length;
  if (n === 0) return text;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(n - 1);
  return first === 32 || first === 9 || last === 32 || last === 9 || first === 0xa0 || last === 0xa0
    ? text.trim()
    : text;
}

/**
 * Parses a plain decimal number: optional sign, digits, optional point and fraction, optional
 * exponent. Returns NaN for anything else, including '', 'NaN', 'Infinity', '0x1A', '1,234' and
 * values that overflow to Infinity, so that Number()'s leniencies never slip through.
 */
export function parseDecimal(raw: string): number {
  const text = trimCell(raw);
  const n = text.length;
  if (n === 0 || n > 64) return Number.NaN;
  let i = 0;
  let c = text.charCodeAt(0);
  if (c === 43 || c === 45) i++;
  let sawDigit = false;
  while (i < n && (c = text.charCodeAt(i)) >= 48 && c <= 57) {
    sawDigit = true;
    i++;
  }
  if (i < n && text.charCodeAt(i) === 46) {
    i++;
    while (i < n && (c = text.charCodeAt(i)) >= 48 && c <= 57) {
      sawDigit = true;
      i++;
    }
  }
  if (!sawDigit) return Number.NaN;
  if (i < n && (text.charCodeAt(i) | 32) === 101) {
    i++;
    if (i < n && ((c = text.charCodeAt(i)) === 43 || c === 45)) i++;
    const expStart = i;
    while (i < n && (c = text.charCodeAt(i)) >= 48 && c <= 57) i++;
    if (i === expStart) return Number.NaN;
  }
  if (i !== n) return Number.NaN;
  const value = Number(text);
  return Number.isFinite(value) ? value : Number.NaN;
}

/**
 * True for a cell a spreadsheet would run as a formula if it were exported again (CSV injection):
 * it starts with = + - or @ and the next non-space character is a letter, '(' or a quote, e.g.
 * "=HYPERLINK(…)", "@SUM(A1)", "-cmd|' /C calc'!A0". Plain numbers ("-5", "+44…") are not.
 * The app never evaluates cells; this only decides whether to warn and to escape on export.
 */
export function isFormulaLike(text: string): boolean {
  if (text.length < 2) return false;
  const c = text.charCodeAt(0);
  if (c !== 61 && c !== 43 && c !== 45 && c !== 64) return false;
  let i = 1;
  while (i < text.length && text.charCodeAt(i) === 32) i++;
  if (i >= text.length) return false;
  const d = text.charCodeAt(i);
  return (
    (d >= 65 && d <= 90) ||
    (d >= 97 && d <= 122) ||
    d === 40 ||
    d === 34 ||
    d === 39 ||
    (c === 61 && d !== 61)
  );
}
