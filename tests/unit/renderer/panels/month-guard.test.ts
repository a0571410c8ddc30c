import { describe, expect, it } from 'vitest';
import { monthOnlyCount } from '../../../../renderer/src/panels/month-guard.js';
import { PRECISION_CODE } from '../../../../shared/model/time.js';

describe('monthOnlyCount', () => {
  it('counts records dated to a month only, and nothing else', () => {
    const { exact, window, date, month } = PRECISION_CODE;
    expect(monthOnlyCount(Uint8Array.from([exact, month, window, month, date, month]))).toBe(3);
    expect(monthOnlyCount(Uint8Array.from([exact, window, date]))).toBe(0);
    expect(monthOnlyCount(new Uint8Array(0))).toBe(0);
  });
});
