/** The title slide: title, subject and period, author and date, reference, review state, marking. */
import { formatDate, formatRange } from '../../../../shared/profile/format.js';
import { ACCENT, BODY_PT, type DeckContext, FONT, frame, INK, MUTED, W } from './layout.js';

export function titleSlide(ctx: DeckContext): void {
  const { model, marking } = ctx;
  const slide = frame(ctx, null);
  const box = { x: 0.8, w: W - 1.6, fontFace: FONT, margin: 0 };
  slide.addText(model.front.title, {
    ...box,
    y: 1.3,
    h: 1.5,
    fontSize: 40,
    bold: true,
    color: ACCENT,
    valign: 'bottom',
    objectName: 'title',
  });
  slide.addText(`${model.subjectLabel} · ${formatRange(model.periods.current)}`, {
    ...box,
    y: 2.95,
    h: 0.6,
    fontSize: 24,
    color: INK,
    objectName: 'body-subject',
  });
  slide.addText(
    [
      `${model.front.author || 'Analyst'} · ${formatDate(model.front.date)}`,
      `Reference ${model.front.reference || '—'} · version ${model.front.version}`,
      model.review.reviewedAt === null
        ? 'Draft: not yet marked reviewed by the analyst'
        : `Reviewed by the analyst on ${formatDate(model.review.reviewedAt)}`,
    ].join('\n'),
    { ...box, y: 3.7, h: 1.3, fontSize: BODY_PT, color: MUTED, objectName: 'body-front' },
  );
  slide.addText(marking, {
    ...box,
    y: 5.15,
    w: 4.6,
    h: 0.6,
    fontSize: BODY_PT,
    bold: true,
    align: 'center',
    color: INK,
    line: { color: INK, width: 2 },
    margin: 0.05,
    objectName: 'body-marking',
  });
}
