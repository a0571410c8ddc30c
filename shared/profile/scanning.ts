/**
 * The Scanning section (SARA): how big the problem is and whether it is changing. Counts for the
 * period, the previous period of the same length and the same dates last year, each change tested
 * with the exact conditional Poisson test and Benjamini–Hochberg q (period-words.ts; DESIGN.md §4
 * "Period comparison and significance"; a period the data do not cover is "no data", never 0), the
 * month-by-month counts, and an overview map.
 */
import { barChartSvg } from './bar-chart.js';
import { formatCount, formatMonth, formatRange, formatShare } from './format.js';
import type { Block, ProfileInputs } from './model.js';
import { changeCells, changeSentence, TEST_IN_WORDS } from './period-words.js';

export function scanningBlocks(inputs: ProfileInputs, overviewSvg: string | null): Block[] {
  const { counts, periods, coverage } = inputs;
  const alpha = counts.vsPrevious?.alpha ?? counts.vsLastYear?.alpha ?? 0.05;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text:
        `${formatCount(counts.current)} events in the period; ` +
        `${changeSentence(counts.previous, counts.vsPrevious, 'the previous period', periods.previous, coverage)}; ` +
        `${changeSentence(counts.lastYear, counts.vsLastYear, 'the same period last year', periods.lastYear, coverage)}.`,
      emphasis: true,
    },
    {
      kind: 'table',
      caption: `Events by period, each earlier period tested against this one (${TEST_IN_WORDS})`,
      columns: [
        { label: 'Period', align: 'left' },
        { label: 'Dates', align: 'left' },
        { label: 'Events', align: 'right' },
        { label: 'Change', align: 'right' },
        { label: 'p', align: 'right' },
        { label: 'q (BH)', align: 'right' },
        { label: 'Verdict', align: 'left' },
      ],
      rows: [
        ['This period', formatRange(periods.current), formatCount(counts.current), '', '', '', ''],
        [
          'Previous period',
          formatRange(periods.previous),
          ...changeCells(counts.previous, counts.vsPrevious),
        ],
        [
          'Same period last year',
          formatRange(periods.lastYear),
          ...changeCells(counts.lastYear, counts.vsLastYear),
        ],
      ],
      highlight: [0],
      note:
        'Each record counts once, in the period holding the midpoint of its time window. Change compares daily rates ' +
        `(periods can differ in length by a day). p is the two-sided ${TEST_IN_WORDS} (binomial given the total); ` +
        `q is p after Benjamini–Hochberg correction across the rows compared; a verdict of change needs q < ${alpha}. ` +
        '"No data" marks a period the data do not cover: it is not counted as zero and not tested. Counts include area-only records.',
    },
  ];
  // A trend needs at least two months with data; a single month is said in the table above.
  if (inputs.byMonth.filter((m) => m.count !== null).length > 1) {
    blocks.push({
      kind: 'figure',
      caption:
        'Events by month (midpoint of each record’s time window), comparison periods included' +
        (inputs.byMonth.some((m) => m.count === null)
          ? `; no data for ${inputs.byMonth
              .filter((m) => m.count === null)
              .map((m) => formatMonth(m.month))
              .join(', ')} (shown empty, not zero)`
          : ''),
      svg: barChartSvg({
        title: 'Events by month',
        labels: inputs.byMonth.map((m) => formatMonth(m.month)),
        values: inputs.byMonth.map((m) => m.count ?? 0),
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
      caption: `Overview: density of events in the period and the numbered hotspots${inputs.kde ? ` (hotspots: ${inputs.kde.support.rule})` : ''}`,
      svg: overviewSvg,
    });
  }
  return blocks;
}
