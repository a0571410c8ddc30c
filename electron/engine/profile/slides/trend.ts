/**
 * The trend slide: monthly counts of the period and of the same months last year as a native line
 * chart (editable in PowerPoint), a month without data left as a gap (`displayBlanksAs: 'gap'`),
 * never drawn as 0; the period comparison's verdicts beside it (shared/profile/slide-trend.ts).
 */
import type { TrendSlide } from '../../../../shared/profile/model.js';
import { addBullets, BODY_SMALL_PT, CONTENT, type DeckContext, FONT, frame } from './layout.js';

/** Chart text: axes and legend at 14 pt, above the 12 pt floor. */
const CHART_PT = 14;

export function trendSlideOf(ctx: DeckContext, t: TrendSlide): void {
  const slide = frame(ctx, t.title, t.notes);
  const chartW = 7.6;
  slide.addChart(
    ctx.pptx.ChartType.line,
    [
      { name: 'This period', labels: t.months, values: t.current as number[] },
      { name: 'Same months last year', labels: t.months, values: t.lastYear as number[] },
    ],
    {
      x: CONTENT.x,
      y: CONTENT.y,
      w: chartW,
      h: CONTENT.h - 0.1,
      chartColors: ['C0392B', '7F8C9A'],
      lineSize: 3,
      lineDataSymbolSize: 9,
      displayBlanksAs: 'gap',
      showLegend: true,
      legendPos: 'b',
      legendFontSize: CHART_PT,
      legendFontFace: FONT,
      catAxisLabelFontSize: CHART_PT,
      valAxisLabelFontSize: CHART_PT,
      catAxisLabelFontFace: FONT,
      valAxisLabelFontFace: FONT,
      valAxisMinVal: 0,
      showValAxisTitle: true,
      valAxisTitle: 'Events per month',
      valAxisTitleFontSize: CHART_PT,
      valGridLine: { color: 'E5E8EC', size: 0.5 },
    },
  );
  const x = CONTENT.x + chartW + 0.25;
  addBullets(slide, t.lines, { x, y: CONTENT.y, w: CONTENT.x + CONTENT.w - x, h: CONTENT.h }, BODY_SMALL_PT);
}
