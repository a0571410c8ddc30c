/**
 * A suggested Gi* distance band (issue 13 item 2), stated with its rule:
 *
 *   d = max(ANN, 1.5 c)
 *
 * ANN is the average nearest-neighbour distance of the distinct event locations (each location's
 * distance to the nearest other one, averaged; events at one place count once, so police.uk snap
 * points do not pull it to 0). The floor 1.5 c (c the cell size) gives every cell at least its eight
 * touching neighbours (centres at c and c√2 ≈ 1.41 c); below c a cell's only neighbour is itself and
 * Gi* is just the cell's own count standardised. This is the "average distance to the nearest
 * neighbour" starting point ArcGIS's guidance offers when incremental spatial autocorrelation shows
 * no peak.
 *
 * Nearest neighbours by a bucket grid of side ≈ √(area / locations): each search looks at rings of
 * buckets until the ring's inner distance passes the best found. About O(m) for spread points.
 */

export interface DistanceBand {
  distanceM: number;
  /** Average nearest-neighbour distance of distinct locations; null with fewer than 2. */
  annM: number | null;
  locations: number;
  rule: string;
}

const FLOOR_CELLS = 1.5;

export function averageNearestNeighbour(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
): { annM: number | null; locations: number } {
  const seen = new Set<string>();
  const px: number[] = [];
  const py: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (!(Number.isFinite(a) && Number.isFinite(b))) continue;
    const key = `${a},${b}`;
    if (seen.has(key)) continue;
    seen.add(key);
    px.push(a);
    py.push(b);
  }
  const m = px.length;
  if (m < 2) return { annM: null, locations: m };
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (let i = 0; i < m; i++) {
    minX = Math.min(minX, px[i]!);
    maxX = Math.max(maxX, px[i]!);
    minY = Math.min(minY, py[i]!);
    maxY = Math.max(maxY, py[i]!);
  }
  const spanX = Math.max(maxX - minX, 1e-9);
  const spanY = Math.max(maxY - minY, 1e-9);
  const side = Math.max(Math.sqrt((spanX * spanY) / m), Math.max(spanX, spanY) / 4096, 1e-9);
  const cols = Math.floor(spanX / side) + 1;
  const rows = Math.floor(spanY / side) + 1;
  const buckets = new Map<number, number[]>();
  const bucketOf = (i: number) =>
    [Math.floor((px[i]! - minX) / side), Math.floor((py[i]! - minY) / side)] as const;
  for (let i = 0; i < m; i++) {
    const [bc, br] = bucketOf(i);
    const key = bc + br * cols;
    const list = buckets.get(key);
    if (list) list.push(i);
    else buckets.set(key, [i]);
  }
  let total = 0;
  for (let i = 0; i < m; i++) {
    const [bc, br] = bucketOf(i);
    let best2 = Infinity;
    for (let ring = 0; ring <= Math.max(cols, rows); ring++) {
      // Every point of ring k is at least (k − 1)·side away.
      const inner = Math.max(0, ring - 1) * side;
      if (inner * inner > best2) break;
      for (let r = br - ring; r <= br + ring; r++) {
        if (r < 0 || r >= rows) continue;
        const edgeRow = r === br - ring || r === br + ring;
        for (let c = bc - ring; c <= bc + ring; c += edgeRow ? 1 : 2 * ring) {
          if (c >= 0 && c < cols) {
            for (const j of buckets.get(c + r * cols) ?? []) {
              if (j === i) continue;
              const d2 = (px[j]! - px[i]!) ** 2 + (py[j]! - py[i]!) ** 2;
              if (d2 < best2) best2 = d2;
            }
          }
          if (ring === 0) break;
        }
      }
    }
    total += Math.sqrt(best2);
  }
  return { annM: total / m, locations: m };
}

export function suggestDistanceBand(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  cellSizeM: number,
): DistanceBand {
  if (!(cellSizeM > 0)) throw new RangeError(`cellSizeM must be > 0, got ${cellSizeM}`);
  const { annM, locations } = averageNearestNeighbour(x, y);
  const floor = FLOOR_CELLS * cellSizeM;
  const distanceM = annM === null ? floor : Math.max(annM, floor);
  return {
    distanceM,
    annM,
    locations,
    rule: 'the average nearest-neighbour distance of the distinct event locations, but at least 1.5 cells so each cell has its 8 touching neighbours',
  };
}
