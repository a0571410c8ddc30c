import { describe, expect, it } from 'vitest';
import { svgToPng } from '../../../../../electron/engine/export/rasterise.js';
import { barChartSvg } from '../../../../../shared/profile/bar-chart.js';

describe('svgToPng', () => {
  it('renders a chart with text to a PNG twice the SVG size', () => {
    const svg = barChartSvg({
      title: 'Events by hour',
      labels: ['00', '01'],
      values: [3, 5],
      unit: 'events',
      widthPx: 200,
      heightPx: 100,
    });
    const png = svgToPng(svg, 2);
    expect(Array.from(png.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer, png.byteOffset);
    expect(view.getUint32(16)).toBe(400);
    expect(view.getUint32(20)).toBe(200);
  });
});
