/**
 * The tactical assessment written as the profile writes itself (issue 13 item 1): one marked,
 * self-contained HTML file from the profile's blocks and stylesheet (shared/tasking/tactical-report.ts,
 * marked-page.ts), the same HTML printed to a tagged PDF with the marking in every page's header and
 * footer, or 16:9 slides built with the profile deck's frame (marking bands, caveat footer,
 * provenance line, notes) and its bullet and map slides; every slide's notes hold the method, the
 * glossary, every caveat and the provenance.
 */
import PptxGenJS from 'pptxgenjs';
import type { TacticalResult } from '../../../shared/api/tactical-api.js';
import { ukDate } from '../../../shared/model/time.js';
import { blockHtml } from '../../../shared/profile/html/blocks.js';
import type { ProfileModel } from '../../../shared/profile/model.js';
import { markedPageHtml } from '../../../shared/tasking/marked-page.js';
import { dmyRange } from '../../../shared/tasking/tactical-format.js';
import { allCaveats, differenceFigure, tacticalBlocks } from '../../../shared/tasking/tactical-report.js';
import { slideNotesTail, tacticalSlides } from '../../../shared/tasking/tactical-slides.js';
import type { PdfPrinter } from '../profile/profile-service.js';
import { addBullets, CONTENT, type DeckContext, frame, TITLE_PT } from '../profile/slides/layout.js';
import { bulletSlide, mapSlide } from '../profile/slides/text-slides.js';

export type TacticalFormat = 'html' | 'pdf' | 'pptx';

function periodWords(result: TacticalResult): string {
  return `${dmyRange(result.periods.current)} against ${dmyRange(result.periods.previous)}`;
}

function provenanceLine(result: TacticalResult, appVersion: string): string {
  return `Hotspot Workbench ${appVersion} · ${result.provenance.filterText} · ${result.provenance.crs}`;
}

export function tacticalHtml(
  result: TacticalResult,
  marking: string,
  appVersion: string,
  forPdf = false,
): string {
  const { current, previous, lastYear } = result.periods;
  return markedPageHtml({
    title: 'Tactical assessment',
    subtitle: periodWords(result),
    marking,
    facts: [
      ['Protective marking', marking],
      ['Period', dmyRange(current)],
      ['Compared with', `${dmyRange(previous)} (previous period)`],
      ['and', `${dmyRange(lastYear)} (same period last year)`],
      ['Records', result.provenance.filterText],
      ['Produced', ukDate(Date.now())],
    ],
    body: `<section id="tactical">${tacticalBlocks(result).map(blockHtml).join('')}</section>`,
    footer: `${provenanceLine(result, appVersion)}.`,
    forPdf,
  });
}

async function tacticalPptx(
  result: TacticalResult,
  marking: string,
  appVersion: string,
): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = 'Tactical assessment';
  // The deck's frame reads only the caveats and the provenance line of its model; every slide's
  // notes carry all of them (the data's too: police.uk snapping, month-only dates, windows).
  const model = { caveats: allCaveats(result), provenanceLine: provenanceLine(result, appVersion) };
  const ctx: DeckContext = {
    pptx,
    model: model as Pick<ProfileModel, 'caveats' | 'provenanceLine'> as ProfileModel,
    marking,
    caveatFooter:
      'Counts by window midpoint; changes tested, q across each table. See the notes for caveats.',
  };
  const title = frame(ctx, null, slideNotesTail(result));
  title.addText('Tactical assessment', { ...CONTENT, y: 1.6, h: 1.2, fontSize: TITLE_PT + 10, bold: true });
  addBullets(title, [periodWords(result), result.provenance.filterText], { ...CONTENT, y: 3.0, h: 2.0 });
  const words = tacticalSlides(result);
  bulletSlide(ctx, words.summary);
  const svg = differenceFigure(result, 'Density this period minus the previous period');
  if (svg) mapSlide(ctx, words.hotspots, svg);
  else bulletSlide(ctx, words.hotspots);
  bulletSlide(ctx, words.series);
  bulletSlide(ctx, words.method);
  const out = (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

export async function renderTactical(
  result: TacticalResult,
  format: TacticalFormat,
  options: { marking: string; appVersion: string; printPdf: PdfPrinter },
): Promise<Uint8Array> {
  if (format === 'html')
    return new TextEncoder().encode(tacticalHtml(result, options.marking, options.appVersion));
  if (format === 'pdf')
    return options.printPdf(tacticalHtml(result, options.marking, options.appVersion, true), {
      marking: options.marking,
    });
  return tacticalPptx(result, options.marking, options.appVersion);
}
