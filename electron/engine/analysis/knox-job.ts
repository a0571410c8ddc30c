/**
 * Worker side of the Knox job kinds (DESIGN.md §3, §4 "Near repeat"):
 *
 *   knoxPlan      events + settings → the permutation-invariant plan (close pairs, shared/analysis/
 *                 knox/knox-plan.ts) and the observed table. Building the plan is the one step that
 *                 sorts and searches, so it runs off the main thread too.
 *   knoxCount     events + settings → the plan's event and close-pair counts only (an estimate before
 *                 a run: the Api's planKnox); the plan is built and dropped in the worker.
 *   knoxSimulate  plan + days + seed + iterations [from, to) → those iterations' simulated tables.
 *                 Iteration i depends on (seed, i) only, so the orchestrator (knox-parallel.ts) may
 *                 split a run into any chunks over the pool and join them in order.
 *
 * The plan's large arrays travel in SharedArrayBuffers (knox-parallel.ts), so every simulating
 * thread reads the same memory without a copy.
 */
import type { KnoxPlan } from '../../../shared/analysis/knox/knox-plan.js';
import { type KnoxSettings, observedKnoxTable, planKnox } from '../../../shared/analysis/knox/knox-test.js';
import { simulateKnoxTables } from '../../../shared/analysis/knox/simulate.js';
import type { ProgressFn } from '../../../shared/jobs/progress.js';

export interface KnoxPlanParams {
  x: Float64Array;
  y: Float64Array;
  day: Int32Array;
  settings: KnoxSettings;
}

export interface KnoxPlanResult {
  plan: KnoxPlan;
  observed: Float64Array;
}

export interface KnoxSimulateParams {
  plan: KnoxPlan;
  day: Int32Array;
  seed: number;
  fromIteration: number;
  toIteration: number;
}

export interface KnoxSimulateResult {
  /** (toIteration − fromIteration) tables of rows × columns cells, one after another. */
  tables: Float64Array;
}

export function knoxPlanJob(params: KnoxPlanParams): KnoxPlanResult {
  const plan = planKnox({ x: params.x, y: params.y, day: params.day }, params.settings);
  return { plan, observed: observedKnoxTable(plan, params.day) };
}

export function knoxSimulateJob(params: KnoxSimulateParams, progress: ProgressFn): KnoxSimulateResult {
  const { plan, day, seed, fromIteration, toIteration } = params;
  return { tables: simulateKnoxTables(plan, day, seed, fromIteration, toIteration, progress) };
}

export interface KnoxCountResult {
  /** Events and close pairs of the plan (what knox-estimate.ts needs), without the plan itself. */
  events: number;
  closePairs: number;
}

/** knoxCount: the plan built and measured only, for an estimate before a run (the Api's planKnox). */
export function knoxCountJob(params: KnoxPlanParams): KnoxCountResult {
  const plan = planKnox({ x: params.x, y: params.y, day: params.day }, params.settings);
  return { events: plan.eventCount, closePairs: plan.pairs.length };
}
