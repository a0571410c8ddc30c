import { describe, expect, it } from 'vitest';
import { profileCss } from '../../../../../shared/profile/html/css.js';

/** The body of the stylesheet's `@media print { … }` block (one level of nested braces). */
function printRules(css: string): string {
  const start = css.indexOf('@media print {');
  expect(start).toBeGreaterThanOrEqual(0);
  let depth = 0;
  for (let i = css.indexOf('{', start); i < css.length; i++) {
    if (css[i] === '{') depth++;
    if (css[i] === '}') depth--;
    if (depth === 0) return css.slice(start, i + 1);
  }
  throw new Error('unbalanced @media print block');
}

/** The declarations of the print rule whose selector list contains `selector`. */
function ruleFor(print: string, selector: string): string {
  const rules = [...print.matchAll(/([^{}]+)\{([^{}]*)\}/g)].filter((m) =>
    m[1]!
      .split(',')
      .map((s) => s.trim())
      .includes(selector),
  );
  return rules.map((m) => m[2]).join(';');
}

describe('profileCss(marking, forPdf) page breaks', () => {
  const print = printRules(profileCss('OFFICIAL', true));

  it('never ends a page with a heading, a group label, a caption or a section lead', () => {
    for (const selector of ['h1', 'h2', 'h3', '.group', 'caption', 'p.lead']) {
      expect(ruleFor(print, selector), selector).toContain('break-after: avoid');
    }
  });

  it('keeps figures, short tables, list items and table rows whole, and a table note with its table', () => {
    for (const selector of ['figure', 'table.keep', 'table.facts', 'table.heat', 'table.knox', 'tr', 'li']) {
      expect(ruleFor(print, selector), selector).toContain('break-inside: avoid');
    }
    expect(ruleFor(print, 'table + p.note')).toContain('break-before: avoid');
  });

  it('leaves no line alone at a page foot or head and repeats a long table’s header row', () => {
    expect(ruleFor(print, 'p')).toMatch(/orphans: 3;\s*widows: 3/);
    expect(ruleFor(print, 'thead')).toContain('display: table-header-group');
  });

  it('forces no page break: sections flow on', () => {
    expect(profileCss('OFFICIAL', true)).not.toMatch(/break-before:\s*page/);
    expect(profileCss('OFFICIAL', false)).not.toMatch(/break-before:\s*page/);
  });

  it('keeps the marking in the page margin boxes of the printed HTML', () => {
    const css = profileCss('OFFICIAL-SENSITIVE', false);
    expect(css).toContain('@top-center { content: "OFFICIAL-SENSITIVE"');
    expect(css).toContain('@bottom-center { content: "OFFICIAL-SENSITIVE"');
  });
});
