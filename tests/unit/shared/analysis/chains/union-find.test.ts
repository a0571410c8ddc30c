import { describe, expect, it } from 'vitest';
import { UnionFind } from '../../../../../shared/analysis/chains/union-find.js';

describe('UnionFind', () => {
  it('joins sets transitively and counts their sizes', () => {
    const sets = new UnionFind(6);
    expect(sets.union(0, 1)).toBe(true);
    expect(sets.union(2, 3)).toBe(true);
    expect(sets.union(1, 3)).toBe(true);
    expect(sets.union(0, 2)).toBe(false);
    expect(sets.find(0)).toBe(sets.find(3));
    expect(sets.find(4)).not.toBe(sets.find(0));
    expect(sets.setSize(2)).toBe(4);
    expect(sets.setSize(5)).toBe(1);
  });
});
