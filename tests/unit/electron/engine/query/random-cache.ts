/** A seeded random record cache for query tests and bench/query.bench.ts. */
import type { RecordCache } from '../../../../../electron/engine/query/record-cache.js';
import { hourOf, wallClockMs, weekdayOf } from '../../../../../shared/model/time.js';
import { mulberry32 } from '../import/generate-police-uk.js';

export const CATEGORIES = ['Burglary', 'Vehicle crime', 'Violence', 'Criminal damage', 'ASB', 'Shoplifting'];

export function randomCache(n: number, seed = 1, areaOnlyShare = 0.05): RecordCache {
  const random = mulberry32(seed);
  const start = wallClockMs(2022, 1, 1);
  const spanMs = 730 * 86_400_000;
  const c: RecordCache = {
    version: 1,
    count: n,
    id: new Float64Array(n),
    datasetId: new Int32Array(n),
    x: new Float64Array(n),
    y: new Float64Array(n),
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    fromMs: new Float64Array(n),
    toMs: new Float64Array(n),
    precision: new Uint8Array(n),
    weight: new Float64Array(n),
    startHour: new Uint8Array(n),
    startWeekday: new Uint8Array(n),
    startMonth: new Int32Array(n),
    categoryCode: new Int32Array(n),
    subcategoryCode: new Int32Array(n).fill(-1),
    subcategories: [],
    categories: [...CATEGORIES],
    locationCode: new Int32Array(n).fill(-1),
    locations: [],
    areaCode: new Int32Array(n),
    areaCodes: ['E01000001', 'E01000002', 'SW1A'],
  };
  for (let i = 0; i < n; i++) {
    c.id[i] = i + 1;
    c.datasetId[i] = 1 + Math.floor(random() * 3);
    const areaOnly = random() < areaOnlyShare;
    c.x[i] = areaOnly ? Number.NaN : 400_000 + random() * 20_000;
    c.y[i] = areaOnly ? Number.NaN : 200_000 + random() * 20_000;
    c.lon[i] = areaOnly ? Number.NaN : -1.5 + random();
    c.lat[i] = areaOnly ? Number.NaN : 52 + random();
    const from = start + Math.floor((random() * spanMs) / 60_000) * 60_000;
    const precision = Math.floor(random() * 4);
    c.precision[i] = precision;
    c.fromMs[i] = from;
    c.toMs[i] = precision === 0 ? from : from + Math.floor(random() * 3 * 86_400_000);
    c.weight[i] = random() < 0.9 ? 1 : 2;
    c.startHour[i] = hourOf(from);
    c.startWeekday[i] = weekdayOf(from);
    c.startMonth[i] = new Date(from).getUTCFullYear() * 12 + new Date(from).getUTCMonth();
    c.categoryCode[i] = random() < 0.02 ? -1 : Math.floor(random() * CATEGORIES.length);
    c.areaCode[i] = areaOnly ? Math.floor(random() * 3) : -1;
  }
  return c;
}
