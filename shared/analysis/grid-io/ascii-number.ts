/**
 * A number written as ASCII bytes with `digits` significant digits and no trailing zeros: the bytes
 * of `String(Number(value.toPrecision(digits)))` (formatPrecision), written straight into a byte
 * buffer so that a million grid cells are formatted without a string each (issue 15 item 2).
 *
 * Fast path, for finite values with 1e-6 ≤ |value| < 1e21 (where JavaScript writes a number without
 * an exponent) and digits ≤ 12: with e = ⌊log10 |value|⌋, the digits are n = round(|value| · 10^(digits−1−e)),
 * the scaling done in one correctly rounded multiplication or division by an exact power of ten,
 * so it is off the true product by at most 2^−53 relative: under 10^(digits−15) for n < 10^digits.
 * toPrecision rounds the exact value half up, so n is right unless the scaled value lies that close
 * to a half; then, and outside the fast range, the bytes come from toPrecision itself.
 * Number(d) for a decimal d of ≤ 15 significant digits prints as d without trailing zeros (no other
 * decimal that short maps to the same double), which is what the fast path writes.
 */

/** Exact powers of ten (10^k is a double exactly for k ≤ 22). */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
const MAX_FAST_DIGITS = 12;
const DOT = 46;
const MINUS = 45;
const ZERO = 48;

/** The text the fast path must equal: the value rounded to `digits` significant digits. */
export function formatPrecision(value: number, digits: number): string {
  return String(Number(value.toPrecision(digits)));
}

/**
 * Writes `value` with `digits` significant digits (1–17) at `at` in `out` and returns the position
 * after it. `out` must have room for 25 bytes from `at` (the longest such number).
 */
export function writePrecision(value: number, digits: number, out: Uint8Array, at: number): number {
  const size = value < 0 ? -value : value;
  if (digits <= MAX_FAST_DIGITS && size >= 1e-6 && size < 1e21) {
    const end = writeFast(value, size, digits, out, at);
    if (end >= 0) return end;
  }
  return writeText(formatPrecision(value, digits), out, at);
}

/** The fast path of writePrecision; −1 when the value is too close to a rounding half to trust. */
function writeFast(value: number, size: number, digits: number, out: Uint8Array, at: number): number {
  let e = decade(size);
  let scaled = scale(size, digits - 1 - e);
  // decade() can be one off just below a power of ten under 1.
  if (scaled >= POW10[digits]) scaled = scale(size, digits - 1 - ++e);
  else if (scaled < POW10[digits - 1]) scaled = scale(size, digits - 1 - --e);
  const whole = Math.floor(scaled);
  const fraction = scaled - whole;
  if (Math.abs(fraction - 0.5) < POW10[digits] * 1e-15) return -1;
  let n = fraction >= 0.5 ? whole + 1 : whole;
  if (n === POW10[digits]) {
    n = POW10[digits - 1];
    e++;
    if (e >= 21) return -1;
  }
  // Drop trailing zeros; `kept` digits remain, the first worth 10^e.
  // (n < 10^12: the tenth floored and multiplied back is exact, and cheaper than % on a double.)
  let kept = digits;
  while (kept > 1) {
    const tenth = Math.floor(n / 10);
    if (tenth * 10 !== n) break;
    n = tenth;
    kept--;
  }
  let p = at;
  if (value < 0) out[p++] = MINUS;
  if (e < 0) {
    out[p++] = ZERO;
    out[p++] = DOT;
    for (let k = -1; k > e; k--) out[p++] = ZERO;
    return writeDigits(n, kept, out, p);
  }
  if (kept <= e + 1) {
    p = writeDigits(n, kept, out, p);
    for (let k = kept; k <= e; k++) out[p++] = ZERO;
    return p;
  }
  // Digits before the point: e + 1; after it: kept − e − 1.
  const after = kept - e - 1;
  const high = Math.floor(n / POW10[after]);
  p = writeDigits(high, e + 1, out, p);
  out[p++] = DOT;
  return writeDigits(n - high * POW10[after], after, out, p);
}

/** ⌊log10 size⌋ for 1e-6 ≤ size < 1e21 by comparisons, faster than Math.log10 (below 1 the product
 * may round up a step; writeFast corrects it). */
function decade(size: number): number {
  if (size >= 1) {
    let e = 0;
    while (e < 22 && size >= POW10[e + 1]) e++;
    return e;
  }
  let e = -1;
  while (size * POW10[-e] < 1) e--;
  return e;
}

/** size · 10^k, by one exact power (a division for k < 0, which is exact-er than a multiply by 10^k). */
function scale(size: number, k: number): number {
  return k >= 0 ? size * POW10[k] : size / POW10[-k];
}

/** The `count` decimal digits of whole number n (leading zeros kept), two at a time. */
function writeDigits(n: number, count: number, out: Uint8Array, at: number): number {
  // Eight digits at a time (under 2^31), so the loop runs on 32-bit integers, not doubles.
  if (count > 8) {
    const high = Math.floor(n / 1e8);
    writeDigits(high, count - 8, out, at);
    return writeDigits(n - high * 1e8, 8, out, at + count - 8);
  }
  let rest = n | 0;
  let k = at + count - 1;
  for (; k > at; k -= 2) {
    const q = (rest / 100) | 0;
    const pair = rest - q * 100;
    out[k] = PAIR_LOW[pair];
    out[k - 1] = PAIR_HIGH[pair];
    rest = q;
  }
  if (k === at) out[k] = ZERO + rest;
  return at + count;
}

/** The tens and units digits of 0–99 as ASCII. */
const PAIR_HIGH = Uint8Array.from({ length: 100 }, (_, v) => ZERO + Math.floor(v / 10));
const PAIR_LOW = Uint8Array.from({ length: 100 }, (_, v) => ZERO + (v % 10));

/** Writes the characters of an ASCII `text` at `at` in `out`; returns the position after it. */
export function writeText(text: string, out: Uint8Array, at: number): number {
  for (let k = 0; k < text.length; k++) out[at + k] = text.charCodeAt(k);
  return at + text.length;
}
