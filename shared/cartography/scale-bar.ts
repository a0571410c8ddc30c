/**
 * Scale bar: the longest "nice" length (1, 2 or 5 × 10^k metres) that fits in `maxWidthPx`,
 * drawn as alternating black and white segments with its length in m or km.
 */
import { attrs, escapeXml } from './svg.js';

export function niceLengthM(maxLengthM: number): number {
  if (!(maxLengthM > 0)) throw new RangeError(`maxLengthM must be > 0, got ${maxLengthM}`);
  const power = 10 ** Math.floor(Math.log10(maxLengthM));
  for (const step of [5, 2, 1]) if (step * power <= maxLengthM) return step * power;
  return power;
}

export function formatLength(lengthM: number): string {
  return lengthM >= 1000 ? `${lengthM / 1000} km` : `${lengthM} m`;
}

export function scaleBarSvg(scalePxPerM: number, x: number, y: number, maxWidthPx: number): string {
  const lengthM = niceLengthM(maxWidthPx / scalePxPerM);
  const widthPx = lengthM * scalePxPerM;
  const half = widthPx / 2;
  return [
    `<g class="scale-bar" font-size="11">`,
    `<rect ${attrs({ x: x - 4, y: y - 16, width: widthPx + 8, height: 26, fill: '#ffffff', 'fill-opacity': '0.85' })}/>`,
    `<rect ${attrs({ x, y, width: half, height: 5, fill: '#222222' })}/>`,
    `<rect ${attrs({ x: x + half, y, width: half, height: 5, fill: '#ffffff', stroke: '#222222', 'stroke-width': 0.8 })}/>`,
    `<text ${attrs({ x, y: y - 4 })}>0</text>`,
    `<text ${attrs({ x: x + widthPx, y: y - 4, 'text-anchor': 'end' })}>${escapeXml(formatLength(lengthM))}</text>`,
    `</g>`,
  ].join('');
}
