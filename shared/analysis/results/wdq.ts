/**
 * The Weighted Displacement Quotient (issue 13 item 6; DESIGN.md §4 "Results analysis"), Bowers &
 * Johnson (2003), "Measuring the geographical displacement and diffusion of benefit effects of crime
 * prevention activity", J. Quant. Criminol. 19(3), 275–301.
 *
 * With before (b) and after (a) counts in the target T, the buffer B (the ring around the target,
 * the target itself excluded) and the control C:
 *
 *   success measure       s = T_a/T_b − C_a/C_b        (< 0: the target fell relative to control)
 *   displacement measure  d = B_a/B_b − C_a/C_b        (> 0: the buffer rose relative to control)
 *   WDQ = d / s
 *
 * Reading (Bowers & Johnson's table): the WDQ is only interpretable when s < 0. Then
 *   WDQ > 1       diffusion of benefits greater than the direct effect
 *   0 < WDQ ≤ 1   diffusion of benefits into the buffer
 *   WDQ = 0       no change in the buffer relative to control
 *   −1 ≤ WDQ < 0  displacement, smaller than the direct benefit (a net gain)
 *   WDQ < −1      displacement greater than the direct benefit (a net loss)
 * A before count of 0 in any area leaves a ratio undefined: WDQ null, with the reason.
 */

export interface AreaCounts {
  before: number;
  after: number;
}

export interface WdqCounts {
  target: AreaCounts;
  buffer: AreaCounts;
  control: AreaCounts;
}

export type WdqReading =
  | 'diffusion-greater-than-direct-effect'
  | 'diffusion'
  | 'no-change-in-buffer'
  | 'displacement-smaller-than-direct-effect'
  | 'displacement-greater-than-direct-effect'
  | 'not-interpretable';

export interface WdqResult {
  wdq: number | null;
  successMeasure: number | null;
  displacementMeasure: number | null;
  reading: WdqReading;
  /** The reading in plain English. */
  text: string;
}

const TEXT: Record<WdqReading, string> = {
  'diffusion-greater-than-direct-effect':
    'Diffusion of benefits: crime in the buffer fell relative to the control by more than in the target itself.',
  diffusion: 'Diffusion of benefits: crime in the buffer fell relative to the control.',
  'no-change-in-buffer': 'No displacement or diffusion: the buffer changed as the control did.',
  'displacement-smaller-than-direct-effect':
    'Some displacement into the buffer, smaller than the fall in the target: a net benefit.',
  'displacement-greater-than-direct-effect':
    'Displacement into the buffer greater than the fall in the target: a net loss.',
  'not-interpretable': '',
};

export function weightedDisplacementQuotient(counts: WdqCounts): WdqResult {
  for (const [name, c] of Object.entries(counts) as [string, AreaCounts][]) {
    for (const v of [c.before, c.after]) {
      if (!(Number.isFinite(v) && v >= 0)) throw new RangeError(`${name} counts must be ≥ 0, got ${v}`);
    }
  }
  const empty = (['target', 'buffer', 'control'] as const).filter((k) => counts[k].before === 0);
  if (empty.length > 0) {
    return notInterpretable(
      null,
      null,
      `The WDQ cannot be computed: no events in the ${empty.join(', ')} before the action.`,
    );
  }
  const { target: t, buffer: b, control: c } = counts;
  const controlRatio = c.after / c.before;
  const success = t.after / t.before - controlRatio;
  const displacement = b.after / b.before - controlRatio;
  if (!(success < 0)) {
    return notInterpretable(
      success,
      displacement,
      'The WDQ is not interpretable: crime in the target did not fall relative to the control, so there is no benefit to be displaced or spread.',
    );
  }
  const wdq = displacement / success;
  const reading: WdqReading =
    wdq > 1
      ? 'diffusion-greater-than-direct-effect'
      : wdq > 0
        ? 'diffusion'
        : wdq === 0
          ? 'no-change-in-buffer'
          : wdq >= -1
            ? 'displacement-smaller-than-direct-effect'
            : 'displacement-greater-than-direct-effect';
  return { wdq, successMeasure: success, displacementMeasure: displacement, reading, text: TEXT[reading] };
}

function notInterpretable(success: number | null, displacement: number | null, text: string): WdqResult {
  return {
    wdq: null,
    successMeasure: success,
    displacementMeasure: displacement,
    reading: 'not-interpretable',
    text,
  };
}
