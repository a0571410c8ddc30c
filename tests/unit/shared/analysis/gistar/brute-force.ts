import type { Grid } from '../../../../../shared/model/grid.js';

/** Gi* straight from the formula: every pair of cells, centres from row/col, population SD. */
export function bruteForceGiStar(grid: Grid, d: number, mask?: Uint8Array): number[] {
  const { width, height, cellSizeM: c, values } = grid;
  const cells: { x: number; y: number; v: number; i: number }[] = [];
  for (let r = 0; r < height; r++)
    for (let col = 0; col < width; col++) {
      const i = col + r * width;
      if (mask && mask[i] === 0) continue;
      cells.push({
        x: grid.originX + (col + 0.5) * c,
        y: grid.originY + (height - r - 0.5) * c,
        v: values[i],
        i,
      });
    }
  const n = cells.length;
  const mean = cells.reduce((s, k) => s + k.v, 0) / n;
  const s = Math.sqrt(cells.reduce((t, k) => t + (k.v - mean) ** 2, 0) / n);
  const out = new Array<number>(width * height).fill(Number.NaN);
  for (const a of cells) {
    let wx = 0;
    let w = 0;
    let w2 = 0;
    for (const b of cells) {
      const wij = Math.hypot(a.x - b.x, a.y - b.y) <= d ? 1 : 0;
      wx += wij * b.v;
      w += wij;
      w2 += wij * wij;
    }
    out[a.i] = (wx - mean * w) / (s * Math.sqrt((n * w2 - w * w) / (n - 1)));
  }
  return out;
}
