import { describe, expect, it } from 'vitest';
import { MAX_CHAIN_ROWS } from '../../../../../shared/profile/analysis-near-repeat.js';
import { buildProfileModel } from '../../../../../shared/profile/build-model.js';
import { renderProfileHtml } from '../../../../../shared/profile/html/render-html.js';
import type { ProfileInputs } from '../../../../../shared/profile/model.js';
import { chainSummary, chainsRun, hotspot, kdeRun, knoxRun, profileInputs } from '../profile-fixtures.js';

const LINK_NOTE = 'Events are linked when closer than 200 m (euclidean) and fewer than 7 days apart.';
const DATA_CAVEAT = 'Street crime: 3 records have a from/to window and are dated by its midpoint.';

/** A profile with hotspots, a Knox result and `chainCount` candidate series, as the engine gathers it. */
function fullInputs(chainCount = 3): ProfileInputs {
  const chains = chainsRun(Array.from({ length: chainCount }, (_, i) => chainSummary(i + 1, null)));
  chains.notes = [LINK_NOTE, DATA_CAVEAT];
  chains.provenance = { ...chains.provenance, caveats: [DATA_CAVEAT] };
  return profileInputs({
    kde: kdeRun([hotspot()]),
    knox: knoxRun({ ratio: 1.8, p: 0.001, q: 0.01, significant: true }),
    chains,
    // gather.ts puts the data caveats and the analyses' method notes in one list.
    caveats: [DATA_CAVEAT, LINK_NOTE],
  });
}

function sectionOf(html: string, id: string): string {
  const m = new RegExp(`<section id="${id}"[^>]*>(.*?)</section>`, 's').exec(html);
  expect(m, id).not.toBeNull();
  return m![1]!;
}

describe('renderProfileHtml(model) structure for a tagged PDF', () => {
  const model = buildProfileModel(fullInputs());
  const html = renderProfileHtml(model, { forPdf: true });

  it('states the document language and a title with the marking', () => {
    expect(html).toContain('<html lang="en-GB">');
    const escaped = model.front.title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(html).toContain(`<title>${escaped} (OFFICIAL-SENSITIVE)</title>`);
  });

  it('has one <h1>, then <h2> and <h3> headings that never skip a level', () => {
    const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    expect(Math.max(...levels)).toBeLessThanOrEqual(3);
    for (let i = 1; i < levels.length; i++) {
      expect(levels[i]! - levels[i - 1]!, `heading ${i}`).toBeLessThanOrEqual(1);
    }
  });

  it('gives every table header cells', () => {
    const tables = [...html.matchAll(/<table[^>]*>(.*?)<\/table>/gs)].map((m) => m[1]!);
    expect(tables.length).toBeGreaterThan(5);
    for (const t of tables) expect(t).toMatch(/<th scope="(col|row)"/);
    // A data table's first row is all column headers.
    for (const t of tables.filter((x) => x.includes('<thead>'))) {
      const head = /<thead>(.*?)<\/thead>/s.exec(t)![1]!;
      expect(head).not.toContain('<td');
    }
  });

  it('opens each part of the Analysis with its own heading', () => {
    const analysis = sectionOf(html, 'analysis');
    const headings = [...analysis.matchAll(/<h3>(.*?)<\/h3>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      'Where: the hotspots of the period',
      'When: all burglaries across the whole area, by hour and day',
      'Near repeats: the Knox test',
      'Near-repeat chains: candidate series',
      'Repeat locations',
    ]);
    // The Knox finding follows its heading, never before it.
    expect(analysis.indexOf('Near repeats: the Knox test')).toBeLessThan(
      analysis.indexOf('<table class="knox">'),
    );
  });

  it('puts the whole-area hour × day table under its own heading, not under a hotspot map', () => {
    const analysis = sectionOf(html, 'analysis');
    const heat = analysis.indexOf('<table class="heat">');
    const before = analysis.slice(0, heat);
    const lastHeading = before.lastIndexOf('<h3>');
    expect(before.slice(lastHeading)).toContain('When: all burglaries across the whole area');
    expect(before.slice(lastHeading)).not.toContain('<figure');
    expect(before.slice(lastHeading)).toContain('not one hotspot’s');
  });

  it('says the chains’ method notes with the chains, not among the Introduction’s data caveats', () => {
    const scope = sectionOf(html, 'scope');
    expect(scope).toContain(DATA_CAVEAT);
    expect(scope).not.toContain(LINK_NOTE);
    const analysis = sectionOf(html, 'analysis');
    const chains = analysis.slice(analysis.indexOf('Near-repeat chains: candidate series'));
    expect(chains).toContain(LINK_NOTE);
  });

  it('forces no page break before any section', () => {
    expect(html).not.toMatch(/<section[^>]*class="[^"]*\bpage\b/);
  });
});

describe('renderProfileHtml(model) chains table', () => {
  it(`lists every chain when there are ${MAX_CHAIN_ROWS} or fewer, with no "more" note`, () => {
    const html = renderProfileHtml(buildProfileModel(fullInputs(MAX_CHAIN_ROWS)));
    expect(html).toContain(
      '<caption>Near-repeat chains: candidate series first, then hotspot-like chains</caption>',
    );
    expect(html).not.toContain('in the chains data export');
  });

  it('says how many chains are left out and where they are when there are more', () => {
    const html = renderProfileHtml(buildProfileModel(fullInputs(MAX_CHAIN_ROWS + 2)));
    expect(html).toContain(
      `<caption>Near-repeat chains: ${MAX_CHAIN_ROWS} of ${MAX_CHAIN_ROWS + 2}, candidate series first`,
    );
    expect(html).toContain(
      '2 more chains (the smallest candidate series) in the chains data export (CSV or GeoJSON)',
    );
    const table = /<caption>Near-repeat chains:.*?<tbody>(.*?)<\/tbody>/s.exec(html)![1]!;
    expect(table.match(/<tr/g)).toHaveLength(MAX_CHAIN_ROWS);
  });
});
