/** [west, south, east, north] of GeoJSON polygon or multipolygon coordinates. */
export function coordinateBounds(coordinates: unknown): [number, number, number, number] | null {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      if (c[0] < box[0]) box[0] = c[0];
      if (c[1] < box[1]) box[1] = c[1];
      if (c[0] > box[2]) box[2] = c[0];
      if (c[1] > box[3]) box[3] = c[1];
      return;
    }
    for (const child of c) visit(child);
  };
  visit(coordinates);
  return Number.isFinite(box[0]) ? box : null;
}
