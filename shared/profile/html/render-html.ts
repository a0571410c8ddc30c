/**
 * The problem profile as ONE self-contained HTML file (issue 6, exports): inline CSS, inline SVG maps
 * and charts, no script, no external reference of any kind, so it opens offline, prints, and can be
 * e-mailed as it is. The same HTML is the renderer's live preview and the PDF's source (`forPdf`
 * leaves the page margin boxes to the printer's header and footer templates).
 */
import { formatTimestamp } from '../appendix.js';
import { formatDate, formatRange } from '../format.js';
import type { ProfileModel, ProfileSection, ReviewState } from '../model.js';
import { blockHtml, findingsList } from './blocks.js';
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

const SECTION_LEADS: Partial<Record<ProfileSection['id'], string>> = {
  gaps: 'What the data cannot say, and what would close each gap.',
};

function sectionHtml(section: ProfileSection): string {
  const lead = SECTION_LEADS[section.id];
  return (
    `<section id="${section.id}">` +
    `<div class="group">${escapeHtml(section.group)}</div><h2>${escapeHtml(section.title)}</h2>` +
    (lead ? `<p class="lead">${escapeHtml(lead)}</p>` : '') +
    (section.id === 'summary' ? commentary(section) : '') +
    (section.findings && section.findings.length > 0 ? findingsList(section.findings) : '') +
    section.blocks.map(blockHtml).join('') +
    (section.id === 'summary' ? '' : commentary(section)) +
    `</section>`
  );
}

/** Whether and when the analyst reviewed the profile, and how much of it they reworded. */
export function reviewSentence(review: ReviewState): string {
  const edits =
    review.editedFindings === 0
      ? 'No generated finding has been reworded.'
      : `${review.editedFindings} generated finding${review.editedFindings === 1 ? ' was' : 's were'} reworded and ${review.editedFindings === 1 ? 'is' : 'are'} marked "edited by the analyst".`;
  const stale =
    review.staleFindings > 0
      ? ` ${review.staleFindings} of them ${review.staleFindings === 1 ? 'was' : 'were'} edited before the figures last changed and should be checked.`
      : '';
  const status =
    review.reviewedAt === null
      ? 'Draft: the analyst has not yet marked this profile reviewed; the findings are as generated from the data.'
      : `Reviewed by the analyst on ${formatDate(review.reviewedAt)}.`;
  return `${status} ${edits}${stale}`;
}

function responseHtml(sections: ProfileSection[], review: ReviewState): string {
  const strands = sections.map((s) => {
    const body =
      s.findings && s.findings.length > 0
        ? findingsList(s.findings, 'ol', 'actions')
        : '<p class="note">No action recorded.</p>';
    return `<h3>${escapeHtml(s.title)}</h3>${body}`;
  });
  const reviewed =
    review.reviewedAt === null
      ? 'They are suggestions drawn from the findings above; the analyst has not yet marked the profile reviewed.'
      : `They were drawn from the findings above and reviewed by the analyst on ${formatDate(review.reviewedAt)}.`;
  return (
    `<section id="response"><div class="group">Response</div><h2>Response: recommended actions</h2>` +
    `<p class="lead">Recommendations for the partnership, grouped by strand. ${escapeHtml(reviewed)}</p>` +
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
    ['Status', reviewSentence(model.review)],
  ]
    .map(([k, v]) => `<tr><th scope="row">${escapeHtml(k!)}</th><td>${escapeHtml(v!)}</td></tr>`)
    .join('');
  const response = model.sections.filter((s) => s.group === 'Response');
  const body: string[] = [];
  let responseDone = false;
  for (const s of model.sections) {
    if (s.group === 'Response') {
      if (!responseDone) body.push(responseHtml(response, model.review));
      responseDone = true;
      continue;
    }
    // Sections flow on (css.ts, "Page breaks"): a forced page per section left pages half empty.
    body.push(sectionHtml(s));
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
    `<section id="appendix" class="appendix"><div class="group">Appendix</div><h2>Methods, parameters and data provenance</h2>`,
    model.appendix.map(blockHtml).join(''),
    `</section>`,
    `<p class="note">Produced by Hotspot Workbench ${escapeHtml(model.appVersion)} on ${escapeHtml(formatTimestamp(model.generatedAt))}. ${escapeHtml(model.provenanceLine)}</p>`,
    '</main>',
    `<div class="marking-band bottom" role="note">${marking}</div>`,
    '</body></html>',
  ].join('\n');
}
