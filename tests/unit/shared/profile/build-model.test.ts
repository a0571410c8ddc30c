import { describe, expect, it } from 'vitest';
import { poissonRateTest } from '../../../../shared/analysis/compare/poisson-rate-test.js';
import { buildProfileModel, reviewDateOf, subjectNoun } from '../../../../shared/profile/build-model.js';
import { heatColours } from '../../../../shared/profile/html/blocks.js';
import { renderProfileHtml } from '../../../../shared/profile/html/render-html.js';
import type { ProfileInputs } from '../../../../shared/profile/model.js';
import { recommendationLines } from '../../../../shared/profile/sections.js';

function inputs(overrides: Partial<ProfileInputs> = {}): ProfileInputs {
  const hourOfWeek = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  hourOfWeek[4]![22] = 3;
  hourOfWeek[5]![1] = 1;
  return {
    subject: { kind: 'category', name: 'Burglary' },
    subjectLabel: 'Burglary',
    front: {
      title: 'Test <profile>',
      reference: 'PP-1',
      author: 'A. Analyst',
      date: '2026-01-05',
      version: '1.0',
      marking: 'OFFICIAL-SENSITIVE',
    },
    periods: {
      current: { from: '2025-10-01', to: '2025-12-31' },
      previous: { from: '2025-07-01', to: '2025-09-30' },
      lastYear: { from: '2024-10-01', to: '2024-12-31' },
    },
    scopeText: 'Police recorded crime',
    counts: {
      current: 4,
      previous: 10,
      lastYear: 4,
      vsPrevious: poissonRateTest(4, 10, 92, 92),
      vsLastYear: poissonRateTest(4, 4, 92, 92),
    },
    areaOnly: 0,
    byCategory: [{ category: 'Burglary', count: 4 }],
    byMonth: [
      { month: '2025-10', count: 1 },
      { month: '2025-11', count: 3 },
    ],
    hourOfWeek,
    aoristicNote: '4 events',
    repeatLocations: [{ location: 'On or near Mill Lane', count: 2 }],
    kde: null,
    kdeNote: 'too few events',
    subjectArea: null,
    subjectHotspotRank: null,
    knox: null,
    knoxNote: 'too few events',
    chains: null,
    chainsNote: null,
    chainEvents: [],
    points: { x: [], y: [] },
    layers: { crs: 'EPSG:27700', boundaries: [], boundaryLayerName: null, streets: [] },
    datasets: [],
    caveats: ['A caveat & more'],
    parameters: [{ method: 'Periods', name: 'current', value: '2025-10-01 to 2025-12-31' }],
    appVersion: '0.1.0',
    generatedAt: '2026-01-05T10:00:00Z',
    filterJson: '{}',
    ...overrides,
  };
}

describe('buildProfileModel', () => {
  it('orders sections in SARA order with four response strands', () => {
    const model = buildProfileModel(inputs());
    expect(model.sections.map((s) => s.id)).toEqual([
      'summary',
      'scope',
      'scanning',
      'analysis',
      'response-prevention',
      'response-intelligence',
      'response-enforcement',
      'response-reassurance',
      'assessment',
    ]);
  });

  it('pre-fills response strands with suggestions and lets saved analyst text win, even when empty', () => {
    const fresh = buildProfileModel(inputs());
    const intelligence = fresh.sections.find((s) => s.id === 'response-intelligence')!;
    expect(intelligence.edited).toBe(false);
    expect(intelligence.text).toContain('Review the repeat locations Mill Lane (2 events)');
    // 4 against 10 is not a significant change (p = 0.180), so no cause is asked for.
    expect(intelligence.text).not.toContain('significant');
    const edited = buildProfileModel(inputs(), { 'response-intelligence': '', scanning: 'My reading' });
    expect(edited.sections.find((s) => s.id === 'response-intelligence')!.text).toBe('');
    expect(edited.sections.find((s) => s.id === 'scanning')!.text).toBe('My reading');
  });

  it('states the exact Poisson verdict of 4 against 10 in equal periods (p = 0.180, binom.test)', () => {
    const model = buildProfileModel(inputs());
    const table = model.sections.find((s) => s.id === 'scanning')!.blocks.find((b) => b.kind === 'table')!;
    expect(table.kind === 'table' && table.rows[1]).toEqual([
      'Previous period',
      '1 July 2025 to 30 September 2025',
      '10',
      '−60.0%',
      '0.180',
      'no significant change',
    ]);
  });
});

describe('renderProfileHtml', () => {
  it('escapes the analyst’s text and the title, so nothing they type becomes markup', () => {
    const html = renderProfileHtml(
      buildProfileModel(inputs(), { scanning: '<script>alert(1)</script> & <b>' }),
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;');
    expect(html).toContain('<h1>Test &lt;profile&gt;</h1>');
  });

  it('puts the marking in the screen bands and the page margin boxes, and leaves the boxes to the PDF printer when asked', () => {
    const model = buildProfileModel(inputs());
    const html = renderProfileHtml(model);
    expect(html.split('OFFICIAL-SENSITIVE').length - 1).toBeGreaterThanOrEqual(5);
    expect(html).toContain('@top-center { content: "OFFICIAL-SENSITIVE"');
    expect(renderProfileHtml(model, { forPdf: true })).not.toContain('@top-center');
  });

  it('draws the hour × weekday table with 7 rows of 24 shaded cells and numbers the response lines', () => {
    const html = renderProfileHtml(
      buildProfileModel(inputs(), { 'response-enforcement': '- Patrol Mill Lane\n\n2) Stop checks' }),
    );
    const heat = /<table class="heat">(.*?)<\/table>/.exec(html)![1]!;
    expect(heat.match(/<tr>/g)).toHaveLength(8);
    expect(heat.match(/<td /g)).toHaveLength(168);
    expect(html).toContain('<ol class="actions"><li>Patrol Mill Lane</li><li>Stop checks</li></ol>');
  });
});

describe('helpers', () => {
  it('pluralises a one-word category ending in consonant + y, else says "offences"', () => {
    expect(subjectNoun(inputs())).toBe('Burglaries');
    expect(subjectNoun(inputs({ subject: { kind: 'category', name: 'Shoplifting' } }))).toBe(
      'Shoplifting offences',
    );
    expect(subjectNoun(inputs({ subject: { kind: 'hotspot', rank: 1 } }))).toBe('Events');
  });

  it('sets the review date three months after the period ends', () => {
    expect(reviewDateOf('2025-12-31')).toBe('2026-03-31');
    expect(reviewDateOf('2025-06-30')).toBe('2025-09-30');
  });

  it('shades empty cells white and the largest dark with white text', () => {
    expect(heatColours(0).fill).toBe('#ffffff');
    expect(heatColours(1).text).toBe('#ffffff');
  });

  it('splits recommendation text into lines without bullets or numbers', () => {
    expect(recommendationLines('• one\n  \n3. two\n* three')).toEqual(['one', 'two', 'three']);
  });
});
