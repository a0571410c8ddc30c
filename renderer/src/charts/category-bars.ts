/**
 * Records by category as horizontal bars, most first; beyond `limit` categories the rest are summed
 * into one "Other categories" bar so the chart stays readable in the side panel.
 */
import { scaleLinear } from 'd3';
import { svgRoot } from './svg.js';

const WIDTH = 308;
const ROW = 18;
const LABEL = 130;

export function topCategories(
  byCategory: readonly { category: string | null; count: number }[],
  limit: number,
): { label: string; count: number }[] {
  const sorted = [...byCategory].sort(
    (a, b) => b.count - a.count || String(a.category).localeCompare(String(b.category)),
  );
  const rows = sorted.slice(0, limit).map((c) => ({ label: c.category ?? '(no category)', count: c.count }));
  const rest = sorted.slice(limit).reduce((s, c) => s + c.count, 0);
  if (rest > 0) rows.push({ label: `Other categories (${sorted.length - limit})`, count: rest });
  return rows;
}

export function categoryBars(
  byCategory: readonly { category: string | null; count: number }[],
  limit = 8,
): SVGSVGElement {
  const rows = topCategories(byCategory, limit);
  const height = rows.length * ROW + 4;
  const svg = svgRoot(
    WIDTH,
    height,
    `Records by category: ${rows.map((r) => `${r.label} ${r.count}`).join(', ')}`,
  );
  const x = scaleLinear()
    .domain([0, Math.max(1, ...rows.map((r) => r.count))])
    .range([0, WIDTH - LABEL - 44]);
  const g = svg
    .selectAll('g')
    .data(rows)
    .join('g')
    .attr('transform', (_, i) => `translate(0, ${i * ROW + 2})`);
  g.append('text')
    .attr('class', 'bar-label')
    .attr('x', LABEL - 6)
    .attr('y', ROW / 2)
    .attr('dy', '0.32em')
    .attr('text-anchor', 'end')
    .text((r) => (r.label.length > 22 ? `${r.label.slice(0, 21)}…` : r.label))
    .append('title')
    .text((r) => r.label);
  g.append('rect')
    .attr('class', 'bar')
    .attr('x', LABEL)
    .attr('y', 3)
    .attr('height', ROW - 6)
    .attr('width', (r) => x(r.count));
  g.append('text')
    .attr('class', 'bar-value')
    .attr('x', (r) => LABEL + x(r.count) + 4)
    .attr('y', ROW / 2)
    .attr('dy', '0.32em')
    .text((r) => r.count.toLocaleString('en-GB'));
  return svg.node()!;
}
