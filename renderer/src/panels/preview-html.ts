/**
 * The profile's HTML made fit for the preview frame. A srcdoc document inherits the app's CSP, whose
 * style-src 'self' refuses <style> elements and style="…" attributes: each refusal is a console
 * error (hundreds per profile) though the preview then restyles itself through the CSSOM. So the
 * styles are taken out before the frame sees the HTML — the stylesheets' text returned apart, each
 * style attribute kept as data-preview-style — and put back through the CSSOM (which CSP does not
 * govern) once the frame has loaded. Parsing with DOMParser applies no policy and runs nothing.
 */

export const PREVIEW_STYLE_ATTRIBUTE = 'data-preview-style';

export function withoutInlineStyles(html: string): { html: string; css: string } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const sheets = [...doc.querySelectorAll('style')];
  const css = sheets.map((style) => style.textContent ?? '').join('\n');
  for (const style of sheets) style.remove();
  for (const element of doc.querySelectorAll('[style]')) {
    element.setAttribute(PREVIEW_STYLE_ATTRIBUTE, element.getAttribute('style') ?? '');
    element.removeAttribute('style');
  }
  // A CSP <meta> of the profile's own would only narrow the inherited policy further; keep it.
  return { html: `<!doctype html>\n${doc.documentElement.outerHTML}`, css };
}

/** Puts the styles taken out by withoutInlineStyles back, through the CSSOM. */
export function restoreStyles(doc: Document, win: Window & typeof globalThis, css: string): void {
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(css);
  doc.adoptedStyleSheets = [sheet];
  for (const element of doc.querySelectorAll<HTMLElement | SVGElement>(`[${PREVIEW_STYLE_ATTRIBUTE}]`))
    element.style.cssText = element.getAttribute(PREVIEW_STYLE_ATTRIBUTE) ?? '';
}
