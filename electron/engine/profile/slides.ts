/**
 * JAG / tasking slides from a profile (issue 6, exports; issue 12 "slides built for the back of the
 * room"; DESIGN.md §1 "a clean map of each hotspot with its key facts, in the house 16:9 format"),
 * with pptxgenjs on LAYOUT_WIDE (13.33 × 7.5 in). One message per slide, in this order:
 *
 *   title · summary · trend (monthly, with last year) · where (overview map, jargon explained)
 *   · one slide per hotspot (≤ 5, by events and significance) · the other hotspots in one table
 *   · series and risk zones · actions · method and caveats (the Knox table in its notes)
 *
 * Body text is ≥ 18 pt and nothing is below 12 pt (slides/layout.ts). The words come from the
 * profile model's deck (shared/profile/slide-deck.ts, hotspot-slides.ts): short on each slide's face,
 * in full in its speaker notes, with the data's caveats and the provenance. Maps are the profile's
 * SVGs rasterised by resvg with the bundled font (no browser).
 */
import PptxGenJS from 'pptxgenjs';
import { formatRange } from '../../../shared/profile/format.js';
import type { ProfileModel } from '../../../shared/profile/model.js';
import { hotspotSlide } from './slides/hotspot.js';
import type { DeckContext } from './slides/layout.js';
import { bulletSlide, mapSlide, tableSlide } from './slides/text-slides.js';
import { titleSlide } from './slides/title.js';
import { trendSlideOf } from './slides/trend.js';

export { slideNotes } from './slides/layout.js';

/**
 * `pause` runs after each slide that draws a map (each a synchronous rasterisation): the profile
 * export passes its job's checkpoint there, so a cancel stops the deck within one map.
 */
export async function buildSlides(
  model: ProfileModel,
  marking = model.front.marking,
  pause: () => Promise<void> = async () => {},
): Promise<Uint8Array> {
  const deck = model.deck;
  if (!deck)
    throw new RangeError('the profile model has no slide deck: rebuild the profile before writing slides');
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = model.front.title;
  pptx.author = model.front.author;
  pptx.subject = `${model.subjectLabel}, ${formatRange(model.periods.current)}`;
  const ctx: DeckContext = { pptx, model, marking, caveatFooter: deck.caveatFooter };

  titleSlide(ctx);
  bulletSlide(ctx, deck.summary);
  if (deck.trend) trendSlideOf(ctx, deck.trend);
  if (model.overviewMapSvg) mapSlide(ctx, deck.overview, model.overviewMapSvg);
  await pause();
  for (const h of model.hotspotSlides) {
    hotspotSlide(ctx, h);
    await pause();
  }
  if (deck.otherHotspots) tableSlide(ctx, deck.otherHotspots);
  mapSlide(ctx, deck.series, deck.series.mapSvg);
  await pause();
  bulletSlide(ctx, deck.actions);
  bulletSlide(ctx, deck.appendix);

  const out = (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
