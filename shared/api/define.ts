/**
 * How an Api method is declared: a zod schema for its one argument object (validated by every
 * transport before the engine sees it) and, as a phantom type, its result.
 *
 *   openProject: method(z.object({ path: z.string().min(1) }))<ProjectInfo>(),
 */
import type { z } from 'zod';

export interface MethodSpec<I extends z.ZodType, O> {
  readonly input: I;
  /** Phantom: carries the result type; never read at run time. */
  readonly output?: O;
}

export function method<I extends z.ZodType>(input: I) {
  return <O>(): MethodSpec<I, O> => ({ input });
}

export type MethodTable = Record<string, MethodSpec<z.ZodType, unknown>>;

/** The promise-returning function type of each method in a table. */
export type ApiOf<T extends MethodTable> = {
  [K in keyof T]: T[K] extends MethodSpec<infer I, infer O> ? (input: z.input<I>) => Promise<O> : never;
};

/** The validated (parsed) input type of a method. */
export type InputOf<T extends MethodTable, K extends keyof T> =
  T[K] extends MethodSpec<infer I, unknown> ? z.output<I> : never;

/** The result type of a method. */
export type OutputOf<T extends MethodTable, K extends keyof T> =
  T[K] extends MethodSpec<z.ZodType, infer O> ? O : never;
