import { describe, expect, it } from 'vitest';
import { withoutInlineStyles } from '../../../../renderer/src/panels/preview-html.js';

describe('withoutInlineStyles', () => {
  it('takes out every <style> element and returns their text', () => {
    const { html, css } = withoutInlineStyles(
      '<html><head><style>h1 { color: red; }</style></head><body><svg><style media="print">.a{fill:#000}</style></svg></body></html>',
    );
    expect(html).toBe('<html><head></head><body><svg></svg></body></html>');
    expect(css).toBe('h1 { color: red; }\n.a{fill:#000}');
  });

  it('renames style attributes, in HTML and SVG, double- or single-quoted, several per document', () => {
    const { html } = withoutInlineStyles(
      '<p class="x" style="color: red">a</p><rect width="2" style=\'fill: blue\' /><td style="width:1%">b</td>',
    );
    expect(html).toBe(
      '<p class="x" data-preview-style="color: red">a</p><rect width="2" data-preview-style=\'fill: blue\' /><td data-preview-style="width:1%">b</td>',
    );
    expect(html).not.toMatch(/\sstyle=/);
  });

  it('leaves text alone: escaped text cannot hold an attribute or an element', () => {
    const text = '<p>Use style=&quot;bold&quot; and &lt;style&gt; here</p>';
    expect(withoutInlineStyles(text)).toEqual({ html: text, css: '' });
  });

  it('does not touch attributes that merely end in "style"', () => {
    const text = '<div data-style="a" liststyle="b">c</div>';
    expect(withoutInlineStyles(text).html).toBe(text);
  });
});
