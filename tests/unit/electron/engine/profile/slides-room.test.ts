/**
 * Slides for the back of the room (issue 12): the PPTX is opened as a zip and its XML read directly,
 * independent of the code that wrote it: font sizes of every text run, words on each slide's face,
 * the slide list, the hotspot slides' count and the speaker notes.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildSlides } from '../../../../../electron/engine/profile/slides.js';
import { buildProfileModel } from '../../../../../shared/profile/build-model.js';
import {
  chainSummary,
  chainsRun,
  change,
  hotspot,
  kdeRun,
  knoxRun,
  POLICE_UK_CAVEAT,
  profileInputs,
} from '../../../shared/profile/profile-fixtures.js';

/** Words on a slide's face, furniture included (marking ×2, caveat footer, provenance line). */
const MAX_WORDS_PER_SLIDE = 120;
/** Words of what the slide says, furniture left out. */
const MAX_CONTENT_WORDS = 90;
const FURNITURE = /^(marking-top|marking-bottom|caveat-footer|provenance)$/;

interface Shape {
  name: string;
  sizes: number[];
  text: string;
}

/** Shapes (p:sp) and table frames (p:graphicFrame) of one slide's XML: their name, run sizes and text. */
function shapesOf(xml: string): Shape[] {
  const out: Shape[] = [];
  for (const m of xml.matchAll(/<p:(sp|graphicFrame)>([\s\S]*?)<\/p:\1>/g)) {
    const body = m[2]!;
    const name = /<p:cNvPr [^>]*name="([^"]*)"/.exec(body)?.[1] ?? '';
    const sizes = [...body.matchAll(/<a:rPr[^>]*\ssz="(\d+)"/g)].map((s) => Number(s[1]));
    const text = [...body.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join(' ');
    if (text.trim() !== '') out.push({ name, sizes, text });
  }
  return out;
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

async function readDeck(pptx: Uint8Array) {
  const zip = await JSZip.loadAsync(pptx);
  const sorted = (re: RegExp) =>
    Object.keys(zip.files)
      .filter((n) => re.test(n))
      .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  const slides = await Promise.all(
    sorted(/^ppt\/slides\/slide\d+\.xml$/).map((n) => zip.file(n)!.async('string')),
  );
  const notes = await Promise.all(
    sorted(/^ppt\/notesSlides\/notesSlide\d+\.xml$/).map(async (n) =>
      [...(await zip.file(n)!.async('string')).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(' '),
    ),
  );
  const charts = await Promise.all(
    sorted(/^ppt\/charts\/chart\d+\.xml$/).map((n) => zip.file(n)!.async('string')),
  );
  return { slides: slides.map(shapesOf), notes, charts };
}

function titleOf(shapes: Shape[]): string {
  return shapes.find((s) => s.name === 'title')?.text ?? '';
}

/** Seven supported hotspots of falling size, a Knox result, two chains (one hotspot-like), a monthly trend. */
function busyInputs() {
  const hotspots = Array.from({ length: 7 }, (_, k) =>
    hotspot({
      rank: k + 1,
      events: 60 - k * 5,
      places: [{ layer: 'Wards', name: `Ward ${k + 1}` }],
      topLocations: [{ name: `On or near Street ${k + 1}`, count: 5 }],
    }),
  );
  return profileInputs({
    kde: kdeRun(hotspots),
    caveats: [POLICE_UK_CAVEAT],
    knox: knoxRun({ ratio: 1.4, p: 0.001, q: 0.004, significant: true }),
    chains: chainsRun([chainSummary(1, null), chainSummary(2, 'hotspot-like')]),
    hotspotTrends: hotspots.map((h) => ({
      rank: h.rank,
      current: h.events,
      previous: 20,
      lastYear: null,
      vsPrevious: change(h.events, 20, 0.01),
      vsLastYear: null,
    })),
    periods: {
      current: { from: '2025-10-01', to: '2025-12-31' },
      previous: { from: '2025-07-01', to: '2025-09-30' },
      lastYear: { from: '2024-10-01', to: '2024-12-31' },
    },
    byMonth: [
      { month: '2024-10', count: 30 },
      { month: '2024-11', count: null },
      { month: '2024-12', count: 28 },
      { month: '2025-10', count: 41 },
      { month: '2025-11', count: 39 },
      { month: '2025-12', count: 35 },
    ],
  });
}

describe('buildSlides for the back of the room', () => {
  it('sets every text run at 12 pt or more, and every body text at 18 pt or more', async () => {
    const { slides, charts } = await readDeck(await buildSlides(buildProfileModel(busyInputs())));
    for (const [i, shapes] of slides.entries()) {
      for (const s of shapes) {
        expect(s.sizes.length, `slide ${i + 1} ${s.name}: every run has a size`).toBeGreaterThan(0);
        for (const sz of s.sizes) expect(sz, `slide ${i + 1} ${s.name}`).toBeGreaterThanOrEqual(1200);
        if (s.name.startsWith('body')) {
          for (const sz of s.sizes) expect(sz, `slide ${i + 1} body`).toBeGreaterThanOrEqual(1800);
        }
      }
    }
    for (const xml of charts) {
      for (const m of xml.matchAll(/\ssz="(\d+)"/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(1200);
    }
  });

  it('keeps most of each slide’s words at body size', async () => {
    const { slides } = await readDeck(await buildSlides(buildProfileModel(busyInputs())));
    for (const [i, shapes] of slides.entries()) {
      const content = shapes.filter((s) => !FURNITURE.test(s.name) && s.name !== 'title');
      const all = content.reduce((n, s) => n + countWords(s.text), 0);
      const body = content
        .filter((s) => s.name.startsWith('body'))
        .reduce((n, s) => n + countWords(s.text), 0);
      expect(body, `slide ${i + 1}`).toBeGreaterThanOrEqual(all * 0.6);
    }
  });

  it(`puts at most ${MAX_WORDS_PER_SLIDE} words on a slide’s face (${MAX_CONTENT_WORDS} without the marking, footer and provenance)`, async () => {
    const { slides } = await readDeck(await buildSlides(buildProfileModel(busyInputs())));
    for (const [i, shapes] of slides.entries()) {
      const words = shapes.reduce((n, s) => n + countWords(s.text), 0);
      const content = shapes
        .filter((s) => !FURNITURE.test(s.name))
        .reduce((n, s) => n + countWords(s.text), 0);
      expect(words, `slide ${i + 1}: ${titleOf(shapes)}`).toBeLessThanOrEqual(MAX_WORDS_PER_SLIDE);
      expect(content, `slide ${i + 1}: ${titleOf(shapes)}`).toBeLessThanOrEqual(MAX_CONTENT_WORDS);
    }
  });

  it('gives the slides in order: title, summary, trend, map, ≤ 5 hotspots, the rest in a table, series, actions, method', async () => {
    const { slides } = await readDeck(await buildSlides(buildProfileModel(busyInputs())));
    const titles = slides.map(titleOf);
    const hotspots = titles.filter((t) => /^Hotspot \d+: /.test(t));
    expect(hotspots).toHaveLength(5);
    expect(titles).toEqual([
      expect.any(String),
      'Summary',
      'Trend: month by month, against last year',
      'Where: density and hotspots',
      ...hotspots,
      'Other hotspots (2)',
      'Series and risk zones',
      'Actions for the JAG',
      'Method and caveats',
    ]);
    // The busiest five, most events first; hotspots 6 and 7 are rows of the table.
    expect(hotspots.map((t) => Number(/^Hotspot (\d+)/.exec(t)![1]))).toEqual([1, 2, 3, 4, 5]);
    const table = slides[titles.indexOf('Other hotspots (2)')]!.map((s) => s.text).join(' ');
    expect(table).toContain('6: Ward 6');
    expect(table).toContain('7: Ward 7');
  });

  it('puts the marking top and bottom of every slide at 12 pt or more, and the caveat footer on every slide', async () => {
    const { slides } = await readDeck(
      await buildSlides(buildProfileModel(busyInputs()), 'OFFICIAL-SENSITIVE'),
    );
    for (const shapes of slides) {
      const markings = shapes.filter((s) => s.name.startsWith('marking-'));
      expect(markings.map((m) => m.text)).toEqual(['OFFICIAL-SENSITIVE', 'OFFICIAL-SENSITIVE']);
      const footer = shapes.find((s) => s.name === 'caveat-footer')!;
      expect(footer.text).toMatch(/^Caveat: Street crime: police\.uk data: month only/);
      expect(countWords(footer.text)).toBeLessThanOrEqual(24);
    }
  });

  it('writes non-empty speaker notes on every slide, with the caveat in full; the Knox table in the method slide’s notes', async () => {
    const { slides, notes } = await readDeck(await buildSlides(buildProfileModel(busyInputs())));
    expect(notes).toHaveLength(slides.length);
    for (const n of notes) {
      expect(n.trim().length).toBeGreaterThan(0);
      expect(n).toContain(POLICE_UK_CAVEAT);
    }
    const method = notes[slides.map(titleOf).indexOf('Method and caveats')]!;
    expect(method).toContain('Knox table');
    expect(method).toContain('Benjamini–Hochberg');
  });

  it('says where, when, what, how many and the change with its test on a hotspot slide', async () => {
    const { slides, notes } = await readDeck(await buildSlides(buildProfileModel(busyInputs())));
    const i = slides.findIndex((s) => titleOf(s).startsWith('Hotspot 1: '));
    const text = slides[i]!.map((s) => s.text)
      .join(' ')
      .replace(/\s+/g, ' ');
    expect(text).toContain('60 events');
    expect(text).toContain('Where: ');
    expect(text).toContain('Ward 1 (Wards)');
    expect(text).toContain('Street 1');
    expect(text).toContain('When: ');
    expect(text).toContain('What: ');
    expect(text).toMatch(/On the previous period \(20\): \+200\.0%: significant increase \(q = 0\.010/);
    expect(text).toContain('On last year (no data): not tested: no data');
    expect(text).toContain('exact conditional Poisson test');
    expect(text).toContain('regression to the mean');
    expect(notes[i]).toContain('Hotspots are reported only with ≥ 5 events');
  });

  it('names hotspot-like chains as not series on the series slide, and says whether any risk zone is live', async () => {
    const { slides } = await readDeck(await buildSlides(buildProfileModel(busyInputs())));
    const series = slides
      .find((s) => titleOf(s) === 'Series and risk zones')!
      .map((s) => s.text)
      .join(' ');
    expect(series).toContain('1 possible series');
    expect(series).toContain('1 hotspot-like chains: busy places, not series');
    expect(series).toMatch(/risk zone/i);
  });

  it('draws the trend with last year’s months and leaves a no-data month as a gap, never 0', async () => {
    const { slides, charts } = await readDeck(await buildSlides(buildProfileModel(busyInputs())));
    const trend = charts.find((xml) => xml.includes('Same months last year'))!;
    expect(trend).toContain('<c:dispBlanksAs val="gap"/>');
    // Last year: 30, (no data), 28; the missing month is an empty value, not 0.
    const lastYear = trend.split('Same months last year')[1]!;
    const values = [...lastYear.matchAll(/<c:pt idx="(\d)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)]
      .filter((m) => !/[A-Za-z]/.test(m[2]!))
      .slice(0, 3)
      .map((m) => m[2]);
    expect(values).toEqual(['30', '', '28']);
    const text = slides
      .find((s) => titleOf(s).startsWith('Trend'))!
      .map((s) => s.text)
      .join(' ');
    expect(text).toContain('No data (gaps, not zero): Nov 2024');
  });
});
