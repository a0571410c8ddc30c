import { beforeAll, describe, expect, it } from 'vitest';
import { makeTransform } from '../../../../shared/crs/transform.js';
import { type GeneratedTown, generateTown } from '../../../../shared/generate/generate-town.js';
import { pointInRing, signedArea2 } from '../../../../shared/generate/geometry.js';
import {
  BACKGROUND,
  HOSPITAL_BASE_COUNT,
  HOTSPOTS,
  SERIES_BASE_COUNT,
} from '../../../../shared/generate/plan.js';
import { midpointDay } from '../../../../shared/generate/series.js';
import { TOWN_FILE_NAMES, townFiles } from '../../../../shared/generate/town-files.js';
import { MS_PER_DAY, wallClockMs } from '../../../../shared/model/time.js';
import { createRandom } from '../../../../shared/util/random.js';

let town: GeneratedTown;
beforeAll(() => {
  town = generateTown({ seed: 1 });
});

type Row = Record<string, string>;
function rowsOf(t: GeneratedTown, id: keyof GeneratedTown['tables']): Row[] {
  const table = t.tables[id];
  return table.rows.map((r) => Object.fromEntries(table.headers.map((h, i) => [h, r[i]])));
}

const toBng = makeTransform('EPSG:4326', 'EPSG:27700');
/** BNG x/y of a row of any point dataset. */
function pointOf(row: Row): [number, number] {
  if ('Easting' in row) return [Number(row.Easting), Number(row.Northing)];
  if ('X' in row) return [Number(row.X), Number(row.Y)];
  return toBng.toProject(Number(row.Longitude), Number(row.Latitude));
}

/** Wall-clock ms of dd/mm/yyyy[ HH:MM[:SS]] or yyyy-mm-dd. */
function parseTime(text: string): number {
  let m = /^(\d{2})\/(\d{2})\/(\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (m) return wallClockMs(+m[3], +m[2], +m[1], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return wallClockMs(+m[1], +m[2], +m[3]);
  throw new Error(`unparsable time ${text}`);
}

function rowTimes(row: Row): number[] {
  if ('Committed From' in row) return [parseTime(row['Committed From']), parseTime(row['Committed To'])];
  if ('Call Datetime' in row) return [parseTime(row['Call Datetime'])];
  if ('Admission Date' in row) return [parseTime(row['Admission Date'])];
  const day = parseTime(row.Date);
  const [h, min] = row.Time.split(':').map(Number);
  return [day + h * 3_600_000 + min * 60_000];
}

const POINT_DATASETS = ['police_crimes', 'asb', 'fire', 'ambulance'] as const;
const categoryOf = (row: Row) =>
  row['Offence Category'] ??
  row.Category ??
  row['Incident Type'] ??
  row['Call Category'] ??
  row['Injury Type'];

describe('generateTown determinism', () => {
  it('gives byte-identical files for the same seed and size, and different files for another seed', () => {
    const a = townFiles(generateTown({ seed: 7, size: 0.2 }));
    const b = townFiles(generateTown({ seed: 7, size: 0.2 }));
    const c = townFiles(generateTown({ seed: 8, size: 0.2 }));
    expect(a.map((f) => f.name)).toEqual([...TOWN_FILE_NAMES]);
    for (let i = 0; i < a.length; i++) expect(a[i].text === b[i].text, a[i].name).toBe(true);
    expect(a[0].text === c[0].text).toBe(false);
  });
});

describe('generateTown counts', () => {
  it('has per-dataset row counts within 5 Poisson SDs of the plan (background + planted + series)', () => {
    const gt = town.groundTruth;
    for (const d of gt.datasets) {
      const background =
        d.id === 'hospital_admissions'
          ? HOSPITAL_BASE_COUNT
          : BACKGROUND.filter((b) => b.dataset === d.id).reduce((s, b) => s + b.baseCount, 0);
      const planted = gt.hotspots.filter((h) => h.dataset === d.id).reduce((s, h) => s + h.count, 0);
      const series = d.id === 'police_crimes' ? gt.series.reduce((s, x) => s + x.events.length, 0) : 0;
      const expected = background + planted + series;
      expect(Math.abs(d.rows - expected), `${d.id}: ${d.rows} rows, expected about ${expected}`).toBeLessThan(
        5 * Math.sqrt(background),
      );
      expect(town.tables[d.id].rows.length).toBe(d.rows);
    }
    const total = gt.datasets.reduce((s, d) => s + d.rows, 0);
    expect(total).toBeGreaterThan(18_000);
    expect(total).toBeLessThan(21_000);
  });

  it('scales with size: size 0.25 has about a quarter of the records and exact planted counts', () => {
    const small = generateTown({ seed: 1, size: 0.25 });
    const total = small.groundTruth.datasets.reduce((s, d) => s + d.rows, 0);
    expect(total).toBeGreaterThan(4_300);
    expect(total).toBeLessThan(5_300);
    for (const h of small.groundTruth.hotspots) {
      expect(h.count).toBe(Math.round(HOTSPOTS.find((s) => s.id === h.id)!.baseCount * 0.25));
    }
  });

  it('gives every row as many fields as headers, quotes nothing, and never repeats a reference', () => {
    for (const table of Object.values(town.tables)) {
      for (const row of table.rows) expect(row.length).toBe(table.headers.length);
      expect(table.rows.every((r) => r.every((v) => !/[",\r\n]/.test(v)))).toBe(true);
      if (table.id !== 'hospital_admissions')
        expect(new Set(table.rows.map((r) => r[0])).size).toBe(table.rows.length);
    }
  });
});

describe('generateTown space and time', () => {
  it('puts every point inside the extent (ambulance points after projecting lon/lat back to BNG)', () => {
    const e = town.groundTruth.town.extent;
    for (const id of POINT_DATASETS) {
      for (const row of rowsOf(town, id)) {
        const [x, y] = pointOf(row);
        expect(x >= e.minX && x <= e.maxX && y >= e.minY && y <= e.maxY, `${id} ${x},${y}`).toBe(true);
      }
    }
  });

  it('keeps every date and time within the period, windows never reversed', () => {
    const start = parseTime('01/01/2024');
    const endExclusive = parseTime('31/12/2025') + MS_PER_DAY;
    expect(town.groundTruth.period).toEqual({
      startDate: '2024-01-01',
      endDate: '2025-12-31',
      lastQuarterStartDate: '2025-10-01',
    });
    for (const id of Object.keys(town.tables) as (keyof GeneratedTown['tables'])[]) {
      for (const row of rowsOf(town, id)) {
        const times = rowTimes(row);
        for (const t of times)
          expect(t >= start && t < endExclusive, `${id} ${JSON.stringify(row)}`).toBe(true);
        if (times.length === 2) expect(times[1]).toBeGreaterThanOrEqual(times[0]);
      }
    }
  });

  it('honours another end date and length: 12 months to 2024-06-30', () => {
    const t = generateTown({ seed: 2, size: 0.1, endDate: '2024-06-30', months: 12 });
    expect(t.groundTruth.period.startDate).toBe('2023-07-01');
    const start = parseTime('01/07/2023');
    const endExclusive = parseTime('30/06/2024') + MS_PER_DAY;
    for (const row of rowsOf(t, 'police_crimes')) {
      for (const time of rowTimes(row)) expect(time >= start && time < endExclusive).toBe(true);
    }
  });

  it('gives burglaries from/to windows from minutes to days, and violence mostly exact times', () => {
    const police = rowsOf(town, 'police_crimes');
    const lengthsH = (cat: string) =>
      police
        .filter((r) => r['Offence Category'] === cat)
        .map((r) => (rowTimes(r)[1] - rowTimes(r)[0]) / 3_600_000);
    const burglary = lengthsH('Burglary');
    expect(burglary.filter((h) => h > 0 && h < 3).length).toBeGreaterThan(50);
    expect(burglary.filter((h) => h >= 24).length).toBeGreaterThan(100);
    const violence = lengthsH('Violence Against the Person');
    expect(violence.filter((h) => h === 0).length / violence.length).toBeGreaterThan(0.85);
  });

  it('concentrates the night-time economy hotspot on Friday and Saturday nights 22:00–03:00', () => {
    const h1 = town.groundTruth.hotspots.find((h) => h.id === 'H1')!;
    const refs = new Set(h1.references);
    const rows = rowsOf(town, 'police_crimes').filter((r) => refs.has(r['Crime Reference']));
    const nightly = rows.filter((r) => {
      const t = rowTimes(r)[0];
      const hour = new Date(t).getUTCHours();
      const night = new Date(hour < 22 ? t - MS_PER_DAY : t).getUTCDay(); // the evening it began: 5 Fri, 6 Sat
      return (hour >= 22 || hour < 3) && (night === 5 || night === 6);
    });
    expect(rows.length).toBe(h1.count);
    expect(nightly.length / rows.length).toBeGreaterThan(0.6);
  });

  it('writes no coordinates for hospital admissions, only postcode districts of the boundary layer', () => {
    const hospital = town.tables.hospital_admissions;
    expect(hospital.headers).toEqual(['Admission Date', 'Postcode District', 'Injury Type', 'Age Band']);
    expect(hospital.headers.some((h) => /east|north|lon|lat|^x$|^y$/i.test(h))).toBe(false);
    const codes = new Set(town.boundaries.postcodeDistricts.layer.areas.map((a) => a.code));
    for (const row of hospital.rows) expect(codes.has(row[1])).toBe(true);
    const byDistrict = town.groundTruth.hospitalByDistrict;
    expect(Object.values(byDistrict).reduce((s, n) => s + n, 0)).toBe(hospital.rows.length);
  });
});

describe('generateTown planted hotspots', () => {
  it('places every planted event within its hotspot radius', () => {
    for (const h of town.groundTruth.hotspots) {
      const refs = new Set(h.references);
      const rows = rowsOf(town, h.dataset).filter((r) => refs.has(Object.values(r)[0]));
      expect(rows.length, h.id).toBe(h.count);
      // Ambulance points round-trip through 6-decimal lon/lat: allow 0.5 m.
      for (const row of rows) {
        const [x, y] = pointOf(row);
        expect(Math.hypot(x - h.centre.x, y - h.centre.y), h.id).toBeLessThanOrEqual(h.radiusM + 0.5);
        expect(categoryOf(row)).toBe(h.category);
      }
    }
  });

  it('makes each hotspot disc at least 5 times denser in its category than the mean of 300 random discs', () => {
    const e = town.groundTruth.town.extent;
    for (const h of town.groundTruth.hotspots) {
      const pts = rowsOf(town, h.dataset)
        .filter((r) => categoryOf(r) === h.category)
        .map(pointOf);
      const inDisc = (cx: number, cy: number) =>
        pts.filter(([x, y]) => Math.hypot(x - cx, y - cy) <= h.radiusM).length;
      const rng = createRandom(5);
      let sum = 0;
      const trials = 300;
      for (let i = 0; i < trials; i++) {
        sum += inDisc(
          rng.uniform(e.minX + h.radiusM, e.maxX - h.radiusM),
          rng.uniform(e.minY + h.radiusM, e.maxY - h.radiusM),
        );
      }
      const hot = inDisc(h.centre.x, h.centre.y);
      expect(hot, `${h.id}: ${hot} in the hotspot, ${sum / trials} in a random disc`).toBeGreaterThan(
        (5 * sum) / trials,
      );
    }
  });

  it('makes the emerging hotspot appear only in the last quarter', () => {
    const h6 = town.groundTruth.hotspots.find((h) => h.emerging)!;
    expect(h6.startDate).toBe('2025-10-01');
    const refs = new Set(h6.references);
    const from = parseTime('01/10/2025');
    for (const row of rowsOf(town, 'police_crimes').filter((r) => refs.has(r['Crime Reference']))) {
      expect(rowTimes(row)[0]).toBeGreaterThanOrEqual(from);
    }
    // The same disc and category in the quarter before holds far fewer.
    const quarterBefore = from - 92 * MS_PER_DAY;
    const count = (a: number, b: number) =>
      rowsOf(town, 'police_crimes').filter((r) => {
        const [x, y] = pointOf(r);
        const t = rowTimes(r)[0];
        return (
          r['Offence Category'] === h6.category &&
          Math.hypot(x - h6.centre.x, y - h6.centre.y) <= h6.radiusM &&
          t >= a &&
          t < b
        );
      }).length;
    expect(count(from, from + 92 * MS_PER_DAY)).toBeGreaterThan(5 * Math.max(1, count(quarterBefore, from)));
  });
});

describe('generateTown near-repeat series', () => {
  it('plants series of 4–10 residential burglaries linked within 150 m and 7 days', () => {
    const police = new Map(rowsOf(town, 'police_crimes').map((r) => [r['Crime Reference'], r]));
    const series = town.groundTruth.series;
    expect(series.length).toBe(SERIES_BASE_COUNT);
    for (const s of series) {
      expect(s.events.length).toBeGreaterThanOrEqual(4);
      expect(s.events.length).toBeLessThanOrEqual(10);
      const first = s.events[0];
      s.events.forEach((e, k) => {
        const row = police.get(e.reference)!;
        expect(row['Offence Subcategory']).toBe('Burglary - Residential');
        expect([Number(row.Easting), Number(row.Northing)]).toEqual([e.x, e.y]);
        expect(Math.hypot(e.x - first.x, e.y - first.y)).toBeLessThanOrEqual(150);
        if (k > 0) {
          const prev = s.events[k - 1];
          expect(Math.hypot(e.x - prev.x, e.y - prev.y)).toBeLessThanOrEqual(150);
          const gap = midpointDay(e) - midpointDay(prev);
          expect(gap).toBeGreaterThanOrEqual(0);
          expect(gap).toBeLessThanOrEqual(7);
        }
      });
    }
  });

  it('keeps different series apart: no two events of different series within 150 m and 7 days', () => {
    const all = town.groundTruth.series.flatMap((s) => s.events.map((e) => ({ ...e, id: s.id })));
    for (const a of all) {
      for (const b of all) {
        if (a.id === b.id) continue;
        const close =
          Math.hypot(a.x - b.x, a.y - b.y) <= 150 && Math.abs(midpointDay(a) - midpointDay(b)) <= 7;
        expect(close, `${a.reference} (${a.id}) and ${b.reference} (${b.id})`).toBe(false);
      }
    }
  });
});

describe('generateTown boundaries and streets', () => {
  it('tiles the extent with wards, beats and postcode districts (areas sum to the extent area)', () => {
    const e = town.groundTruth.town.extent;
    const extentArea = (e.maxX - e.minX) * (e.maxY - e.minY);
    for (const b of Object.values(town.boundaries)) {
      const area = b.bng.features.reduce((s, f) => s + signedArea2(f.geometry.coordinates[0]) / 2, 0);
      expect(Math.abs(area - extentArea) / extentArea).toBeLessThan(1e-6);
    }
    expect(town.boundaries.wards.layer.areas.length).toBe(8);
  });

  it("names in each police row the ward whose polygon holds the point, and the beat's code likewise", () => {
    const wards = town.boundaries.wards.bng.features;
    const beats = town.boundaries.beats.bng.features;
    for (const row of rowsOf(town, 'police_crimes').slice(0, 2000)) {
      const [x, y] = pointOf(row);
      const ward = wards.filter((f) => pointInRing(x, y, f.geometry.coordinates[0]));
      const beat = beats.filter((f) => pointInRing(x, y, f.geometry.coordinates[0]));
      expect(ward.map((f) => f.properties.WD24NM)).toEqual([row.Ward]);
      expect(beat.map((f) => f.properties.BEAT_CODE)).toEqual([row.Beat]);
    }
  });

  it('writes WGS84 polygons closed and counter-clockwise in the Forest of Bowland (RFC 7946)', () => {
    for (const b of Object.values(town.boundaries)) {
      expect(b.wgs84.crs).toBeUndefined();
      for (const f of b.wgs84.features) {
        const ring = f.geometry.coordinates[0];
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        expect(signedArea2(ring)).toBeGreaterThan(0);
        for (const [lon, lat] of ring) {
          expect(lon > -2.55 && lon < -2.3 && lat > 53.9 && lat < 54.1).toBe(true);
        }
      }
    }
  });

  it('describes every point as "On or near" a street of streets.geojson (or the car park)', () => {
    const names = new Set(town.streets.wgs84.features.map((f) => f.properties.name));
    names.add('Parking Area');
    for (const id of ['police_crimes', 'asb'] as const) {
      for (const row of rowsOf(town, id)) {
        const m = /^On or near (.+)$/.exec(row.Location);
        expect(m && names.has(m[1]), row.Location).toBe(true);
      }
    }
  });
});

describe('generateTown options', () => {
  it('refuses a bad seed, size, end date or length', () => {
    expect(() => generateTown({ seed: -1 })).toThrow(/seed must be a whole number/);
    expect(() => generateTown({ seed: 1.5 })).toThrow(/seed/);
    expect(() => generateTown({ size: 0 })).toThrow(/size must be > 0/);
    expect(() => generateTown({ size: 51 })).toThrow(/size/);
    expect(() => generateTown({ endDate: '2025-02-30' })).toThrow(/not a real date/);
    expect(() => generateTown({ endDate: '31/12/2025' })).toThrow(/yyyy-mm-dd/);
    expect(() => generateTown({ months: 6 })).toThrow(/months/);
  });
});
