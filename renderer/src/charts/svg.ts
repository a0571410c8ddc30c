/** An SVG root with a title and description for screen readers, sized by its viewBox. */
import { create } from 'd3';

export function svgRoot(width: number, height: number, title: string) {
  const svg = create('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', '100%')
    .attr('role', 'img')
    .attr('class', 'chart');
  svg.append('title').text(title);
  return svg;
}
