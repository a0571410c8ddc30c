/**
 * The Scanning section (SARA): how big the problem is and whether it is changing. Counts for the
 * period, the previous period of the same length and the same dates last year, each change tested
 * with the exact conditional Poisson test (shared/analysis/compare/poisson-rate-test.ts; DESIGN.md §4
 * "Period comparison and significance"), the month-by-month counts, and an overview map.
 */
import type { RateTestResult } from '../analysis/compare/poisson-rate-test.js';
import { barChartSvg } from './bar-chart.js';
import { formatChange, formatCount, formatMonth, formatP, formatRange, formatShare } from './format.js';
import type { Block, DateRange, ProfileInputs } from './model.js';

function changeRow(label: string, range: DateRange, count: number, test: RateTestResult | null): string[] {
  return [
    label,
    formatRange(range),
    formatCount(count),
    test ? formatChange(test.percentChange) : '',
    test ? formatP(test.pValue) : '',
    test ? test.verdict : '',
  ];
}

/** "up 23.1% on the previous period (significant increase, p = 0.012)". */
export function changeSentence(test: RateTestResult, against: string): string {
  const pct = test.percentChange;
  const move =
    pct === null
      ? 'compared with none'
      : pct > 0
        ? `up ${formatChange(pct).slice(1)}`
        : pct < 0
          ? `down ${formatChange(pct).slice(1)}`
          : 'unchanged';
  return `${move} on ${against} (${test.verdict}, p ${formatP(test.pValue).startsWith('<') ? formatP(test.pValue) : `= ${formatP(test.pValue)}`})`;
}

export function scanningBlocks(inputs: ProfileInputs, overviewSvg: string | null): Block[] {
  const { counts, periods } = inputs;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text:
        `${formatCount(counts.current)} events in the period, ${changeSentence(counts.vsPrevious, 'the previous period')} ` +
        `and ${changeSentence(counts.vsLastYear, 'the same period last year')}.`,
      emphasis: true,
    },
    {
      kind: 'table',
      caption: 'Events by period, with the exact Poisson test of each change against this period',
      columns: [
        { label: 'Period', align: 'left' },
        { label: 'Dates', align: 'left' },
        { label: 'Events', align: 'right' },
        { label: 'Change', align: 'right' },
        { label: 'p', align: 'right' },
        { label: 'Verdict', align: 'left' },
      ],
      rows: [
        changeRow('This period', periods.current, counts.current, null),
        changeRow('Previous period', periods.previous, counts.previous, counts.vsPrevious),
        changeRow('Same period last year', periods.lastYear, counts.lastYear, counts.vsLastYear),
      ],
      highlight: [0],
      note:
        'Change compares daily rates (periods can differ in length by a day). p is the two-sided exact conditional Poisson test ' +
        `(binomial given the total); a verdict of change needs p < ${counts.vsPrevious.alpha}. Counts include area-only records.`,
    },
  ];
  if (inputs.byMonth.length > 1) {
    blocks.push({
      kind: 'figure',
      caption: 'Events by month (start of each record’s time window), comparison periods included',
      svg: barChartSvg({
        title: 'Events by month',
        labels: inputs.byMonth.map((m) => formatMonth(m.month)),
        values: inputs.byMonth.map((m) => m.count),
        unit: 'events',
        widthPx: 760,
        heightPx: 230,
      }),
    });
  }
  if (inputs.byCategory.length > 0) {
    const total = inputs.byCategory.reduce((s, c) => s + c.count, 0);
    blocks.push({
      kind: 'table',
      caption: 'Events in the period by category',
      columns: [
        { label: 'Category', align: 'left' },
        { label: 'Events', align: 'right' },
        { label: 'Share', align: 'right' },
      ],
      rows: inputs.byCategory
        .slice(0, 12)
        .map((c) => [c.category, formatCount(c.count), formatShare(c.count / total)]),
      ...(inputs.byCategory.length > 12
        ? { note: `${inputs.byCategory.length - 12} smaller categories not shown.` }
        : {}),
    });
  }
  if (overviewSvg) {
    blocks.push({
      kind: 'figure',
      caption: 'Overview: density of events in the period and the numbered hotspots',
      svg: overviewSvg,
    });
  }
  return blocks;
}
