/**
 * Monthly trend: one bar per calendar month of the filtered records (RecordSummary.byMonth, the month
 * of each record's window start), months with no records shown as gaps rather than skipped, so the
 * time axis stays even. A dashed line marks the mean month.
 */
import { max, scaleBand, scaleLinear } from 'd3';
import { svgRoot } from './svg.js';

const WIDTH = 308;
const HEIGHT = 130;
const MARGIN = { top: 8, right: 6, bottom: 22, left: 34 };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Every month from the first to the last 'yyyy-mm' given, with its count (0 when absent). */
export function fillMonths(
  byMonth: readonly { month: string; count: number }[],
): { month: string; count: number }[] {
  if (byMonth.length === 0) return [];
  const counts = new Map(byMonth.map((m) => [m.month, m.count]));
  const sorted = [...counts.keys()].sort();
  const [y0, m0] = sorted[0].split('-').map(Number);
  const [y1, m1] = sorted[sorted.length - 1].split('-').map(Number);
  const out: { month: string; count: number }[] = [];
  for (let index = y0 * 12 + (m0 - 1); index <= y1 * 12 + (m1 - 1); index++) {
    const key = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    out.push({ month: key, count: counts.get(key) ?? 0 });
  }
  return out;
}

export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${MONTHS[Number(m) - 1]} ${y.slice(2)}`;
}

export function trendChart(byMonth: readonly { month: string; count: number }[]): SVGSVGElement {
  const months = fillMonths(byMonth);
  const total = months.reduce((s, m) => s + m.count, 0);
  const svg = svgRoot(WIDTH, HEIGHT, `Records per month: ${months.length} months, ${total} records`);
  const x = scaleBand<string>()
    .domain(months.map((m) => m.month))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .padding(0.15);
  const y = scaleLinear()
    .domain([0, max(months, (m) => m.count) ?? 1])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const grid = svg.append('g').attr('class', 'chart-grid');
  for (const tick of y.ticks(4)) {
    grid
      .append('line')
      .attr('x1', MARGIN.left)
      .attr('x2', WIDTH - MARGIN.right)
      .attr('y1', y(tick))
      .attr('y2', y(tick));
    grid
      .append('text')
      .attr('x', MARGIN.left - 4)
      .attr('y', y(tick))
      .attr('dy', '0.32em')
      .attr('text-anchor', 'end')
      .text(tick.toLocaleString('en-GB'));
  }
  svg
    .append('g')
    .attr('class', 'chart-bars')
    .selectAll('rect')
    .data(months)
    .join('rect')
    .attr('x', (m) => x(m.month) ?? 0)
    .attr('y', (m) => y(m.count))
    .attr('width', x.bandwidth())
    .attr('height', (m) => y(0) - y(m.count))
    .append('title')
    .text((m) => `${monthLabel(m.month)}: ${m.count.toLocaleString('en-GB')}`);
  if (months.length > 0) {
    const mean = total / months.length;
    svg
      .append('line')
      .attr('class', 'chart-mean')
      .attr('x1', MARGIN.left)
      .attr('x2', WIDTH - MARGIN.right)
      .attr('y1', y(mean))
      .attr('y2', y(mean));
  }
  const every = Math.max(1, Math.ceil(months.length / 6));
  const axis = svg.append('g').attr('class', 'chart-axis');
  months.forEach((m, i) => {
    if (i % every !== 0) return;
    axis
      .append('text')
      .attr('x', (x(m.month) ?? 0) + x.bandwidth() / 2)
      .attr('y', HEIGHT - 6)
      .attr('text-anchor', 'middle')
      .text(monthLabel(m.month));
  });
  return svg.node()!;
}
