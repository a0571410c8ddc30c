import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelledError } from '../../../../../electron/engine/jobs/worker-pool.js';
import { gatherProfileInputs, type ProfileJob } from '../../../../../electron/engine/profile/gather.js';
import { ApiError } from '../../../../../shared/api/errors.js';
import type { ProfileFront } from '../../../../../shared/profile/model.js';
import { parseSubject } from '../../../../../shared/profile/subject.js';
import { createTownProject, type TownProject } from './town-project.js';

const PERIOD = { from: '2025-07-01', to: '2025-12-31' };
const FRONT: ProfileFront = {
  title: 't',
  reference: '',
  author: '',
  date: '2026-01-05',
  version: '1',
  marking: 'OFFICIAL',
};
const quiet = (): ProfileJob => ({ step: () => {}, signal: new AbortController().signal });
let town: TownProject;

beforeAll(async () => {
  town = await createTownProject();
}, 120_000);
afterAll(async () => {
  await town?.close();
});

/** Even–odd point in polygon over every ring (holes excluded), written independently of the engine. */
function inside(rings: number[][][], x: number, y: number): boolean {
  let odd = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi! > y !== yj! > y && x < ((xj! - xi!) * (y - yi!)) / (yj! - yi!) + xi!) odd = !odd;
    }
  }
  return odd;
}

/** Benjamini–Hochberg written out: q(i) = min over j with p(j) ≥ p(i) of m·p(j)/rank(j). */
function bh(p: number[]): number[] {
  const sorted = [...p].sort((a, b) => a - b);
  return p.map((pi) => Math.min(1, ...sorted.map((pj, j) => (pj >= pi ? (p.length * pj) / (j + 1) : 1))));
}

describe('gatherProfileInputs on the synthetic town', () => {
  it('gives every hotspot the counts of a brute-force midpoint-in-period, point-in-outline count, BH across hotspots', async () => {
    const inputs = await gatherProfileInputs(
      town.engine.context,
      {
        subject: parseSubject('category:Burglary'),
        period: PERIOD,
        front: FRONT,
        scope: { datasetIds: [town.datasetId] },
        options: { knoxIterations: 19, seed: 1 },
      },
      quiet(),
    );
    const hotspots = inputs.kde!.hotspots;
    expect(hotspots.length).toBeGreaterThan(1);
    expect(inputs.hotspotTrends.map((t) => t.rank)).toEqual(hotspots.map((h) => h.rank));
    const day = 86_400_000;
    const cur = [Date.UTC(2025, 6, 1), Date.UTC(2026, 0, 1)] as const;
    const prev = [cur[0] - 184 * day, cur[0]] as const;
    const ly = [Date.UTC(2024, 6, 1), Date.UTC(2025, 0, 1)] as const;
    const count = (rings: number[][][], [from, to]: readonly [number, number]) =>
      town.crimes.filter((c) => {
        const mid = c.fromMs + (c.toMs - c.fromMs) / 2;
        return c.category === 'Burglary' && mid >= from && mid < to && inside(rings, c.x, c.y);
      }).length;
    hotspots.forEach((h, k) => {
      const t = inputs.hotspotTrends[k]!;
      expect(t.current).toBe(count(h.polygon, cur));
      if (t.previous !== null) expect(t.previous).toBe(count(h.polygon, prev));
      if (t.lastYear !== null) expect(t.lastYear).toBe(count(h.polygon, ly));
    });
    const tested = inputs.hotspotTrends.filter((t) => t.vsPrevious !== null);
    expect(tested.length).toBe(hotspots.length); // the town's data cover the previous period
    const q = bh(tested.map((t) => t.vsPrevious!.pValue));
    tested.forEach((t, i) => {
      expect(Math.abs(t.vsPrevious!.qValue - q[i]!)).toBeLessThan(1e-12);
    });
    expect(inputs.regressionCaveat).toMatch(/regression to the mean/);
    expect(inputs.filterText).not.toMatch(/[{}]/);
    expect(inputs.parameters.some((p) => /analysis id/i.test(p.name))).toBe(false);
  }, 120_000);

  it('rejects as cancelled when the profile job is cancelled at its first progress step, and leaves no analysis running', async () => {
    const controller = new AbortController();
    const job: ProfileJob = {
      step: () => controller.abort(cancelledError()),
      signal: controller.signal,
    };
    const run = gatherProfileInputs(
      town.engine.context,
      {
        subject: parseSubject('hotspot:1'),
        period: { from: '2025-01-01', to: '2025-03-31' },
        front: FRONT,
        scope: {},
        options: { knoxIterations: 999, seed: 2, cellSizeM: 25 },
      },
      job,
    );
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    await town.engine.context.jobs.pool.stopped();
    expect(town.engine.context.jobs.pool.stats().running).toBe(0);
    expect(town.engine.context.jobs.activeCount()).toBe(0);
  }, 60_000);

  it('cancels a profile built through the Api from its first job event; the job ends cancelled and nothing is left running', async () => {
    const jobId = 'profile-cancel-0001';
    const stop = town.engine.events.subscribe((event) => {
      if (event.type === 'job' && event.job.id === jobId && event.job.state === 'running')
        void town.engine.api.cancelJob({ jobId });
    });
    try {
      const error = await town.engine.api
        .buildProfile({
          jobId,
          subject: 'category:Burglary',
          period: { from: '2025-04-01', to: '2025-06-30' },
          options: { knoxIterations: 999, seed: 4 },
        })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe('cancelled');
    } finally {
      stop();
    }
    await town.engine.context.jobs.pool.stopped();
    const jobs = await town.engine.api.listJobs({});
    expect(jobs.find((j) => j.id === jobId)?.state).toBe('cancelled');
    expect(jobs.filter((j) => j.state === 'running' || j.state === 'queued')).toEqual([]);
    expect(town.engine.context.jobs.pool.stats().running).toBe(0);
  }, 60_000);
});

describe('gatherProfileInputs on a police.uk file holding only April 2017', () => {
  it('gives "no data" for the previous period and last year, with no test, and says so', async () => {
    const header =
      'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
    const rows = Array.from({ length: 30 }, (_, i) =>
      [
        `id${i}`,
        '2017-04',
        'City of London Police',
        'City of London Police',
        (-0.092 + (i % 6) * 0.001).toFixed(6),
        (51.515 + Math.floor(i / 6) * 0.001).toFixed(6),
        `On or near Street ${i % 4}`,
        'E01000001',
        'City of London 001A',
        'Burglary',
        'Under investigation',
        '',
      ].join(','),
    );
    const file = join(town.dir, 'police-uk-2017-04.csv');
    writeFileSync(file, `${header}\n${rows.join('\n')}\n`);
    const { api } = town.engine;
    const ref = town.engine.files.register(file);
    const preview = await api.previewImport({ file: ref });
    const summary = await api.runImport({
      jobId: 'import-policeuk-0001',
      file: ref,
      dataset: 'City of London April 2017',
      mapping: preview.mapping,
      pii: [],
      dryRun: false,
      allowDuplicateFile: false,
    });
    const gather = (period: { from: string; to: string }) =>
      gatherProfileInputs(
        town.engine.context,
        {
          subject: parseSubject('category:Burglary'),
          period,
          front: FRONT,
          scope: { datasetIds: [summary.datasetId!] },
          options: { knoxIterations: 19, seed: 1 },
        },
        quiet(),
      );
    const april = await gather({ from: '2017-04-01', to: '2017-04-30' });
    expect(april.counts).toEqual({
      current: 30,
      previous: null,
      lastYear: null,
      vsPrevious: null,
      vsLastYear: null,
    });
    expect(april.coverage).toEqual({ from: '2017-04-01', to: '2017-04-30', missingMonths: [] });
    expect(april.headlineFacts).toEqual([]); // no change can be claimed at all
    expect(
      april.caveats.some((c) => /no data for the previous period or the same period last year/.test(c)),
    ).toBe(true);
    expect(april.byMonth.find((m) => m.month === '2017-03')?.count).toBeNull();
    expect(april.byMonth.find((m) => m.month === '2017-04')?.count).toBe(30);
    expect(april.datasets.map((d) => d.name)).toEqual(['City of London April 2017']);

    // A period after the data: never "a significant decrease" (May's previous period, the 31 days
    // from 31 March, is not fully covered either).
    const may = await gather({ from: '2017-05-01', to: '2017-05-31' });
    expect(may.counts).toEqual({
      current: 0,
      previous: null,
      lastYear: null,
      vsPrevious: null,
      vsLastYear: null,
    });
    expect(may.caveats.some((c) => /do not cover the whole current period/.test(c))).toBe(true);
  }, 60_000);
});
