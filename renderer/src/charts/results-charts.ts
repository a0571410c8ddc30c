/**
 * Charts of the Results panel (issue 13 item 6): before and after bars for the target, buffer and
 * control side by side, and the concentration curve (share of crime against share of area, busiest
 * places first) with the diagonal of an even spread.
 */
import { axisBottom, axisLeft, line, scaleBand, scaleLinear } from 'd3';
import type { WdqCounts } from '../../../shared/analysis/results/wdq.js';
import { svgRoot } from './svg.js';

const WIDTH = 308;

export function beforeAfterBars(counts: WdqCounts): SVGSVGElement {
  const height = 150;
  const margin = { top: 16, right: 6, bottom: 22, left: 36 };
  const areas = ['target', 'buffer', 'control'] as const;
  const svg = svgRoot(
    WIDTH,
    height,
    `Events before and after: ${areas.map((k) => `${k} ${counts[k].before} before, ${counts[k].after} after`).join('; ')}`,
  );
  const x = scaleBand<string>()
    .domain([...areas])
    .range([margin.left, WIDTH - margin.right])
    .padding(0.25);
  const inner = scaleBand<string>().domain(['before', 'after']).range([0, x.bandwidth()]).padding(0.08);
  const top = Math.max(1, ...areas.flatMap((k) => [counts[k].before, counts[k].after]));
  const y = scaleLinear()
    .domain([0, top])
    .nice()
    .range([height - margin.bottom, margin.top]);
  svg
    .append('g')
    .attr('transform', `translate(0, ${height - margin.bottom})`)
    .call(axisBottom(x).tickSizeOuter(0));
  svg.append('g').attr('transform', `translate(${margin.left}, 0)`).call(axisLeft(y).ticks(4));
  const bars = areas.flatMap((k) =>
    (['before', 'after'] as const).map((when) => ({ area: k, when, value: counts[k][when] })),
  );
  const g = svg
    .selectAll('g.pair')
    .data(bars)
    .join('g')
    .attr('class', 'pair')
    .attr('transform', (d) => `translate(${(x(d.area) ?? 0) + (inner(d.when) ?? 0)}, 0)`);
  g.append('rect')
    .attr('class', (d) => (d.when === 'before' ? 'bar bar-muted' : 'bar'))
    .attr('y', (d) => y(d.value))
    .attr('width', inner.bandwidth())
    .attr('height', (d) => y(0) - y(d.value))
    .attr('fill-opacity', (d) => (d.when === 'before' ? 0.45 : 1));
  g.append('text')
    .attr('class', 'bar-value')
    .attr('x', inner.bandwidth() / 2)
    .attr('y', (d) => y(d.value) - 3)
    .attr('text-anchor', 'middle')
    .text((d) => String(d.value));
  svg
    .append('text')
    .attr('class', 'chart-note')
    .attr('x', WIDTH - margin.right)
    .attr('y', 10)
    .attr('text-anchor', 'end')
    .text('left bar before, right bar after');
  return svg.node()!;
}

/** points: (share of area, share of crime) from (0, 0) to (1, 1), busiest places first. */
export function concentrationCurveChart(points: readonly [number, number][], caption: string): SVGSVGElement {
  const height = 200;
  const margin = { top: 8, right: 18, bottom: 34, left: 40 };
  const svg = svgRoot(WIDTH, height, caption);
  const x = scaleLinear()
    .domain([0, 1])
    .range([margin.left, WIDTH - margin.right]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([height - margin.bottom, margin.top]);
  const pct = (v: d3Number) => `${Math.round(Number(v) * 100)}%`;
  svg
    .append('g')
    .attr('transform', `translate(0, ${height - margin.bottom})`)
    .call(axisBottom(x).ticks(5).tickFormat(pct));
  svg
    .append('g')
    .attr('transform', `translate(${margin.left}, 0)`)
    .call(axisLeft(y).ticks(5).tickFormat(pct));
  svg
    .append('line')
    .attr('class', 'chart-reference')
    .attr('x1', x(0))
    .attr('y1', y(0))
    .attr('x2', x(1))
    .attr('y2', y(1))
    .attr('stroke', 'currentColor')
    .attr('stroke-dasharray', '3 3')
    .attr('stroke-opacity', 0.5);
  const path = line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  svg
    .append('path')
    .attr('class', 'trend-line')
    .attr('fill', 'none')
    .attr('stroke', 'currentColor')
    .attr('stroke-width', 2)
    .attr('d', path([...points]));
  svg
    .append('text')
    .attr('class', 'chart-note')
    .attr('x', (margin.left + WIDTH - margin.right) / 2)
    .attr('y', height - 4)
    .attr('text-anchor', 'middle')
    .text('share of area (busiest cells first) → share of crime ↑');
  return svg.node()!;
}

type d3Number = number | { valueOf(): number };
