/**
 * The problem profile as ONE self-contained HTML file (issue 6, exports): inline CSS, inline SVG maps
 * and charts, no script, no external reference of any kind, so it opens offline, prints, and can be
 * e-mailed as it is. The same HTML is the renderer's live preview and the PDF's source (`forPdf`
 * leaves the page margin boxes to the printer's header and footer templates).
 */
import { formatDate, formatRange } from '../format.js';
import type { ProfileModel, ProfileSection } from '../model.js';
import { recommendationLines } from '../sections.js';
import { blockHtml } from './blocks.js';
import { profileCss } from './css.js';
import { escapeHtml } from './escape.js';

export interface RenderHtmlOptions {
  /** Leave the marking to the PDF printer's header/footer (no @page margin boxes). */
  forPdf?: boolean;
}

function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function commentary(section: ProfileSection): string {
  if (section.text.trim() === '') return '';
  return `<div class="analyst"><div class="label">Analyst’s assessment</div>${paragraphs(section.text)}</div>`;
}

function sectionHtml(section: ProfileSection, pageBreak: boolean): string {
  return (
    `<section id="${section.id}"${pageBreak ? ' class="page"' : ''}>` +
    `<div class="group">${escapeHtml(section.group)}</div><h2>${escapeHtml(section.title)}</h2>` +
    (section.id === 'summary' ? commentary(section) : '') +
    section.blocks.map(blockHtml).join('') +
    (section.id === 'summary' ? '' : commentary(section)) +
    `</section>`
  );
}

function responseHtml(sections: ProfileSection[]): string {
  const strands = sections.map((s) => {
    const lines = recommendationLines(s.text);
    const body =
      lines.length > 0
        ? `<ol class="actions">${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ol>`
        : '<p class="note">No action recorded.</p>';
    return `<h3>${escapeHtml(s.title)}</h3>${body}`;
  });
  return (
    `<section id="response" class="page"><div class="group">Response</div><h2>Response: recommended actions</h2>` +
    `<p>Recommendations for the partnership, grouped by strand. Suggestions were drawn from the findings above and reviewed by the analyst.</p>` +
    `${strands.join('')}</section>`
  );
}

export function renderProfileHtml(model: ProfileModel, options: RenderHtmlOptions = {}): string {
  const { front } = model;
  const marking = escapeHtml(front.marking);
  const frontRows = [
    ['Reference', front.reference],
    ['Author', front.author],
    ['Date', formatDate(front.date)],
    ['Version', front.version],
    ['Protective marking', front.marking],
    ['Subject', model.subjectLabel],
    ['Period', formatRange(model.periods.current)],
  ]
    .map(([k, v]) => `<tr><th>${escapeHtml(k!)}</th><td>${escapeHtml(v!)}</td></tr>`)
    .join('');
  const response = model.sections.filter((s) => s.group === 'Response');
  const body: string[] = [];
  let responseDone = false;
  for (const s of model.sections) {
    if (s.group === 'Response') {
      if (!responseDone) body.push(responseHtml(response));
      responseDone = true;
      continue;
    }
    body.push(sectionHtml(s, s.id === 'scanning' || s.id === 'analysis' || s.id === 'assessment'));
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB"><head><meta charset="utf-8">',
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(front.title)} (${marking})</title>`,
    `<style>${profileCss(front.marking, options.forPdf === true)}</style>`,
    '</head><body>',
    `<div class="marking-band top" role="note">${marking}</div>`,
    '<main>',
    `<header class="cover"><div class="marking">${marking}</div>`,
    `<h1>${escapeHtml(front.title)}</h1>`,
    `<div class="subtitle">Problem profile · ${escapeHtml(model.subjectLabel)} · ${escapeHtml(formatRange(model.periods.current))}</div>`,
    `<table class="facts">${frontRows}</table></header>`,
    body.join(''),
    `<section id="appendix" class="page appendix"><div class="group">Appendix</div><h2>Methods, parameters and data provenance</h2>`,
    model.appendix.map(blockHtml).join(''),
    `</section>`,
    `<p class="note">Produced by Hotspot Workbench ${escapeHtml(model.appVersion)} on ${escapeHtml(model.generatedAt)}. ${escapeHtml(model.provenanceLine)}</p>`,
    '</main>',
    `<div class="marking-band bottom" role="note">${marking}</div>`,
    '</body></html>',
  ].join('\n');
}
