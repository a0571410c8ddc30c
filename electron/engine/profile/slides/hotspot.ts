/**
 * One hotspot's slide: its zoomed map on the left (no risk-zone tint, so the density colours match the
 * legend) and, on the right at body size, what the room needs: how many, where, when, what and the
 * change on the previous period and last year; the test and the regression caveat in brief below,
 * in full with the support rule in the notes (shared/profile/hotspot-slides.ts).
 */
import type { HotspotSlide } from '../../../../shared/profile/model.js';
import { addImageFit } from './image.js';
import {
  ACCENT,
  BODY_PT,
  BODY_SMALL_PT,
  CONTENT,
  type DeckContext,
  FONT,
  frame,
  INK,
  MUTED,
} from './layout.js';

type Run = { text: string; options: Record<string, unknown> };

function labelled(label: string, value: string): Run[] {
  return [
    { text: `${label}: `, options: { bold: true, color: ACCENT } },
    { text: value, options: { color: INK, breakLine: true } },
  ];
}

export function hotspotSlide(ctx: DeckContext, h: HotspotSlide): void {
  const slide = frame(ctx, h.title, [
    ...h.facts.map((f) => `${f.label}: ${f.value}`),
    ...h.notes,
    ...h.details,
  ]);
  const mapW = 6.7;
  addImageFit(slide, h.mapSvg, { x: CONTENT.x, y: CONTENT.y, w: mapW, h: CONTENT.h });
  const x = CONTENT.x + mapW + 0.25;
  const w = CONTENT.x + CONTENT.w - x;
  const runs: Run[] = [
    ...(h.lead
      ? [{ text: h.lead, options: { bold: true, color: INK, fontSize: BODY_PT, breakLine: true } }]
      : []),
    ...(h.where ? labelled('Where', h.where) : []),
    ...(h.when ? labelled('When', h.when) : []),
    ...(h.what ? labelled('What', h.what) : []),
    ...(h.change ?? []).flatMap((line) => {
      const [label, ...rest] = line.split(': ');
      return labelled(label!, rest.join(': '));
    }),
  ];
  slide.addText(runs, {
    x,
    y: CONTENT.y,
    w,
    h: CONTENT.h - 1.0,
    fontFace: FONT,
    fontSize: BODY_SMALL_PT,
    valign: 'top',
    paraSpaceAfter: 6,
    margin: 0.04,
    objectName: 'body',
  });
  if (h.notes.length > 0) {
    slide.addText(h.notes.join(' '), {
      x,
      y: CONTENT.y + CONTENT.h - 0.95,
      w,
      h: 0.95,
      fontFace: FONT,
      fontSize: 14,
      color: MUTED,
      valign: 'bottom',
      margin: 0.04,
      objectName: 'small-test',
    });
  }
}
