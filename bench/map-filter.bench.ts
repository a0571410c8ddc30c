/**
 * Filter-change benchmark (issue 11, Performance): with about 200,000 points in a project served by
 * `hotspot serve`, headless Chromium clicks a category off in the Filter tab and times, from the
 * click, until
 *   map-filter.count    the match count shows the new selection
 *   map-filter.charts   the trend and category charts are redrawn
 *   map-filter.drawn    the records layer (a custom WebGL layer, renderer/src/map/records-gl.ts)
 *                       drew a frame with the new selection (its `drawnKey` changed in a 'render')
 *   map-filter.map      … and the map is idle again (drawn)
 *   map-filter.painted  … and the next animation frame began (the drawn frame was handed to the
 *                       compositor: the main thread waits for software WebGL there)
 *   map-filter.queryMs  of which the filterRecords (formerly queryRecords) call to the engine
 *                       (time on the wire)
 * each including the workspace's debounce (FILTER_DEBOUNCE_MS, reported as debounceMs). Goal 300 ms.
 * Then, with every record selected, a basemap pan and zoom ("stays smooth"): at town zoom (12.5,
 * clusters) and street zoom (15.5, every selected point on its own) a scripted easeTo of PAN_MS
 * pans by a third of the view (map-pan.town, map-pan.street) or zooms in by one (map-zoom.*); each
 * row's ms is the median interval between the map's 'render' events during the move, with
 * p90Ms, the frames drawn and the move's wall time (no goal: reported, not judged).
 * Uses the build in HOTSPOT_DIST (default dist; relative to the repository or absolute): run
 * `node scripts/build.mjs` first.
 * `BENCH_MAP_SIZE` is the generator's size factor (default 23: about 205,000 police records).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';
import { FILTER_DEBOUNCE_MS } from '../renderer/src/panels/workspace.js';
import { report } from './measure.js';

const GOAL_MS = 300;
const RUNS = 5;
const root = resolve(import.meta.dirname, '..');
const cli = resolve(root, process.env['HOTSPOT_DIST'] ?? 'dist', 'cli.js');
const size = process.env['BENCH_MAP_SIZE'] ?? '23';
const dir = mkdtempSync(join(tmpdir(), 'hsw-bench-map-'));

function run(args: string[]): void {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`hotspot ${args[0]} failed: ${result.stderr}`);
}

async function serve(project: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [cli, 'serve', '--project', project, '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((done) =>
    createInterface({ input: child.stdout! }).once('line', done),
  );
  return { child, url: line.trim() };
}

type Times = { count: number; charts: number; drawn: number; map: number; painted: number; queryMs: number };
const SIGNS = ['count', 'charts', 'drawn', 'map', 'painted', 'queryMs'] as const;

const PAN_MS = 1000;
const PAN_RUNS = 3;
type Move = { intervals: number[]; frames: number; wallMs: number };

/** In the page: from `view`, once the map is idle, ease by `pan` px and `zoomBy` over `ms`; the frames drawn. */
function timeMove(args: {
  view: { center: [number, number]; zoom: number };
  pan: [number, number];
  zoomBy: number;
  ms: number;
}): Promise<Move> {
  type MapLike = {
    jumpTo(view: { center: [number, number]; zoom: number }): void;
    easeTo(options: {
      offset?: [number, number];
      center?: [number, number];
      zoom: number;
      duration: number;
    }): void;
    project(lngLat: [number, number]): { x: number; y: number };
    unproject(point: [number, number]): { lng: number; lat: number };
    on(event: 'render', fn: () => void): void;
    off(event: 'render', fn: () => void): void;
    once(event: 'idle' | 'moveend', fn: () => void): void;
  };
  const map = (document.getElementById('map') as HTMLElement & { maplibreMap: MapLike }).maplibreMap;
  return new Promise<Move>((done) => {
    map.once('idle', () => {
      const at = map.project(args.view.center);
      const to = map.unproject([at.x + args.pan[0], at.y + args.pan[1]]);
      const stamps: number[] = [];
      const onRender = () => stamps.push(performance.now());
      map.on('render', onRender);
      const t0 = performance.now();
      map.once('moveend', () => {
        const wallMs = performance.now() - t0;
        map.off('render', onRender);
        const intervals = stamps.map((t, k) => t - (k === 0 ? t0 : stamps[k - 1]!));
        done({ intervals, frames: stamps.length, wallMs });
      });
      map.easeTo({ center: [to.lng, to.lat], zoom: args.view.zoom + args.zoomBy, duration: args.ms });
    });
    map.jumpTo(args.view);
  });
}

/** The median and 90th percentile of a list of times. */
function percentiles(times: number[]): { p50: number; p90: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p90: at(0.9) };
}

/** In the page: click the category box, resolve with the times (ms from the click) of each sign. */
function timeFilterChange(category: string): Promise<Times> {
  type MapLike = {
    on(event: 'render', fn: () => void): void;
    off(event: 'render', fn: () => void): void;
    once(event: 'idle', fn: () => void): void;
    getLayer(id: string): { implementation: { drawnKey: object | null } } | undefined;
  };
  const map = (document.getElementById('map') as HTMLElement & { maplibreMap: MapLike }).maplibreMap;
  const drawnKey = () => map.getLayer('records-gl')?.implementation.drawnKey ?? null;
  const box = [
    ...document.querySelectorAll<HTMLInputElement>('[data-testid="category-filter"] input[type="checkbox"]'),
  ].find((input) => input.closest('label')?.textContent?.includes(category))!;
  const countText = () => document.querySelector('[data-testid="filter-count"]')?.textContent;
  const chart = () => document.querySelector('[data-testid="trend-chart"]');
  const beforeCount = countText();
  const beforeChart = chart();
  const beforeKey = drawnKey();
  performance.setResourceTimingBufferSize(100_000);
  performance.clearResourceTimings();
  const t0 = performance.now();
  const times: Times = {
    count: Number.NaN,
    charts: Number.NaN,
    drawn: Number.NaN,
    map: Number.NaN,
    painted: Number.NaN,
    queryMs: Number.NaN,
  };
  const done = new Promise<Times>((resolveTimes) => {
    const finish = () => {
      if (!Number.isNaN(times.count) && !Number.isNaN(times.charts) && !Number.isNaN(times.painted))
        resolveTimes(times);
    };
    // Panels may replace their elements rather than change them: look at every change of the page
    // (a mutation observer runs as soon as the DOM changes; animation frames wait for the map's drawing).
    const observer = new MutationObserver(() => {
      const now = performance.now() - t0;
      if (Number.isNaN(times.count) && countText() !== beforeCount) times.count = now;
      if (Number.isNaN(times.charts) && chart() !== beforeChart) times.charts = now;
      if (!Number.isNaN(times.count) && !Number.isNaN(times.charts)) {
        observer.disconnect();
        finish();
      }
    });
    observer.observe(document.body, { childList: true, characterData: true, subtree: true });
    // The first frame whose records layer drew another scene than before the click.
    const onRender = () => {
      if (drawnKey() === beforeKey) return;
      map.off('render', onRender);
      times.drawn = performance.now() - t0;
      let idle = false;
      let painted = false;
      const both = () => {
        if (!idle || !painted) return;
        // The engine's answer to the new filter: the filterRecords call's time on the wire.
        const calls = performance
          .getEntriesByType('resource')
          .filter((e) => /\/api\/call\/filterRecords$/.test(e.name) && e.startTime >= t0);
        times.queryMs = calls.length > 0 ? calls[calls.length - 1]!.duration : Number.NaN;
        finish();
      };
      map.once('idle', () => {
        times.map = performance.now() - t0;
        idle = true;
        both();
      });
      requestAnimationFrame(() => {
        times.painted = performance.now() - t0;
        painted = true;
        both();
      });
    };
    map.on('render', onRender);
  });
  box.click();
  // A sign that never comes is reported as NaN after 30 s rather than hanging the bench.
  return Promise.race([done, new Promise<Times>((late) => setTimeout(() => late(times), 30_000))]);
}

let server: ChildProcess | null = null;
try {
  const sample = join(dir, 'sample');
  const project = join(dir, 'bench.hsw');
  console.error(`map-filter: generating the sample town at size ${size} and importing its police records`);
  run(['generate', '--out', sample, '--size', size]);
  run(['import', join(sample, 'police_crimes.csv'), '--project', project, '--dataset', 'Police crimes']);
  const served = await serve(project);
  server = served.child;
  const browser = await chromium.launch({
    executablePath: process.env['HOTSPOT_CHROMIUM'] ?? '/usr/bin/chromium',
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    // tsx keeps function names with an __name helper the page does not have.
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.goto(served.url);
    await page.locator('.map[data-map-ready="true"]').waitFor({ timeout: 120_000 });
    await page.getByRole('tab', { name: 'Filter' }).click();
    await page.locator('[data-testid="trend-chart"]').waitFor({ timeout: 120_000 });
    const points = await page.locator('[data-testid="filter-count"]').textContent();
    const category = 'Vehicle Offences';
    const runs: Times[] = [];
    console.error(`map-filter: ${points} points shown, timing ${RUNS + 1} filter changes`);
    for (let i = 0; i < RUNS + 1; i++) {
      // Off, then on again: each run changes the selection by one category.
      runs.push(await page.evaluate(timeFilterChange, category));
      await page.waitForTimeout(500);
    }
    const measured = runs.slice(1);
    const extra = { goalMs: GOAL_MS, debounceMs: FILTER_DEBOUNCE_MS, points, toggled: category };
    for (const key of SIGNS) {
      report(
        `map-filter.${key}`,
        measured.map((r) => r[key]),
        extra,
      );
    }
    // The last run put the category back: every record is selected.
    await page.waitForTimeout(500);
    const center = await page.evaluate(() => {
      const map = (
        document.getElementById('map') as HTMLElement & {
          maplibreMap: { getCenter(): { lng: number; lat: number } };
        }
      ).maplibreMap;
      const c = map.getCenter();
      return [c.lng, c.lat] as [number, number];
    });
    const moves = [
      { name: 'pan', pan: [480, 300] as [number, number], zoomBy: 0 },
      { name: 'zoom', pan: [0, 0] as [number, number], zoomBy: 1 },
    ];
    /** Shows or hides the records layer; what it draws (single points, clusters). */
    const records = (visible: boolean) =>
      page.evaluate((show) => {
        const map = (
          document.getElementById('map') as HTMLElement & {
            maplibreMap: {
              setLayoutProperty(id: string, name: string, value: string): void;
              getLayer(id: string): {
                implementation: {
                  shown(): { clusters: string[]; points: number; pointsDrawn: number; tiles: number };
                };
              };
            };
          }
        ).maplibreMap;
        map.setLayoutProperty('records-gl', 'visibility', show ? 'visible' : 'none');
        const shown = map.getLayer('records-gl').implementation.shown();
        return {
          points: shown.points,
          clusters: shown.clusters.length,
          pointsDrawn: shown.pointsDrawn,
          tiles: shown.tiles,
        };
      }, visible);
    for (const [place, zoom] of [
      ['town', 12.5],
      ['street', 15.5],
    ] as const) {
      // With the records drawn, then the basemap alone (".bare": what the records layer adds).
      for (const visible of [true, false]) {
        await records(visible);
        for (const move of moves) {
          const all: Move[] = [];
          for (let i = 0; i < PAN_RUNS + 1; i++) {
            all.push(
              await page.evaluate(timeMove, {
                view: { center, zoom },
                pan: move.pan,
                zoomBy: move.zoomBy,
                ms: PAN_MS,
              }),
            );
          }
          const drawn = await records(visible);
          const kept = all.slice(1);
          const intervals = kept.flatMap((m) => m.intervals);
          const { p50, p90 } = percentiles(intervals);
          report(`map-${move.name}.${place}${visible ? '' : '.bare'}`, [p50], {
            p90Ms: Math.round(p90 * 10) / 10,
            maxMs: Math.round(Math.max(...intervals) * 10) / 10,
            frames: kept.map((m) => m.frames),
            wallMs: kept.map((m) => Math.round(m.wallMs)),
            zoom,
            easeMs: PAN_MS,
            drawn: visible ? drawn : 'none',
            points,
          });
        }
      }
      await records(true);
    }
  } finally {
    await browser.close();
  }
} finally {
  server?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
