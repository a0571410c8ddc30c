/**
 * The profile's HTML made fit for the preview frame. A srcdoc document inherits the app's CSP, whose
 * style-src 'self' refuses <style> elements and style="…" attributes: each refusal is a console
 * error (hundreds per profile) though the preview then restyles itself through the CSSOM. So the
 * styles are taken out before any document sees the HTML — the stylesheets' text returned apart,
 * each style attribute renamed data-preview-style — and put back through the CSSOM (which CSP does
 * not govern) once the frame has loaded.
 *
 * Text, not a parser: a DOMParser document takes the page's policy and reports the same refusals.
 * The profile's HTML is the app's own (shared/profile/html), where every text and attribute value
 * is escaped (escapeHtml turns " and ' into entities), so ` style="` can only be an attribute and
 * `<style` only an element.
 */

export const PREVIEW_STYLE_ATTRIBUTE = 'data-preview-style';

const STYLE_ELEMENT = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;
const STYLE_ATTRIBUTE = /(<[a-z][\w:-]*\b[^<>]*?\s)style=(?=["'])/gi;

export function withoutInlineStyles(html: string): { html: string; css: string } {
  const sheets: string[] = [];
  const withoutSheets = html.replace(STYLE_ELEMENT, (_, css: string) => {
    sheets.push(css);
    return '';
  });
  // A tag may carry one style attribute; repeat until no tag has one left (nested matches overlap).
  let previous: string;
  let out = withoutSheets;
  do {
    previous = out;
    out = out.replace(STYLE_ATTRIBUTE, `$1${PREVIEW_STYLE_ATTRIBUTE}=`);
  } while (out !== previous);
  return { html: out, css: sheets.join('\n') };
}

/** Puts the styles taken out by withoutInlineStyles back, through the CSSOM. */
export function restoreStyles(doc: Document, win: Window & typeof globalThis, css: string): void {
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(css);
  doc.adoptedStyleSheets = [sheet];
  for (const element of doc.querySelectorAll<HTMLElement | SVGElement>(`[${PREVIEW_STYLE_ATTRIBUTE}]`))
    element.style.cssText = element.getAttribute(PREVIEW_STYLE_ATTRIBUTE) ?? '';
}
