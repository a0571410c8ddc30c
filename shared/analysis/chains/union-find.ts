/**
 * Disjoint sets over 0 … n−1 (union–find) for grouping linked events into chains
 * (DESIGN.md §4, "Near-repeat chains"). Union by size and path halving: each operation is
 * O(α(n)), effectively constant (Tarjan 1975).
 */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(count: number) {
    if (!(Number.isInteger(count) && count >= 0))
      throw new RangeError(`count must be a whole number >= 0, got ${count}`);
    this.parent = new Int32Array(count);
    this.size = new Int32Array(count).fill(1);
    for (let i = 0; i < count; i++) this.parent[i] = i;
  }

  /** The representative of i's set. */
  find(i: number): number {
    const parent = this.parent;
    let x = i;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  /** Joins the sets of a and b; returns false when they were already one set. */
  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if (this.size[ra] < this.size[rb]) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] += this.size[rb];
    return true;
  }

  /** Number of elements in i's set. */
  setSize(i: number): number {
    return this.size[this.find(i)];
  }
}
