import { describe, expect, it } from 'vitest';
import { emptyMask, maskPositions, setMaskBit } from '../../../../shared/model/point-mask.js';

describe('point mask', () => {
  it('puts row 0 in the lowest bit of byte 0 and row 9 in bit 1 of byte 1', () => {
    const mask = emptyMask(10);
    expect(mask.length).toBe(2);
    setMaskBit(mask, 0);
    setMaskBit(mask, 9);
    expect([...mask]).toEqual([1, 2]);
    expect([...maskPositions(mask, 10)]).toEqual([0, 9]);
  });

  it('reads back exactly the rows set, ascending, on random selections (brute-force reference)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const size of [0, 1, 7, 8, 9, 1000, 4099]) {
      const chosen = new Set<number>();
      for (let k = 0; k < size / 3; k++) chosen.add(Math.floor(random() * size));
      const mask = emptyMask(size);
      for (const row of chosen) setMaskBit(mask, row);
      const expected = [...chosen].sort((a, b) => a - b);
      expect([...maskPositions(mask, size)]).toEqual(expected);
    }
  });

  it('ignores bits past the size and refuses a mask too short for it', () => {
    const mask = new Uint8Array([0b1000_0001]);
    expect([...maskPositions(mask, 3)]).toEqual([0]);
    expect(() => maskPositions(new Uint8Array(1), 9)).toThrow(RangeError);
    expect(() => emptyMask(-1)).toThrow(RangeError);
  });
});
