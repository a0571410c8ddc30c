import { describe, expect, it } from 'vitest';
import { buildProfileModel, reviewDateOf, subjectNoun } from '../../../../shared/profile/build-model.js';
import { heatColours } from '../../../../shared/profile/html/blocks.js';
import { renderProfileHtml } from '../../../../shared/profile/html/render-html.js';
import { recommendationLines } from '../../../../shared/profile/sections.js';
import { profileInputs } from './profile-fixtures.js';

const inputs = profileInputs;

describe('buildProfileModel', () => {
  it('orders sections in SARA order with four response strands', () => {
    const model = buildProfileModel(inputs());
    expect(model.sections.map((s) => s.id)).toEqual([
      'summary',
      'scope',
      'scanning',
      'analysis',
      'gaps',
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

  it('draws the hour × weekday table with 7 rows of 24 shaded cells and marks a rewritten strand as the analyst’s', () => {
    const html = renderProfileHtml(
      buildProfileModel(inputs(), { 'response-enforcement': '- Patrol Mill Lane\n\n2) Stop checks' }),
    );
    const heat = /<table class="heat">(.*?)<\/table>/.exec(html)![1]!;
    expect(heat.match(/<tr>/g)).toHaveLength(8);
    expect(heat.match(/<td /g)).toHaveLength(168);
    expect(html).toContain(
      '<ol class="actions"><li data-finding="enforcement:analyst-1">Patrol Mill Lane <span class="edited">(edited by the analyst)</span></li>' +
        '<li data-finding="enforcement:analyst-2">Stop checks <span class="edited">(edited by the analyst)</span></li></ol>',
    );
  });
});

describe('helpers', () => {
  it('pluralises a one-word category ending in consonant + y, else says "offences"', () => {
    expect(subjectNoun(inputs())).toBe('Burglaries');
    expect(subjectNoun(inputs({ subject: { kind: 'category', name: 'Shoplifting' } }))).toBe(
      'Shoplifting offences',
    );
    expect(
      subjectNoun(
        inputs({
          subject: { kind: 'hotspot', rank: 1 },
          byCategory: [
            { category: 'Burglary', count: 3 },
            { category: 'Robbery', count: 1 },
          ],
        }),
      ),
    ).toBe('Events');
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
