/**
 * Display formatting for profiles and slides, chosen once (STYLE.md habit 4: conversions happen in
 * display formatting only): UK English numbers with thousands separators, dates as "1 October 2025",
 * p-values to the precision a Monte Carlo run supports, hours as "22:00–23:00".
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** n rounded to a whole number with thousands separators (as toLocaleString('en-GB') writes it). */
export function formatCount(n: number): string {
  return formatNumber(Math.round(n), 0);
}

/**
 * The text of `n.toLocaleString('en-GB', { maximumFractionDigits })` without starting ICU (~30 ms
 * of a command's start): its shortest decimal digits rounded half away from zero to at most
 * `maximumFractionDigits` decimals, trailing zeros dropped, the whole part grouped by commas. The
 * rare cases this does not write (not finite, an exponent in its shortest form, −0 or a negative
 * number rounded to zero) go to toLocaleString itself.
 */
export function formatNumber(n: number, maximumFractionDigits = 3): string {
  const abs = Math.abs(n);
  if (!((abs >= 1e-6 && abs < 1e21) || Object.is(n, 0))) {
    return n.toLocaleString('en-GB', { maximumFractionDigits });
  }
  const text = String(abs);
  const point = text.indexOf('.');
  const digits = (point < 0 ? text : text.slice(0, point) + text.slice(point + 1)).split('').map(Number);
  let whole = point < 0 ? text.length : point;
  let keep = Math.min(digits.length, whole + maximumFractionDigits);
  if (keep < digits.length && digits[keep] >= 5) {
    let k = keep - 1;
    while (k >= 0 && digits[k] === 9) digits[k--] = 0;
    if (k >= 0) digits[k]++;
    else {
      digits.unshift(1);
      whole++;
      keep++;
    }
  }
  while (keep > whole && digits[keep - 1] === 0) keep--;
  const kept = digits.slice(0, keep);
  if (n < 0 && kept.every((d) => d === 0)) return n.toLocaleString('en-GB', { maximumFractionDigits });
  let grouped = '';
  for (let i = 0; i < whole; i++) grouped += (i > 0 && (whole - i) % 3 === 0 ? ',' : '') + kept[i];
  const fraction = kept.slice(whole).join('');
  return `${n < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** A number with `digits` decimals and thousands separators. */
export function formatDecimal(n: number, digits = 1): string {
  return n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A share 0–1 as a percentage, e.g. 0.1234 → "12.3%". */
export function formatShare(share: number, digits = 1): string {
  return `${formatDecimal(share * 100, digits)}%`;
}

/** A signed percent change, e.g. 12.5 → "+12.5%" (digits 0: "+13%"), null → "n/a (no baseline)". */
export function formatChange(percent: number | null, digits = 1): string {
  if (percent === null) return 'n/a (no baseline)';
  const sign = percent > 0 ? '+' : percent < 0 ? '−' : '±';
  return `${sign}${formatDecimal(Math.abs(percent), digits)}%`;
}

/**
 * p- and q-values: "< 0.001" below a thousandth, otherwise three decimals, with more digits where
 * three would round across the 0.05 cut (0.0501 is not "0.050", which reads as significant).
 */
export function formatP(p: number): string {
  if (p < 0.001) return '< 0.001';
  let digits = 3;
  while (digits < 6 && Number(p.toFixed(digits)) === 0.05 && p !== 0.05) digits++;
  return p.toFixed(digits);
}

/** "p = 0.001" or "p < 0.001". */
export function pPhrase(p: number): string {
  const text = formatP(p);
  return text.startsWith('<') ? `p ${text}` : `p = ${text}`;
}

/** A ratio to two decimals, "n/a" when undefined. */
export function formatRatio(ratio: number | null): string {
  return ratio === null || !Number.isFinite(ratio) ? 'n/a' : ratio.toFixed(2);
}

/** yyyy-mm-dd → "1 October 2025". */
export function formatDate(iso: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(iso);
  if (month) return `${MONTHS[Number(month[2]) - 1]} ${month[1]}`;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

/** "1 October 2025 to 31 December 2025". */
export function formatRange(range: { from: string; to: string }): string {
  return `${formatDate(range.from)} to ${formatDate(range.to)}`;
}

/** yyyy-mm → "Oct 2025". */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  return `${MONTHS[Number(match[2]) - 1]!.slice(0, 3)} ${match[1]}`;
}

/** Hour of day → "22:00–23:00". */
export function formatHour(hour: number): string {
  const pad = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
  return `${pad(hour)}–${pad(hour + 1)}`;
}

/** Area in km² with sensible precision: 0.052 → "0.052 km²", 12.4 → "12.4 km²". */
export function formatAreaKm2(km2: number): string {
  if (km2 >= 10) return `${formatDecimal(km2, 1)} km²`;
  if (km2 >= 1) return `${formatDecimal(km2, 2)} km²`;
  return `${km2.toPrecision(2)} km²`;
}

/** Metres, "200 m", or kilometres from 1 km. */
export function formatMetres(m: number): string {
  return m >= 1000 ? `${formatDecimal(m / 1000, m % 1000 === 0 ? 0 : 1)} km` : `${formatCount(m)} m`;
}

/** "1 day", "7 days". */
export function formatDays(days: number): string {
  return days === 1 ? '1 day' : `${formatCount(days)} days`;
}

/** A list in words: "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
