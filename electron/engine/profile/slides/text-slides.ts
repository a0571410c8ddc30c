/**
 * Slides that are a title and a few lines: the summary, the actions and the method appendix; the
 * other hotspots' table; and a map beside a few lines (the overview and the series / risk zones).
 */
import type { SlideDeck, SlideWords } from '../../../../shared/profile/model.js';
import { addImageFit } from './image.js';
import {
  ACCENT,
  addBullets,
  BODY_PT,
  BODY_SMALL_PT,
  CONTENT,
  type DeckContext,
  FONT,
  frame,
  INK,
} from './layout.js';

export function bulletSlide(ctx: DeckContext, words: SlideWords): void {
  const slide = frame(ctx, words.title, words.notes);
  addBullets(slide, words.lines, { ...CONTENT, x: CONTENT.x + 0.2, w: CONTENT.w - 0.4 }, BODY_PT);
}

/** A map on the left, the slide's lines on the right (or the lines alone when there is no map). */
export function mapSlide(ctx: DeckContext, words: SlideWords, svg: string | null): void {
  const slide = frame(ctx, words.title, words.notes);
  if (!svg) {
    addBullets(slide, words.lines, CONTENT, BODY_PT);
    return;
  }
  const mapW = 7.4;
  addImageFit(slide, svg, { x: CONTENT.x, y: CONTENT.y, w: mapW, h: CONTENT.h });
  const x = CONTENT.x + mapW + 0.25;
  addBullets(
    slide,
    words.lines,
    { x, y: CONTENT.y, w: CONTENT.x + CONTENT.w - x, h: CONTENT.h },
    BODY_SMALL_PT,
  );
}

export function tableSlide(ctx: DeckContext, t: NonNullable<SlideDeck['otherHotspots']>): void {
  const slide = frame(ctx, t.title, t.notes);
  const header = t.columns.map((c) => ({
    text: c,
    options: { bold: true, color: ACCENT, fill: { color: 'E9EEF3' } },
  }));
  const rows = t.rows.map((r) => r.map((text) => ({ text, options: { color: INK } })));
  slide.addTable([header, ...rows], {
    x: CONTENT.x,
    y: CONTENT.y,
    w: CONTENT.w,
    colW: [5.6, 1.4, 1.2, CONTENT.w - 8.2],
    fontFace: FONT,
    fontSize: BODY_SMALL_PT,
    border: { type: 'solid', pt: 0.75, color: 'C9D0D8' },
    margin: 0.06,
    valign: 'middle',
    objectName: 'body-table',
  });
  if (t.lines.length > 0) {
    addBullets(
      slide,
      t.lines,
      { x: CONTENT.x, y: CONTENT.y + CONTENT.h - 0.6, w: CONTENT.w, h: 0.6 },
      BODY_SMALL_PT,
    );
  }
}
