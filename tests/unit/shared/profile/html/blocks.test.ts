import { describe, expect, it } from 'vitest';
import {
  blockHtml,
  inlineSvg,
  KEEP_CELL_CHARS,
  KEEP_TABLE_ROWS,
} from '../../../../../shared/profile/html/blocks.js';
import type { Block } from '../../../../../shared/profile/model.js';

function table(rows: string[][]): Block {
  return {
    kind: 'table',
    caption: 'Chains',
    columns: [
      { label: 'Chain', align: 'right' },
      { label: 'Reading', align: 'left' },
    ],
    rows,
  };
}

describe('blockHtml(block)', () => {
  it('renders a heading block as an escaped <h3>', () => {
    expect(blockHtml({ kind: 'heading', text: 'Near repeats & <chains>' })).toBe(
      '<h3>Near repeats &amp; &lt;chains&gt;</h3>',
    );
  });

  it('gives a table a header row of <th scope="col"> in a <thead>', () => {
    const html = blockHtml(table([['1', 'candidate series']]));
    expect(html).toContain(
      '<thead><tr><th scope="col" class="r">Chain</th><th scope="col">Reading</th></tr></thead>',
    );
    expect(html).toContain('<caption>Chains</caption>');
  });

  it(`keeps a table of ${KEEP_TABLE_ROWS} short rows whole, but not one more row or one long cell`, () => {
    const short = Array.from({ length: KEEP_TABLE_ROWS }, (_, i) => [String(i), 'candidate series']);
    expect(blockHtml(table(short))).toContain('<table class="data keep">');
    expect(blockHtml(table([...short, ['99', 'x']]))).toContain('<table class="data">');
    const long = [['1', 'x'.repeat(KEEP_CELL_CHARS + 1)]];
    expect(blockHtml(table(long))).toContain('<table class="data">');
    expect(blockHtml(table([['1', 'x'.repeat(KEEP_CELL_CHARS)]]))).toContain('<table class="data keep">');
  });

  it('labels the rows and columns of the hour × weekday table with header cells', () => {
    const html = blockHtml({
      kind: 'heat',
      caption: 'When',
      rowLabels: ['Mon', 'Tue'],
      columnLabels: ['00', '01'],
      values: [
        [1, 0],
        [0, 2],
      ],
    });
    expect(html).toContain(
      '<thead><tr><th scope="col" class="row">Day</th><th scope="col">00</th><th scope="col">01</th></tr></thead>',
    );
    expect(html.match(/<th scope="row" class="row">/g)).toHaveLength(2);
  });

  it('labels the Knox table’s distance rows and time columns with header cells', () => {
    const html = blockHtml({
      kind: 'knox',
      caption: 'Knox',
      distanceLabels: ['[0, 200) m'],
      timeLabels: ['[0, 7) days', '≥ 7 days'],
      observed: [[3, 4]],
      ratio: [[1.5, 0.9]],
      pValue: [[0.01, 0.6]],
    });
    expect(html).toContain('<th scope="col">Distance \\ time</th>');
    expect(html.match(/<th scope="col" class="c">/g)).toHaveLength(2);
    expect(html).toContain('<th scope="row" class="row">[0, 200) m</th>');
  });

  it('gives facts rows a row header and a figure’s SVG its caption as its accessible name', () => {
    expect(blockHtml({ kind: 'facts', rows: [{ label: 'Period', value: 'Q4' }] })).toBe(
      '<table class="facts"><tr><th scope="row">Period</th><td>Q4</td></tr></table>',
    );
    const figure = blockHtml({
      kind: 'figure',
      caption: 'Hotspot 1 & its "events"',
      svg: '<svg xmlns="http://www.w3.org/2000/svg" width="10"><svg width="5"></svg></svg>',
    });
    expect(figure).toBe(
      '<figure><svg role="img" aria-label="Hotspot 1 &amp; its &quot;events&quot;" width="10"><svg width="5"></svg></svg>' +
        '<figcaption>Hotspot 1 &amp; its &quot;events&quot;</figcaption></figure>',
    );
  });
});

describe('inlineSvg(svg)', () => {
  it('drops the namespace and adds no role without a label', () => {
    expect(inlineSvg('<svg xmlns="http://www.w3.org/2000/svg" width="1"></svg>')).toBe(
      '<svg width="1"></svg>',
    );
  });
});
