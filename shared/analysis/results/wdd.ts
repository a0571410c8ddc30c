/**
 * The Weighted Displacement Difference (issue 13 item 6), Wheeler & Ratcliffe (2018), "A simple
 * weighted displacement difference test to evaluate place based crime interventions", Crime Science
 * 7:11 (https://doi.org/10.1186/s40163-018-0085-5).
 *
 * With before (b) and after (a) counts, Δ = after − before, target T, buffer (displacement area) B,
 * the target's control C and the buffer's control D:
 *
 *   WDD = ΔT − ΔC + ΔB − ΔD
 *   Var(WDD) = T_a + T_b + C_a + C_b + B_a + B_b + D_a + D_b   (each count Poisson, independent)
 *   SE = √Var,  95 % interval WDD ± 1.959963985·SE,  z = WDD / SE, two-sided normal p.
 *
 * A negative WDD is a fall in crime net of the control trends. When one control area serves both
 * the target and the buffer (D = C), WDD = ΔT + ΔB − 2ΔC and its variance is
 * T_a + T_b + B_a + B_b + 4(C_a + C_b), because the same counts enter twice.
 */
import { twoSidedNormalP } from '../gistar/normal.js';
import type { AreaCounts } from './wdq.js';

export const Z_95 = 1.959963984540054;

export interface WddInput {
  target: AreaCounts;
  buffer: AreaCounts;
  control: AreaCounts;
  /** The buffer's own control; the target's control serves both when absent. */
  bufferControl?: AreaCounts;
}

export interface WddResult {
  estimate: number;
  se: number;
  ci95: [number, number];
  z: number | null;
  p: number | null;
  sharedControl: boolean;
}

const change = (c: AreaCounts) => c.after - c.before;
const total = (c: AreaCounts) => c.after + c.before;

export function weightedDisplacementDifference(input: WddInput): WddResult {
  const { target, buffer, control, bufferControl } = input;
  const shared = bufferControl === undefined;
  const d = bufferControl ?? control;
  const estimate = change(target) - change(control) + change(buffer) - change(d);
  const variance = total(target) + total(buffer) + (shared ? 4 * total(control) : total(control) + total(d));
  const se = Math.sqrt(variance);
  const z = se > 0 ? estimate / se : null;
  return {
    estimate,
    se,
    ci95: [estimate - Z_95 * se, estimate + Z_95 * se],
    z,
    p: z === null ? null : twoSidedNormalP(z),
    sharedControl: shared,
  };
}
