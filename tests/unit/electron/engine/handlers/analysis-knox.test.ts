import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../../../electron/engine/engine.js';
import { runImport } from '../../../../../electron/engine/import/run-import.js';
import { readAudit } from '../../../../../electron/engine/project/audit.js';
import { knoxReport } from '../../../../../shared/analysis/knox/knox-report.js';
import { knoxTest } from '../../../../../shared/analysis/knox/knox-test.js';
import type { ApiEvent } from '../../../../../shared/api/jobs.js';
import type { TimeShape } from '../../../../../shared/import/mapping.js';
import { dayOf, wallClockMs } from '../../../../../shared/model/time.js';
import { Random } from '../../../../../shared/util/random.js';

let dir: string;
let engine: Engine;
const events: ApiEvent[] = [];
/** What the analysis should see: x, y and the midpoint day of each window, in import (id) order. */
const xs: number[] = [];
const ys: number[] = [];
const midDays: number[] = [];
/** Row numbers (0-based) of the planted series: 6 burglaries within 60 m, a day or two apart. */
const series: number[] = [];
let burglaryId = 0;
let monthlyId = 0;

const pad = (n: number) => String(n).padStart(2, '0');
const uk = (ms: number) => {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};

async function importCsv(
  name: string,
  lines: string[],
  fields: Record<string, string>,
  timeShape: TimeShape,
  preset: string | null = null,
) {
  const path = join(dir, `${name}.csv`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return runImport(engine.context.project().db, {
    filePath: path,
    dataset: name,
    mapping: {
      fields,
      timeShape,
      dateFormat: 'dmy',
      sourceCrs: 'EPSG:27700',
      excluded: [],
      swapSuspectedCoordinates: false,
      preset,
    },
    projectCrs: 'EPSG:27700',
    pii: [],
    nowMs: Date.UTC(2024, 11, 1),
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hsw-knox-'));
  engine = createEngine({ appVersion: '0.1.0-test', host: 'web', poolSize: 2 });
  engine.events.subscribe((event) => events.push(event));
  await engine.api.createProject({ path: join(dir, 'knox.hsw') });
  // Burglaries "while away": from/to windows of 2 to 30 hours over 120 days on a 3 km square,
  // with a planted series of six.
  const random = new Random(12);
  const lines = ['ref,from,to,easting,northing'];
  for (let i = 0; i < 300; i++) {
    const planted = i >= 100 && i < 106;
    if (planted) series.push(i);
    const x = Math.round(planted ? 531_000 + random.uniform(0, 40) : random.uniform(529_000, 532_000));
    const y = Math.round(planted ? 181_000 + random.uniform(0, 40) : random.uniform(179_000, 182_000));
    const from = planted
      ? wallClockMs(2024, 5, 1 + (i - 100) * 2, 9)
      : wallClockMs(2024, 3, 1) + random.int(0, 120 * 24) * 3_600_000;
    const to = from + random.int(2, 30) * 3_600_000;
    xs.push(x);
    ys.push(y);
    midDays.push(dayOf(from + (to - from) / 2));
    lines.push(`B${i},${uk(from)},${uk(to)},${x},${y}`);
  }
  const summary = await importCsv(
    'Burglary',
    lines,
    { reference: 'ref', date_from: 'from', date_to: 'to', x: 'easting', y: 'northing' },
    'window',
  );
  burglaryId = summary.datasetId!;
  const monthly = [
    'month,easting,northing',
    '03/2024,530000,180000',
    '04/2024,530050,180000',
    '04/2024,531000,181000',
  ];
  monthlyId = (
    await importCsv('Monthly', monthly, { date: 'month', x: 'easting', y: 'northing' }, 'month', 'police-uk')
  ).datasetId!;
});
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('runKnox', () => {
  const request = {
    distanceEdgesM: [0, 100, 300, null],
    timeEdgesDays: [0, 7, 14, null],
    iterations: 39,
    seed: 2024,
  };

  it('runs the Knox test of the filtered records in workers, dating windows by their midpoint', async () => {
    events.length = 0;
    const result = await engine.api.runKnox({
      jobId: 'knox-run-0001',
      filter: { datasetIds: [burglaryId] },
      ...request,
    });
    const reference = knoxReport(
      knoxTest(
        { x: Float64Array.from(xs), y: Float64Array.from(ys), day: Int32Array.from(midDays) },
        {
          distanceEdgesM: [0, 100, 300, Infinity],
          timeEdgesDays: [0, 7, 14, Infinity],
          iterations: 39,
          seed: 2024,
        },
      ),
    );
    expect(result.observed).toEqual(reference.observed);
    expect(result.expectedMean).toEqual(reference.expectedMean);
    expect(result.pValue).toEqual(reference.pValue);
    expect(result.distanceEdges).toEqual([0, 100, 300, null]);
    expect(result.qValue).toEqual(reference.qValue);
    expect(result.significant).toEqual(reference.significant);
    expect(result.reading).toMatch(/does not show that one offender/);
    expect(result.cached).toBe(false);
    expect(result.notes.join(' ')).toMatch(
      /Burglary: 300 of 300 records have a from\/to window \(e.g. burglary while away\) and are dated by the window's midpoint/,
    );
    expect(result.provenance.datasets.map((d) => d.name)).toEqual(['Burglary']);
    expect(result.provenance.datasets[0].imports[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.provenance.crs).toBe('EPSG:27700');
    const states = events.flatMap((e) =>
      e.type === 'job' && e.job.id === 'knox-run-0001' ? [e.job.state] : [],
    );
    expect(states.at(-1)).toBe('done');
  });

  it('returns the cached result for the same filter and parameters', async () => {
    const first = await engine.api.runKnox({
      jobId: 'knox-run-0002',
      filter: { datasetIds: [burglaryId] },
      ...request,
    });
    expect(first.cached).toBe(true);
  });

  it('runs the NRC preset and draws a seed when none is given', async () => {
    const result = await engine.api.runKnox({
      jobId: 'knox-run-0003',
      filter: { datasetIds: [burglaryId] },
      nrc: { bandwidthM: 100, distanceBands: 2, timeBandDays: 7, timeBands: 2 },
      iterations: 9,
    });
    expect(result.metric).toBe('manhattan');
    expect(result.distanceLabels[0]).toBe('0 m (same location)');
    expect(result.distanceLabels[1]).toBe('(0, 100) m');
    expect(Number.isInteger(result.seed)).toBe(true);
  });

  it('refuses month-only records without a reason, and audits an override with one', async () => {
    await expect(
      engine.api.runKnox({ jobId: 'knox-run-0004', filter: { datasetIds: [monthlyId] }, ...request }),
    ).rejects.toMatchObject({ code: 'refused' });
    const result = await engine.api.runKnox({
      jobId: 'knox-run-0005',
      filter: { datasetIds: [monthlyId] },
      ...request,
      monthOverride: { reason: 'training example' },
    });
    expect(result.notes.join(' ')).toMatch(/month-only.*training example/);
    // Imported with the police.uk preset: its caveat (snapped points) is carried too.
    expect(result.notes.join(' ')).toMatch(/snapped to anonymised map locations/);
    expect(result.provenance.caveats).toEqual(result.notes);
    const audit = readAudit(engine.context.project().db);
    expect(audit.at(-1)).toMatchObject({
      action: 'override-month-precision',
      detail: { method: 'Knox', reason: 'training example' },
    });
  });

  it('cancels a running Knox job through cancelJob', async () => {
    const stop = engine.events.subscribe((event) => {
      if (event.type === 'job' && event.job.id === 'knox-run-0007' && event.job.done > 0) {
        void engine.api.cancelJob({ jobId: 'knox-run-0007' });
      }
    });
    try {
      await expect(
        engine.api.runKnox({
          jobId: 'knox-run-0007',
          filter: { datasetIds: [burglaryId] },
          ...request,
          iterations: 1_000_000,
          seed: 3,
        }),
      ).rejects.toMatchObject({ code: 'cancelled' });
    } finally {
      stop();
    }
    const last = events.filter((e) => e.type === 'job' && e.job.id === 'knox-run-0007').at(-1);
    expect(last).toMatchObject({ job: { state: 'cancelled' } });
  });

  it('refuses invalid edges as invalid-argument', async () => {
    await expect(
      engine.api.runKnox({
        jobId: 'knox-run-0006',
        filter: {},
        distanceEdgesM: [0, null, 100],
        timeEdgesDays: [0, 7],
      }),
    ).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});

describe('planKnox', () => {
  /** Pairs closer than `radiusM` (Euclidean or Manhattan), by looking at every pair of the imported rows. */
  function brutePairs(radiusM: number, metric: 'euclidean' | 'manhattan'): number {
    let pairs = 0;
    for (let i = 0; i < xs.length; i++) {
      for (let j = i + 1; j < xs.length; j++) {
        const dx = xs[i] - xs[j];
        const dy = ys[i] - ys[j];
        const d = metric === 'manhattan' ? Math.abs(dx) + Math.abs(dy) : Math.sqrt(dx * dx + dy * dy);
        if (d < radiusM) pairs++;
      }
    }
    return pairs;
  }

  it('counts the close pairs a run would pass over (brute force) and estimates the run from them', async () => {
    const estimate = await engine.api.planKnox({
      jobId: 'knox-plan-0001',
      filter: { datasetIds: [burglaryId] },
      distanceEdgesM: [0, 100, 300, null],
      timeEdgesDays: [0, 7, 14, null],
      iterations: 999,
      seed: 1,
    });
    const closePairs = brutePairs(300, 'euclidean');
    expect(closePairs).toBeGreaterThan(100);
    expect(estimate).toMatchObject({
      events: 300,
      closePairs,
      iterations: 999,
      threads: 2,
      earlyStop: false,
    });
    // 999 × (pairs × 1.1 ns + 300 × 20 ns) ÷ 2 threads (3 time bands; knox-estimate.ts).
    expect(estimate.seconds).toBeCloseTo((999 * (closePairs * 1.1 + 300 * 20)) / 2 / 1e9, 12);
    expect(estimate.text).toBe(
      `Under a second for 999 iterations (${closePairs.toLocaleString('en-GB')} close pairs)`,
    );
  });

  it('uses the NRC preset radius (Manhattan, b × bands) and says an early stop makes it an upper bound', async () => {
    const estimate = await engine.api.planKnox({
      jobId: 'knox-plan-0002',
      filter: { datasetIds: [burglaryId] },
      nrc: { bandwidthM: 100, distanceBands: 2, timeBandDays: 7, timeBands: 2 },
      iterations: 99,
      earlyStopExceedances: 10,
    });
    expect(estimate.closePairs).toBe(brutePairs(200, 'manhattan'));
    expect(estimate.earlyStop).toBe(true);
    expect(estimate.text).toMatch(/^At most under a second for 99 iterations/);
  });

  it('refuses what a run refuses: month-only records, bad edges', async () => {
    await expect(
      engine.api.planKnox({
        jobId: 'knox-plan-0003',
        filter: { datasetIds: [monthlyId] },
        distanceEdgesM: [0, 100],
        timeEdgesDays: [0, 7],
      }),
    ).rejects.toMatchObject({ code: 'refused' });
    await expect(
      engine.api.planKnox({
        jobId: 'knox-plan-0004',
        filter: {},
        distanceEdgesM: [0, null, 100],
        timeEdgesDays: [0, 7],
      }),
    ).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});

describe('runChains', () => {
  it('finds the planted series with crime references, live, unflagged, and zones around the recent events only', async () => {
    const columns = await engine.api.queryRecords({ filter: { datasetIds: [burglaryId] } });
    const seriesIds = series.map((i) => columns.id[i]);
    const result = await engine.api.runChains({
      jobId: 'chains-run-0001',
      filter: { datasetIds: [burglaryId] },
      distanceM: 100,
      days: 4,
      metric: 'manhattan',
      asOf: '2024-05-13',
      shiftHours: 6,
      thresholdSource: 'tightest significant Knox cell: test',
    });
    const chain = result.chains.find((c) => c.memberRecordIds.includes(seriesIds[0]))!;
    expect(seriesIds.every((id) => chain.memberRecordIds.includes(id))).toBe(true);
    expect(chain.originRecordId).toBe(seriesIds[0]);
    expect(chain.originReference).toBe('B100');
    expect(chain.references.slice(0, 6)).toEqual(['B100', 'B101', 'B102', 'B103', 'B104', 'B105']);
    expect(chain.firstDate).toBe('2024-05-01');
    expect(chain.live).toBe(true);
    expect(chain.flag).toBeNull();
    expect(result.chains.every((c) => c.size >= 3)).toBe(true);
    expect(result.metric).toBe('manhattan');
    expect(result.thresholdSource).toBe('tightest significant Knox cell: test');
    expect(result.linkRule).toBe('closer than 100 m (manhattan distance) and fewer than 4 days apart');
    // Zones: every event (in a chain or not) of the last 4 days up to 13 May, each for 4 days from its date.
    const asOfDay = dayOf(Date.UTC(2024, 4, 13));
    const recent = midDays.flatMap((d, i) => (d <= asOfDay && d > asOfDay - 4 ? [columns.id[i]] : []));
    expect(result.zones.map((z) => z.recordId).sort((a, b) => a - b)).toEqual(recent.sort((a, b) => a - b));
    for (const z of result.zones) {
      expect(Date.parse(z.expiresDate) - Date.parse(z.eventDate)).toBe(4 * 86_400_000);
    }
    const mine = result.zones.filter((z) => z.chainId === chain.id);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(chain.size);
    expect(mine[0].radiusM).toBe(100);
    expect(mine[0].shiftWeights!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(result.notes.join(' ')).toMatch(/same-day ties go to the crime reference first in natural order/);
    expect(result.notes.join(' ')).toMatch(/not proof of one offender/);
  });

  it('keeps the series as a series inside any hotspot: its place is quiet at other times', async () => {
    const columns = await engine.api.queryRecords({ filter: { datasetIds: [burglaryId] } });
    const seriesId = columns.id[series[0]];
    // A hotspot around the series alone: its 6 events in ~11 days against none at other times.
    const own: number[][] = [
      [530_990, 180_990],
      [531_050, 180_990],
      [531_050, 181_050],
      [530_990, 181_050],
      [530_990, 180_990],
    ];
    const quiet = await engine.api.runChains({
      jobId: 'chains-run-0002',
      filter: { datasetIds: [burglaryId] },
      distanceM: 100,
      days: 4,
      hotspots: [[[own]]],
    });
    const kept = quiet.chains.find((c) => c.memberRecordIds.includes(seriesId))!;
    expect(kept.flag).toBeNull();
    expect(kept.eventsInHotspots).toBe(kept.size);
    expect(kept.hotspotRate!.pValue).toBeLessThan(0.001);
    // A "hotspot" over the whole 3 km square: the series is still far busier than its place at other times.
    const everywhere: number[][] = [
      [528_000, 178_000],
      [533_000, 178_000],
      [533_000, 183_000],
      [528_000, 183_000],
      [528_000, 178_000],
    ];
    const busy = await engine.api.runChains({
      jobId: 'chains-run-0003',
      filter: { datasetIds: [burglaryId] },
      distanceM: 100,
      days: 4,
      hotspots: [[[everywhere]]],
    });
    const still = busy.chains.find((c) => c.memberRecordIds.includes(seriesId))!;
    expect(still.flag).toBeNull();
    expect(still.eventsInHotspots).toBe(still.size);
    for (const c of busy.chains.filter((c) => c.flag !== null)) {
      expect(c.flagReason).toMatch(/^hotspot-like: not a series: /);
    }
    expect(busy.seriesCount).toBe(busy.chains.filter((c) => c.flag === null).length);
    // No asOf: the date of the latest event selected.
    expect(busy.asOf).toBe(new Date(Math.max(...midDays) * 86_400_000).toISOString().slice(0, 10));
  });
});
