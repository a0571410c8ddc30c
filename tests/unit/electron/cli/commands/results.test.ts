import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CliRefusal, CliUsageError } from '../../../../../electron/cli/command.js';
import { resultsCommand } from '../../../../../electron/cli/commands/results.js';
import { createProject, openProject } from '../../../../../electron/engine/project/open-project.js';
import { makeTransform } from '../../../../../shared/crs/transform.js';
import { createRandom } from '../../../../../shared/util/random.js';
import { expectClose } from '../../../expect-close.js';
import { BNG_CSV_HEADER, importBngCsv } from '../../engine/bng-csv.js';
import { captureIo, tempDir } from '../cli-harness.js';

const dir = tempDir('hotspot-results-');
const projectPath = join(dir, 'town.hsw');
const toWgs84 = makeTransform('EPSG:27700', 'EPSG:27700');

/** A square in BNG written as a WGS84 GeoJSON FeatureCollection. */
function squareGeoJson(name: string, minX: number, minY: number, size: number): string {
  const ring = [
    [minX, minY],
    [minX + size, minY],
    [minX + size, minY + size],
    [minX, minY + size],
    [minX, minY],
  ].map(([x, y]) => toWgs84.projectToWgs84(x, y));
  const path = join(dir, `${name}.geojson`);
  writeFileSync(
    path,
    JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }],
    }),
  );
  return path;
}

const target = () => squareGeoJson('target', 530_000, 180_000, 1000);
// The buffer square holds the target; only its ring outside the target counts as buffer.
const buffer = () => squareGeoJson('buffer', 529_500, 179_500, 2000);
const control = () => squareGeoJson('control', 535_000, 180_000, 1000);

beforeAll(async () => {
  const rng = createRandom(3);
  const rows: string[] = [];
  let ref = 0;
  /** `count` events on days 1–28 of `month` (2024) at points drawn by `place`. */
  const add = (count: number, month: number, place: () => [number, number], type = 'Burglary') => {
    for (let k = 0; k < count; k++) {
      const [x, y] = place();
      const day = String(1 + (k % 28)).padStart(2, '0');
      rows.push(`R${ref++},${day}/0${month}/2024 10:00,${x.toFixed(1)},${y.toFixed(1)},${type}`);
    }
  };
  const inTarget = (): [number, number] => [530_100 + rng.next() * 800, 180_100 + rng.next() * 800];
  // Ring: the strip 529 600–529 900 west of the target.
  const inRing = (): [number, number] => [529_600 + rng.next() * 300, 179_600 + rng.next() * 1800];
  const inControl = (): [number, number] => [535_100 + rng.next() * 800, 180_100 + rng.next() * 800];
  const elsewhere = (): [number, number] => [540_000 + rng.next() * 500, 185_000 + rng.next() * 500];
  add(40, 1, inTarget);
  add(30, 1, inRing);
  add(50, 1, inControl);
  add(25, 2, inTarget); // between the periods: in no period
  add(20, 3, inTarget);
  add(33, 3, inRing);
  add(45, 3, inControl);
  add(7, 3, inTarget, 'Theft'); // another category
  add(10, 1, elsewhere);
  add(5, 4, elsewhere); // the extract runs into April, so March is wholly covered
  const project = createProject(projectPath, { appVersion: 'test' });
  try {
    await importBngCsv(project.db, dir, [BNG_CSV_HEADER, ...rows], 'Crimes');
  } finally {
    project.close();
  }
});

const baseArgs = () => [
  '--project',
  projectPath,
  '--dataset',
  'Crimes',
  '--category',
  'Burglary',
  '--target',
  target(),
  '--buffer',
  buffer(),
  '--control',
  control(),
  '--before',
  '2024-01-01..2024-01-31',
  '--after',
  '2024-03-01..2024-03-31',
];

describe('hotspot results', () => {
  it('counts target, buffer ring and control before and after, with the WDQ and WDD worked by hand', async () => {
    const cap = captureIo();
    expect(await resultsCommand.run([...baseArgs(), '--json'], cap.io)).toBe(0);
    const r = JSON.parse(cap.out.join(''));
    expect(r.counts).toEqual({
      target: { before: 40, after: 20 },
      buffer: { before: 30, after: 33 },
      control: { before: 50, after: 45 },
    });
    // s = 20/40 − 45/50 = −0.4; d = 33/30 − 0.9 = 0.2; WDQ = −0.5.
    expectClose(r.wdq, -0.5, 1e-12);
    expect(r.wdqReading).toContain('Some displacement');
    // One control for both: WDD = ΔT + ΔB − 2ΔC = −20 + 3 + 10 = −7; Var = 60 + 63 + 4·95 = 503.
    expect(r.wdd.estimate).toBe(-7);
    expectClose(r.wdd.se, Math.sqrt(503), 1e-12);
    expectClose(r.wdd.ci95[0], -7 - 1.959963984540054 * Math.sqrt(503), 1e-12);
    expectClose(r.wdd.ci95[1], -7 + 1.959963984540054 * Math.sqrt(503), 1e-12);
    expect(r.caveats.join(' ')).toContain('regression to the mean');
  });

  it("carries the protective marking: OFFICIAL by default, the project's once set, in --json and text", async () => {
    const cap = captureIo();
    await resultsCommand.run([...baseArgs(), '--json'], cap.io);
    expect(JSON.parse(cap.out.join('')).marking).toBe('OFFICIAL');
    const project = openProject(projectPath);
    try {
      project.db
        .prepare("INSERT OR REPLACE INTO project_meta (key, value) VALUES ('marking', 'OFFICIAL-SENSITIVE')")
        .run();
    } finally {
      project.close();
    }
    try {
      const json = captureIo();
      await resultsCommand.run([...baseArgs(), '--json'], json.io);
      expect(JSON.parse(json.out.join('')).marking).toBe('OFFICIAL-SENSITIVE');
      const text = captureIo();
      await resultsCommand.run(baseArgs(), text.io);
      const lines = text.out.join('\n').split('\n');
      expect([lines[0], lines[lines.length - 1]]).toEqual(['OFFICIAL-SENSITIVE', 'OFFICIAL-SENSITIVE']);
    } finally {
      const again = openProject(projectPath);
      again.db.prepare("DELETE FROM project_meta WHERE key = 'marking'").run();
      again.close();
    }
  });

  it('counts every category without --category', async () => {
    const cap = captureIo();
    const args = baseArgs().filter((a) => a !== '--category' && a !== 'Burglary');
    await resultsCommand.run([...args, '--json'], cap.io);
    expect(JSON.parse(cap.out.join('')).counts.target).toEqual({ before: 40, after: 27 });
  });

  it('prints plain English with UK dates', async () => {
    const cap = captureIo();
    await resultsCommand.run(baseArgs(), cap.io);
    const text = cap.out.join('\n');
    expect(text).toContain('Before 01/01/2024 to 31/01/2024; after 01/03/2024 to 31/03/2024');
    expect(text).toContain('40 before, 20 after (−50.0%)');
    expect(text).toContain('Weighted Displacement Quotient: -0.50');
    expect(text).not.toMatch(/[{}]/);
  });

  it('refuses a period the data do not cover, and an unknown category', async () => {
    const late = baseArgs().map((a) => (a === '2024-03-01..2024-03-31' ? '2024-05-01..2024-05-31' : a));
    await expect(resultsCommand.run(late, captureIo().io)).rejects.toThrow(/do not cover the after period/);
    const wrong = baseArgs().map((a) => (a === 'Burglary' ? 'Robbery' : a));
    await expect(resultsCommand.run(wrong, captureIo().io)).rejects.toThrow(CliRefusal);
  });

  it('refuses projected coordinates in a GeoJSON area and a malformed period (usage)', async () => {
    const bad = join(dir, 'bng.geojson');
    writeFileSync(
      bad,
      JSON.stringify({
        type: 'Polygon',
        coordinates: [
          [
            [530000, 180000],
            [531000, 180000],
            [531000, 181000],
            [530000, 180000],
          ],
        ],
      }),
    );
    const args = baseArgs().map((a) => (a.endsWith('target.geojson') ? bad : a));
    await expect(resultsCommand.run(args, captureIo().io)).rejects.toThrow(/must be in WGS84/);
    const period = baseArgs().map((a) => (a === '2024-01-01..2024-01-31' ? '01/01/2024..31/01/2024' : a));
    await expect(resultsCommand.run(period, captureIo().io)).rejects.toThrow(CliUsageError);
  });
});
