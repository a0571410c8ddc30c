import { expect } from 'vitest';

/** Asserts |actual − expected| ≤ relTol · max(1, |expected|), with a message naming both values. */
export function expectClose(actual: number, expected: number, relTol = 1e-9, what = 'value'): void {
  const tol = relTol * Math.max(1, Math.abs(expected));
  const diff = Math.abs(actual - expected);
  expect(diff, `${what}: expected ${expected}, got ${actual} (|diff| ${diff} > ${tol})`).toBeLessThanOrEqual(
    tol,
  );
}
