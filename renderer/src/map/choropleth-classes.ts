/**
 * Classes of a choropleth of counts per area: zero is a class of its own (an area with none is not
 * "low"), the non-zero counts fall into up to five classes by quantile (each class holds about as many
 * areas), with whole-number breaks and no empty or repeated class. Colours are ColorBrewer's Blues
 * (sequential, colour-blind safe, distinct from the density ramp's YlOrRd).
 */

export const BLUES = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;
export const ZERO_COLOUR = '#f7f7f7';

export interface ChoroplethClass {
  /** Inclusive bounds. */
  from: number;
  to: number;
  colour: string;
}

/** Up to `k` quantile classes of the positive values (k ≤ 5), lowest first; [] when none is positive. */
export function choroplethClasses(values: readonly number[], k = BLUES.length): ChoroplethClass[] {
  const positive = values.filter((v) => v > 0).sort((a, b) => a - b);
  if (positive.length === 0) return [];
  const classes = Math.max(1, Math.min(k, BLUES.length));
  const uppers: number[] = [];
  for (let c = 1; c <= classes; c++) {
    const upper = positive[Math.ceil((c * positive.length) / classes) - 1]!;
    if (uppers.length === 0 || upper > uppers[uppers.length - 1]!) uppers.push(upper);
  }
  // Spread the colours over the whole ramp whatever the number of classes.
  const colourAt = (c: number) =>
    BLUES[
      uppers.length === 1 ? BLUES.length - 1 : Math.round((c * (BLUES.length - 1)) / (uppers.length - 1))
    ]!;
  return uppers.map((to, c) => ({
    from: c === 0 ? positive[0]! : uppers[c - 1]! + 1,
    to,
    colour: colourAt(c),
  }));
}

/** The colour of a count: ZERO_COLOUR for zero, else its class's. */
export function choroplethColour(value: number, classes: readonly ChoroplethClass[]): string {
  if (!(value > 0)) return ZERO_COLOUR;
  return (classes.find((c) => value <= c.to) ?? classes[classes.length - 1])?.colour ?? ZERO_COLOUR;
}

/** Records per 1,000 residents, to one decimal place (the precision the legend shows). */
export function ratePerThousand(count: number, residents: number): number {
  return Math.round((count * 10_000) / residents) / 10;
}

/**
 * Classes of rates to one decimal place, like choroplethClasses' but with breaks 0.1 apart
 * (e.g. 0.4–1.2, 1.3–2.7): the classing of the rates in tenths, scaled back.
 */
export function rateClasses(rates: readonly number[], k = BLUES.length): ChoroplethClass[] {
  return choroplethClasses(
    rates.map((r) => Math.round(r * 10)),
    k,
  ).map((c) => ({ ...c, from: c.from / 10, to: c.to / 10 }));
}
