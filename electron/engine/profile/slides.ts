/**
 * JAG / tasking slides from a profile (issue 6, exports; DESIGN.md §1 "a clean map of each hotspot
 * with its key facts, in the house 16:9 format"), with pptxgenjs on LAYOUT_WIDE (13.33 × 7.5 in):
 *
 *   1 title (title, subject, period, author, date, reference, marking)
 *   2 key findings            3 overview map (density, numbered hotspots)
 *   4… one per hotspot: zoomed map, key facts, events by hour of day (native bar chart)
 *   near-repeat findings with the Knox table       recommended actions by strand
 *
 * Every slide carries the protective marking in a text box at the top and at the bottom, the
 * provenance line and a caveats line in its footer, and the data's caveats in full in its speaker
 * notes (one wording: the profile model's `caveats`). Findings the analyst reworded say so; the
 * title slide says whether the analyst has marked the profile reviewed. Maps are the profile's SVGs
 * rasterised by resvg with the bundled font (no browser).
 */
import PptxGenJS from 'pptxgenjs';
import { findingWithMark } from '../../../shared/profile/findings.js';
import { formatDate, formatP, formatRange, formatRatio } from '../../../shared/profile/format.js';
import type { Finding, ProfileModel } from '../../../shared/profile/model.js';
import { recommendationLines } from '../../../shared/profile/sections.js';
import { svgToPng } from '../export/rasterise.js';

const W = 13.333;
const H = 7.5;
const ACCENT = '24476B';
const INK = '1B1F24';
const MUTED = '5A6470';
const FONT = 'Arial';

type Slide = ReturnType<PptxGenJS['addSlide']>;

function pngData(svg: string): string {
  return `data:image/png;base64,${Buffer.from(svgToPng(svg, 2)).toString('base64')}`;
}

/** Aspect ratio of an SVG from its width/height attributes. */
function svgSize(svg: string): { w: number; h: number } {
  const w = Number(/width="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 4);
  const h = Number(/height="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 3);
  return { w, h };
}

function frame(
  pptx: PptxGenJS,
  model: ProfileModel,
  marking: string,
  title: string | null,
  details: readonly string[] = [],
): Slide {
  const slide = pptx.addSlide();
  slide.background = { color: 'FFFFFF' };
  const band = {
    x: 0,
    w: W,
    h: 0.3,
    fontFace: FONT,
    fontSize: 11,
    bold: true,
    align: 'center' as const,
    color: INK,
    charSpacing: 2,
    margin: 0,
  };
  slide.addText(marking, { ...band, y: 0.02, objectName: 'marking-top' });
  slide.addText(marking, { ...band, y: H - 0.32, objectName: 'marking-bottom' });
  slide.addShape(pptx.ShapeType.line, {
    x: 0.4,
    y: 0.34,
    w: W - 0.8,
    h: 0,
    line: { color: ACCENT, width: 1 },
  });
  if (title !== null) {
    slide.addText(title, {
      x: 0.45,
      y: 0.42,
      w: W - 0.9,
      h: 0.6,
      fontFace: FONT,
      fontSize: 24,
      bold: true,
      color: ACCENT,
      margin: 0,
    });
  }
  slide.addText(model.provenanceLine, {
    x: 0.45,
    y: H - 0.58,
    w: W - 0.9,
    h: 0.22,
    fontFace: FONT,
    fontSize: 8,
    color: MUTED,
    margin: 0,
  });
  if (model.caveats.length > 0) {
    slide.addText(caveatLine(model.caveats), {
      x: 0.45,
      y: H - 0.8,
      w: W - 0.9,
      h: 0.22,
      fontFace: FONT,
      fontSize: 8,
      italic: true,
      color: MUTED,
      margin: 0,
      fit: 'shrink',
    });
  }
  slide.addNotes(slideNotes(model, details));
  return slide;
}

/** Footer line: the first caveat, and how many more are in the notes. */
export function caveatLine(caveats: readonly string[]): string {
  const first = caveats[0] ?? '';
  const short = first.length > 170 ? `${first.slice(0, 167).trimEnd()}…` : first;
  return caveats.length > 1
    ? `Caveat: ${short} (+${caveats.length - 1} more in the notes)`
    : `Caveat: ${short}`;
}

/** Speaker notes of every slide: its own details, the data's caveats in full and the provenance. */
export function slideNotes(model: ProfileModel, details: readonly string[] = []): string {
  return [
    ...details.flatMap((d) => [d, '']),
    'Caveats of the data:',
    ...model.caveats.map((c) => `- ${c}`),
    '',
    model.provenanceLine,
  ].join('\n');
}

function findingsOf(model: ProfileModel, id: string): Finding[] {
  return model.sections.find((s) => s.id === id)?.findings ?? [];
}

function addImageFit(slide: Slide, svg: string, box: { x: number; y: number; w: number; h: number }): void {
  const { w, h } = svgSize(svg);
  const scale = Math.min(box.w / w, box.h / h);
  const iw = w * scale;
  const ih = h * scale;
  slide.addImage({
    data: pngData(svg),
    x: box.x + (box.w - iw) / 2,
    y: box.y + (box.h - ih) / 2,
    w: iw,
    h: ih,
  });
}

function factsTable(
  slide: Slide,
  rows: { label: string; value: string }[],
  box: { x: number; y: number; w: number },
  fontSize = 11,
): void {
  slide.addTable(
    rows.map((r) => [
      { text: r.label, options: { bold: true, color: MUTED } },
      { text: r.value, options: { color: INK } },
    ]),
    {
      x: box.x,
      y: box.y,
      w: box.w,
      colW: [box.w * 0.32, box.w * 0.68],
      fontFace: FONT,
      fontSize,
      border: { type: 'solid', pt: 0.5, color: 'D5DBE1' },
      valign: 'top',
      margin: 0.04,
    },
  );
}

export async function buildSlides(model: ProfileModel, marking = model.front.marking): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = model.front.title;
  pptx.author = model.front.author;
  pptx.subject = `${model.subjectLabel}, ${formatRange(model.periods.current)}`;

  const title = frame(pptx, model, marking, null);
  title.addText(model.front.title, {
    x: 0.8,
    y: 1.9,
    w: W - 1.6,
    h: 1.2,
    fontFace: FONT,
    fontSize: 36,
    bold: true,
    color: ACCENT,
    margin: 0,
  });
  title.addText(`${model.subjectLabel} · ${formatRange(model.periods.current)}`, {
    x: 0.8,
    y: 3.15,
    w: W - 1.6,
    h: 0.5,
    fontFace: FONT,
    fontSize: 18,
    color: INK,
    margin: 0,
  });
  title.addText(
    [
      `${model.front.author || 'Analyst'} · ${formatDate(model.front.date)}`,
      `Reference ${model.front.reference || '—'} · version ${model.front.version}`,
      model.review.reviewedAt === null
        ? 'Draft: not yet marked reviewed by the analyst'
        : `Reviewed by the analyst on ${formatDate(model.review.reviewedAt)}`,
    ].join('\n'),
    { x: 0.8, y: 4.0, w: W - 1.6, h: 1.1, fontFace: FONT, fontSize: 14, color: MUTED, margin: 0 },
  );
  title.addText(marking, {
    x: 0.8,
    y: 5.2,
    w: 4.2,
    h: 0.55,
    fontFace: FONT,
    fontSize: 18,
    bold: true,
    align: 'center',
    color: INK,
    line: { color: INK, width: 2 },
    margin: 0.05,
  });

  const findings = frame(pptx, model, marking, 'Key findings');
  const summary = findingsOf(model, 'summary');
  findings.addText(
    (summary.length > 0 ? summary.map(findingWithMark) : model.headlines).map((text) => ({
      text,
      options: { bullet: true, breakLine: true },
    })),
    {
      x: 0.6,
      y: 1.2,
      w: W - 1.2,
      h: 5.2,
      fontFace: FONT,
      fontSize: 16,
      color: INK,
      valign: 'top',
      paraSpaceAfter: 8,
      fit: 'shrink',
    },
  );

  if (model.overviewMapSvg) {
    const overview = frame(pptx, model, marking, 'Overview: density and hotspots');
    addImageFit(overview, model.overviewMapSvg, { x: 0.45, y: 1.1, w: W - 0.9, h: H - 1.75 });
  }

  for (const h of model.hotspotSlides) {
    const slide = frame(pptx, model, marking, h.title, h.details);
    addImageFit(slide, h.mapSvg, { x: 0.45, y: 1.1, w: 7.1, h: H - 2.0 });
    factsTable(slide, h.facts, { x: 7.8, y: 1.1, w: 5.1 }, 9);
    if (h.notes.length > 0) {
      slide.addText(h.notes.join(' '), {
        x: 7.8,
        y: 4.75,
        w: 5.1,
        h: 0.8,
        fontFace: FONT,
        fontSize: 9,
        color: MUTED,
        margin: 0,
        valign: 'top',
        fit: 'shrink',
      });
    }
    if (!h.chart) continue;
    slide.addChart(pptx.ChartType.bar, [{ name: 'Events', labels: h.chart.labels, values: h.chart.values }], {
      x: 7.75,
      y: 5.6,
      w: 5.2,
      h: 1.05,
      barDir: 'col',
      chartColors: ['7F9CB8'],
      showTitle: true,
      title: h.chart.title,
      titleFontSize: 12,
      titleFontFace: FONT,
      catAxisLabelFontSize: 8,
      valAxisLabelFontSize: 8,
      catAxisLabelFontFace: FONT,
      valAxisLabelFontFace: FONT,
      showLegend: false,
      valGridLine: { color: 'E5E8EC', size: 0.5 },
    });
  }

  const nr = frame(pptx, model, marking, 'Near-repeat victimisation');
  const analysis = model.sections.find((s) => s.id === 'analysis');
  const knox = analysis?.blocks.find((b) => b.kind === 'knox');
  nr.addText(model.nearRepeatHeadline ?? 'No near-repeat test: see the profile for the reason.', {
    x: 0.6,
    y: 1.15,
    w: W - 1.2,
    h: 0.9,
    fontFace: FONT,
    fontSize: 17,
    bold: true,
    color: INK,
    margin: 0,
    valign: 'top',
  });
  if (knox && knox.kind === 'knox') {
    const header = [
      { text: 'Distance \\ time', options: { bold: true, fill: { color: 'E9EEF3' } } },
      ...knox.timeLabels.map((l) => ({
        text: l,
        options: { bold: true, fill: { color: 'E9EEF3' }, align: 'center' as const },
      })),
    ];
    const rows = knox.observed.map((row, r) => [
      { text: knox.distanceLabels[r]!, options: { bold: true } },
      ...row.map((obs, c) => {
        const ratio = knox.ratio[r]![c]!;
        const p = knox.pValue[r]![c]!;
        const q = knox.qValue?.[r]?.[c];
        const sig = knox.significant?.[r]?.[c] === true;
        return {
          text: `${obs} · ${formatRatio(ratio)} · p ${formatP(p)}${q === undefined ? '' : ` · q ${formatP(q)}`}`,
          options: { align: 'center' as const, ...(sig ? { fill: { color: 'FDD49E' }, bold: true } : {}) },
        };
      }),
    ]);
    nr.addTable([header, ...rows], {
      x: 0.6,
      y: 2.15,
      w: W - 1.2,
      fontFace: FONT,
      fontSize: 10,
      border: { type: 'solid', pt: 0.5, color: 'C9D0D8' },
      margin: 0.04,
    });
    nr.addText(
      'Each cell: observed pairs · Knox ratio · p-value · q (Benjamini–Hochberg across the table). Shaded: significant ' +
        '(q < 0.05, ratio above 1.00). Bands are half-open [a, b). Clustering in space and time, not proof of a common offender.',
      {
        x: 0.6,
        y: H - 1.3,
        w: W - 1.2,
        h: 0.45,
        fontFace: FONT,
        fontSize: 10,
        color: MUTED,
        margin: 0,
      },
    );
  }

  const actions = frame(pptx, model, marking, 'Recommended actions');
  const strands = model.sections.filter((s) => s.group === 'Response');
  strands.forEach((s, k) => {
    const x = 0.5 + (k % 2) * 6.25;
    const y = 1.1 + Math.floor(k / 2) * 2.75;
    const lines = s.findings ? s.findings.map(findingWithMark) : recommendationLines(s.text);
    actions.addText(
      [
        { text: s.title, options: { bold: true, fontSize: 15, color: ACCENT, breakLine: true } },
        ...(lines.length > 0 ? lines : ['No action recorded.']).map((text) => ({
          text,
          options: { bullet: true, fontSize: 11, color: INK, breakLine: true },
        })),
      ],
      {
        x,
        y,
        w: 6.05,
        h: 2.6,
        fontFace: FONT,
        valign: 'top',
        fit: 'shrink',
        line: { color: 'D5DBE1', width: 0.75 },
        margin: 0.1,
        paraSpaceAfter: 3,
      },
    );
  });

  const out = (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
