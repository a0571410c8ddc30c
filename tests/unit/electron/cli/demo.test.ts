/**
 * The demo end to end (issue 6 item 4): generate, import, analyse and export, then open every output
 * the way a reader would: the PPTX as a zip (slides, titles, images, marking on every slide), the
 * PDF with poppler (page count, text, marking in the header and footer of every page; pages kept as
 * PNG artefacts in test-results/), the HTML for external references, the CSV for formula injection.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCommand } from '../../../../electron/cli/commands/demo.js';
import { findChromium } from '../../../../electron/engine/export/chromium.js';

const MARKING = 'OFFICIAL-SENSITIVE';
let dir: string;
let summary: {
  files: { file: string; bytes: number }[];
  warnings: string[];
  timings: Record<string, number>;
  hotspots: { rank: number; events: number; pai: number; place: string }[];
  knox: string | null;
  chains: number | null;
};
let exitCode: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hsw-demo-'));
  const out: string[] = [];
  exitCode = await demoCommand.run(['--out', dir, '--iterations', '99', '--json'], {
    out: (t) => out.push(t),
    err: () => {},
    interactive: false,
    debug: false,
  });
  summary = JSON.parse(out.join(''));
}, 300_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('hotspot demo --out DIR', () => {
  it('exits 0 and writes the profile, slides, data exports and project into DIR', () => {
    expect(exitCode).toBe(0);
    for (const name of [
      'profile.html',
      'slides.pptx',
      'hotspots.geojson',
      'hotspots.csv',
      'surface.asc',
      'demo.hsw',
      'data/police_crimes.csv',
    ]) {
      expect(existsSync(join(dir, name)), name).toBe(true);
    }
    expect(summary.hotspots.length).toBeGreaterThan(0);
    expect(summary.hotspots[0]!.pai).toBeGreaterThan(1);
    // Named by the boundary feature holding it (the sample town's neighbourhoods), not "On or near …".
    expect(summary.hotspots[0]!.place).toMatch(/^[A-Z][a-z]+/);
    expect(summary.hotspots[0]!.place).not.toMatch(/^On or near /);
    expect(summary.knox).toMatch(/^Burglaries within 200 m of each other were .* within 7 days/);
    expect(summary.timings.total).toBeGreaterThan(0);
  });

  it('writes slides: title, summary, trend, overview, five hotspots, the rest in a table, series, actions, method; marking top and bottom of each', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'slides.pptx')));
    const slides = Object.keys(zip.files)
      .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
      .sort((a, b) => Number(/(\d+)\.xml/.exec(a)![1]) - Number(/(\d+)\.xml/.exec(b)![1]));
    const texts = await Promise.all(slides.map((n) => zip.file(n)!.async('string')));
    // The demo's period has six supported hotspots: five slides, the sixth in the table (hotspot-slides.ts).
    const hotspotSlides = texts.filter((xml) => /<a:t>Hotspot \d+: /.test(xml)).length;
    expect(hotspotSlides).toBe(5);
    expect(slides.length).toBe(4 + hotspotSlides + 4);
    for (const [i, xml] of texts.entries()) {
      expect(
        xml.split(`<a:t>${MARKING}</a:t>`).length - 1,
        `marking on slide ${i + 1}`,
      ).toBeGreaterThanOrEqual(2);
    }
    expect(texts[0]).toContain('Dwelling burglary in Ashbridge: problem profile');
    expect(texts[1]).toContain('Summary');
    expect(texts[2]).toContain('Trend: month by month');
    expect(texts[4]).toContain('Hotspot 1');
    expect(texts.at(-3)).toContain('Series and risk zones');
    expect(texts.at(-2)).toContain('Actions for the JAG');
    expect(texts.at(-1)).toContain('Method and caveats');
    const media = Object.keys(zip.files).filter((n) => /^ppt\/media\/.*\.png$/.test(n));
    // Overview, the hotspots' maps and the series map; one native chart, the monthly trend.
    expect(media.length).toBe(1 + hotspotSlides + 1);
    const charts = Object.keys(zip.files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
    expect(charts.length).toBe(1);
    const rels = await zip.file('ppt/slides/_rels/slide5.xml.rels')!.async('string');
    expect(rels).toMatch(/media\/.*\.png/);
    const layout = await zip.file('ppt/presentation.xml')!.async('string');
    expect(layout).toMatch(/<p:sldSz cx="12192000" cy="6858000"/);
  });

  it.skipIf(findChromium() === null)(
    'prints a PDF whose every page carries the marking in header and footer',
    () => {
      const pdf = join(dir, 'profile.pdf');
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      expect(pages).toBeGreaterThanOrEqual(8);
      for (let p = 1; p <= pages; p++) {
        const text = execFileSync('pdftotext', ['-layout', '-f', String(p), '-l', String(p), pdf, '-'], {
          encoding: 'utf8',
        });
        expect(text.split(MARKING).length - 1, `marking on page ${p}`).toBeGreaterThanOrEqual(2);
        expect(text).toContain(`Page ${p} of ${pages}`);
      }
      const all = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      for (const heading of [
        'Scanning',
        'Analysis',
        'Response: recommended actions',
        'Assessment',
        'Methods, parameters and data provenance',
      ]) {
        expect(all).toContain(heading);
      }
      const artefacts = join('test-results', 'profile-demo');
      mkdirSync(artefacts, { recursive: true });
      execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(artefacts, 'page')]);
      expect(existsSync(join(artefacts, `page-${String(1).padStart(String(pages).length, '0')}.png`))).toBe(
        true,
      );
    },
  );

  it('writes an HTML profile with no external reference and the marking in fixed bands', () => {
    const html = readFileSync(join(dir, 'profile.html'), 'utf8');
    expect(html).not.toMatch(/https?:|<link\b|<script\b|\bsrc\s*=|url\(|@import/i);
    expect(html).toContain(`<div class="marking-band top" role="note">${MARKING}</div>`);
    expect(html).toContain(`<div class="marking-band bottom" role="note">${MARKING}</div>`);
    expect(html).toContain(`@top-center { content: "${MARKING}"`);
  });
  // The data exports (CSV, GeoJSON, grid, .prj, sidecars, dictionary) are opened in demo-exports.test.ts.
});
