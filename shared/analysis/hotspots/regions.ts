/**
 * Connected regions of a thresholded grid: the cells whose value is ≥ a threshold (NaN below it),
 * labelled 1, 2, … by 8-connectivity in raster order (row 0 first), with each region's bounding box.
 *
 * 8-connectivity is what makes a region's contour local to it: every 2 × 2 square of marching squares
 * that touches one of its cells holds no above-threshold cell of any other region (a diagonal
 * neighbour would have joined it), so the region can be contoured on the sub-grid of its bounding box
 * alone and give exactly the rings the whole grid gives round it (contours.ts). Saddles that marching
 * squares splits stay in one region here; they come out as separate polygons of that sub-grid.
 */

export interface Regions {
  count: number;
  /** Bounding boxes in cells, inclusive: [colMin, rowMin, colMax, rowMax] per region (region r at 4(r−1)). */
  boxes: Int32Array;
  /**
   * The regions as runs of cells along rows (no grid-sized label array: on a 12 M-cell grid its
   * allocation alone outweighs the labelling). Row y's runs are runFirst[y] … runFirst[y + 1] − 1,
   * left to right; run k covers columns runStart[k] … runEnd[k] of region runLabel[k].
   */
  runFirst: Int32Array;
  runStart: Int32Array;
  runEnd: Int32Array;
  runLabel: Int32Array;
}

export function thresholdRegions(
  values: ArrayLike<number>,
  width: number,
  height: number,
  threshold: number,
): Regions {
  const runs = findRuns(values, width, height, threshold);
  const runLabel = new Int32Array(runs.count);
  const labelOfRoot = new Int32Array(runs.count);
  const boxes: number[] = [];
  let count = 0;
  // Runs come in raster order, so a region is numbered when its first cell is met.
  for (let r = 0; r < runs.count; r++) {
    const root = find(runs.parent, r);
    if (labelOfRoot[root] === 0) {
      labelOfRoot[root] = ++count;
      boxes.push(width, height, -1, -1);
    }
    const label = labelOfRoot[root];
    runLabel[r] = label;
    const b = 4 * (label - 1);
    const row = runs.row[r];
    boxes[b] = Math.min(boxes[b], runs.start[r]);
    boxes[b + 1] = Math.min(boxes[b + 1], row);
    boxes[b + 2] = Math.max(boxes[b + 2], runs.end[r]);
    boxes[b + 3] = Math.max(boxes[b + 3], row);
  }
  return {
    count,
    boxes: Int32Array.from(boxes),
    runFirst: runs.first,
    runStart: runs.start.subarray(0, runs.count),
    runEnd: runs.end.subarray(0, runs.count),
    runLabel,
  };
}

/** The region of cell (col, row), 0 when it is below the threshold. */
export function labelAt(regions: Regions, col: number, row: number): number {
  let lo = regions.runFirst[row];
  let hi = regions.runFirst[row + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (regions.runEnd[mid] < col) lo = mid + 1;
    else if (regions.runStart[mid] > col) hi = mid - 1;
    else return regions.runLabel[mid];
  }
  return 0;
}

/** Horizontal runs of cells ≥ threshold, each joined (union–find) to the runs it touches in the row above. */
interface Runs {
  count: number;
  /** Row y's runs are first[y] … first[y + 1] − 1. */
  first: Int32Array;
  row: Int32Array;
  start: Int32Array;
  /** Last cell of the run, inclusive. */
  end: Int32Array;
  parent: Int32Array;
}

function findRuns(values: ArrayLike<number>, width: number, height: number, threshold: number): Runs {
  let capacity = 1024;
  let row: Int32Array = new Int32Array(capacity);
  let start: Int32Array = new Int32Array(capacity);
  let end: Int32Array = new Int32Array(capacity);
  let parent: Int32Array = new Int32Array(capacity);
  let count = 0;
  let above = 0; // first run of the row above
  const first = new Int32Array(height + 1);
  for (let y = 0; y < height; y++) {
    const base = y * width;
    const rowFirst = count;
    first[y] = count;
    let q = above;
    let c = 0;
    while (c < width) {
      while (c < width && !(values[base + c] >= threshold)) c++;
      if (c === width) break;
      const a = c;
      while (c < width && values[base + c] >= threshold) c++;
      if (count === capacity) {
        capacity *= 2;
        row = grow(row, capacity);
        start = grow(start, capacity);
        end = grow(end, capacity);
        parent = grow(parent, capacity);
      }
      row[count] = y;
      start[count] = a;
      end[count] = c - 1;
      parent[count] = count;
      // 8-connectivity: a run above touches this one when it reaches into columns a − 1 … c.
      while (q < rowFirst && end[q] < a - 1) q++;
      for (let k = q; k < rowFirst && start[k] <= c; k++) union(parent, k, count);
      count++;
    }
    above = rowFirst;
  }
  first[height] = count;
  return { count, first, row, start, end, parent };
}

function grow(array: Int32Array, capacity: number): Int32Array {
  const out = new Int32Array(capacity);
  out.set(array);
  return out;
}

function find(parent: Int32Array, i: number): number {
  let k = i;
  while (parent[k] !== k) {
    parent[k] = parent[parent[k]];
    k = parent[k];
  }
  return k;
}

/** Joins two sets under the earlier run, so every root is its region's first run in raster order. */
function union(parent: Int32Array, a: number, b: number): void {
  const ra = find(parent, a);
  const rb = find(parent, b);
  if (ra < rb) parent[rb] = ra;
  else if (rb < ra) parent[ra] = rb;
}
