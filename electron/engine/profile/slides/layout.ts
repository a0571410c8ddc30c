/**
 * The deck's page furniture and type scale (issue 12 "slides built for the back of the room"), on
 * pptxgenjs LAYOUT_WIDE (13.33 × 7.5 in, 16:9):
 *
 *   BODY_PT  ≥ 18 pt for everything a slide says (the room reads it from the back)
 *   SMALL_PT 12 pt, the floor, for the marking, the caveat footer, the provenance and chart axes
 *
 * Every slide carries the protective marking top and bottom, the caveat footer (the first caveat in a
 * few words) and the provenance line, and speaker notes with its details, the data's caveats in full
 * and the provenance. Shapes are named (`objectName`) by role, so tests can check each role's size.
 */
import type PptxGenJS from 'pptxgenjs';
import type { ProfileModel } from '../../../../shared/profile/model.js';

export const W = 13.333;
export const H = 7.5;
export const ACCENT = '24476B';
export const INK = '1B1F24';
export const MUTED = '4A545F';
export const FONT = 'Arial';

export const TITLE_PT = 30;
export const BODY_PT = 20;
export const BODY_SMALL_PT = 18;
export const SMALL_PT = 12;

/** The content area between the title and the footer. */
export const CONTENT = { x: 0.45, y: 1.2, w: W - 0.9, h: 5.1 };

export type Slide = ReturnType<PptxGenJS['addSlide']>;

export interface DeckContext {
  pptx: PptxGenJS;
  model: ProfileModel;
  marking: string;
  caveatFooter: string;
}

/** Speaker notes: the slide's own details, the data's caveats in full and the provenance. */
export function slideNotes(model: ProfileModel, details: readonly string[] = []): string {
  return [
    ...details.flatMap((d) => [d, '']),
    'Caveats of the data:',
    ...model.caveats.map((c) => `- ${c}`),
    '',
    model.provenanceLine,
  ].join('\n');
}

/** A new slide with the marking, the title, the caveat footer, the provenance and the notes. */
export function frame(ctx: DeckContext, title: string | null, details: readonly string[] = []): Slide {
  const { pptx, model, marking } = ctx;
  const slide = pptx.addSlide();
  slide.background = { color: 'FFFFFF' };
  const band = {
    x: 0,
    w: W,
    h: 0.3,
    fontFace: FONT,
    fontSize: SMALL_PT,
    bold: true,
    align: 'center' as const,
    color: INK,
    charSpacing: 2,
    margin: 0,
  };
  slide.addText(marking, { ...band, y: 0.04, objectName: 'marking-top' });
  slide.addText(marking, { ...band, y: H - 0.34, objectName: 'marking-bottom' });
  slide.addShape(pptx.ShapeType.line, {
    x: 0.4,
    y: 0.38,
    w: W - 0.8,
    h: 0,
    line: { color: ACCENT, width: 1 },
  });
  if (title !== null) {
    slide.addText(title, {
      x: 0.45,
      y: 0.45,
      w: W - 0.9,
      h: 0.7,
      fontFace: FONT,
      fontSize: TITLE_PT,
      bold: true,
      color: ACCENT,
      margin: 0,
      objectName: 'title',
    });
  }
  if (ctx.caveatFooter) {
    slide.addText(ctx.caveatFooter, {
      x: 0.45,
      y: H - 1.1,
      w: W - 0.9,
      h: 0.45,
      fontFace: FONT,
      fontSize: SMALL_PT,
      italic: true,
      color: MUTED,
      margin: 0,
      valign: 'bottom',
      objectName: 'caveat-footer',
    });
  }
  slide.addText(model.provenanceLine, {
    x: 0.45,
    y: H - 0.62,
    w: W - 0.9,
    h: 0.24,
    fontFace: FONT,
    fontSize: SMALL_PT,
    color: MUTED,
    margin: 0,
    objectName: 'provenance',
  });
  slide.addNotes(slideNotes(model, details));
  return slide;
}

/** Bullets at body size, one message each, top-aligned in `box`. */
export function addBullets(
  slide: Slide,
  lines: readonly string[],
  box: { x: number; y: number; w: number; h: number },
  fontSize = BODY_PT,
): void {
  if (lines.length === 0) return;
  slide.addText(
    lines.map((text) => ({ text, options: { bullet: { indent: 22 }, breakLine: true } })),
    {
      ...box,
      fontFace: FONT,
      fontSize,
      color: INK,
      valign: 'top',
      paraSpaceAfter: 10,
      margin: 0.04,
      objectName: 'body',
    },
  );
}
