/**
 * A static map as one SVG string, drawn without any network access, for the problem profile (HTML,
 * PDF) and the slides (rasterised to PNG by the engine). Layers from bottom to top: land, density
 * surface as filled contour bands, boundaries, streets, points, hotspot outlines with numbers, then
 * the furniture every printed map needs: title, legend with units, scale bar, north arrow and a
 * provenance line. All geometry is in project CRS metres.
 */
import { contours } from 'd3-contour';
import type { Grid } from '../model/grid.js';
import { type PrintBasemap, rasterBasemapSvg } from './basemap-tiles.js';
import { type Extent, type MapFrame, makeFrame } from './frame.js';
import { hotspotLabelPlacement } from './hotspot-label.js';
import { labelPoint } from './label-point.js';
import { type LegendEntry, legendSvg } from './legend.js';
import { northArrowSvg } from './north-arrow.js';
import {
  BOUNDARY_STROKE,
  densityRamp,
  HIGHLIGHT_STROKE,
  HOTSPOT_OUTLINE,
  LAND_FILL,
  MAJOR_STREET_STROKE,
  POINT_FILL,
  STREET_STROKE,
  ZONE_STROKE,
} from './ramp.js';
import { scaleBarSvg } from './scale-bar.js';
import { streetLabelsSvg } from './street-labels.js';
import { attrs, escapeXml, lineData, multiPolygonData } from './svg.js';

type MultiPolygonCoords = number[][][][];

export interface StaticMapOptions {
  extent: Extent;
  widthPx: number;
  heightPx: number;
  title?: string;
  /** Small print at the bottom: data sources, CRS, date. */
  provenance?: string;
  boundaries?: { polygons: MultiPolygonCoords; label?: string }[];
  /** Rivers and lakes of the basemap, drawn first (under everything). */
  water?: { polygons: MultiPolygonCoords; label?: string }[];
  streets?: { coords: number[][]; name?: string; major?: boolean }[];
  /** Density surface drawn as bands between the thresholds (ascending), in the surface's unit. */
  surface?: { grid: Grid; thresholds: number[]; unit: string; labels?: string[] };
  points?: { x: ArrayLike<number>; y: ArrayLike<number>; label?: string };
  hotspots?: { polygons: MultiPolygonCoords; label: string }[];
  /** The subject of a profile (a chosen area, a series footprint), outlined in a strong blue. */
  highlight?: { polygons: MultiPolygonCoords; label: string };
  /** Risk zones (closed rings) of live near-repeat chains, dashed. */
  zones?: { rings: number[][][]; label: string };
  legendTitle?: string;
  /** Legend text of the numbered outlines; default "Hotspot (numbered)". */
  hotspotLegend?: string;
  /** Name the streets along their longest stretch in view (zoomed maps: slides, hotspot figures). */
  streetLabels?: boolean;
  /** The project's raster basemap (tiles read by the engine), drawn faded under everything. */
  basemap?: { crs: string; raster: PrintBasemap };
  /** Small print above the provenance: the basemap's attribution, or why it is not shown. */
  basemapCredit?: string;
}

const MAX_CIRCLE_POINTS = 5_000;
/** Radius of a hotspot's number disc. */
const HOTSPOT_LABEL_RADIUS_PX = 10;
/** Risk-zone tint: ZONE_STROKE at ZONE_OPACITY over LAND_FILL, precomputed for the legend's swatch. */
const ZONE_OPACITY = 0.18;
const ZONE_TINT = '#ded4e1';

const FONT = "font-family=\"'DejaVu Sans', 'Segoe UI', Arial, sans-serif\"";

export function renderStaticMap(options: StaticMapOptions): string {
  const { widthPx, heightPx } = options;
  const frame = makeFrame(options.extent, widthPx, heightPx, 12);
  const legend: LegendEntry[] = [];
  const body: string[] = [`<rect width="${widthPx}" height="${heightPx}" fill="${LAND_FILL}"/>`];
  if (options.basemap) body.push(rasterBasemapSvg(frame, options.basemap.raster, options.basemap.crs));

  const water = options.water?.filter((w) => overlaps(w.polygons, options.extent)) ?? [];
  if (water.length > 0) body.push(waterSvg(frame, water, legend));
  if (options.surface) body.push(surfaceSvg(frame, options.surface, legend));
  if (options.boundaries) body.push(boundariesSvg(frame, options.boundaries, legend));
  if (options.streets) body.push(streetsSvg(frame, options.streets, legend));
  if (options.streets && options.streetLabels) body.push(streetLabelsSvg(frame, options.streets));
  if (options.points) body.push(pointsSvg(frame, options.points, legend));
  if (options.zones) body.push(zonesSvg(frame, options.zones, legend));
  if (options.hotspots) body.push(hotspotsSvg(frame, options.hotspots, legend, options.hotspotLegend));
  if (options.highlight) body.push(highlightSvg(frame, options.highlight, legend));

  const furniture: string[] = [];
  if (options.title) {
    furniture.push(
      `<rect x="0" y="0" width="${widthPx}" height="30" fill="#ffffff" fill-opacity="0.88"/>`,
      `<text ${attrs({ x: 12, y: 20, 'font-size': 15, 'font-weight': 'bold' })}>${escapeXml(options.title)}</text>`,
    );
  }
  // Every legend states its unit (DESIGN.md §4): a surface's unit is added to a title that lacks it.
  const unit = options.surface?.unit;
  let legendTitle = options.legendTitle ?? (unit ? 'Density' : 'Legend');
  if (unit && !legendTitle.includes(unit)) legendTitle = `${legendTitle} (${unit})`;
  if (legend.length > 0) furniture.push(legendSvg(legendTitle, legend, 12, options.title ? 40 : 12, 210));
  furniture.push(northArrowSvg(widthPx - 30, options.title ? 42 : 14));
  furniture.push(scaleBarSvg(frame.scale, widthPx - 170, heightPx - 24, 150));
  if (options.basemapCredit) furniture.push(smallPrint(options.basemapCredit, widthPx, heightPx - 15));
  if (options.provenance) {
    // A light band behind the small print keeps it readable over the surface (≈ 5.2 px per character at 9 px).
    const bandWidthPx = Math.min(widthPx - 190, options.provenance.length * 5.2 + 10);
    furniture.push(
      `<rect ${attrs({ x: 6, y: heightPx - 19, width: bandWidthPx, height: 15, fill: '#ffffff', 'fill-opacity': '0.8' })}/>`,
      `<text ${attrs({ x: 12, y: heightPx - 8, 'font-size': 9, fill: '#444444' })}>${escapeXml(options.provenance)}</text>`,
    );
  }

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${widthPx}" height="${heightPx}" viewBox="0 0 ${widthPx} ${heightPx}" ${FONT}>`,
    // A nested <svg> clips the map body to the frame without an id: many maps can share one HTML page.
    `<svg width="${widthPx}" height="${heightPx}" overflow="hidden">${body.join('')}</svg>`,
    ...furniture,
    `</svg>`,
  ].join('');
}

/** One line of small print on a light band, its baseline 8 px above `bottomPx`. */
function smallPrint(text: string, widthPx: number, bottomPx: number): string {
  const bandWidthPx = Math.min(widthPx - 190, text.length * 5.2 + 10);
  return [
    `<rect ${attrs({ x: 6, y: bottomPx - 19, width: bandWidthPx, height: 15, fill: '#ffffff', 'fill-opacity': '0.8' })}/>`,
    `<text ${attrs({ x: 12, y: bottomPx - 8, 'font-size': 9, fill: '#444444' })}>${escapeXml(text)}</text>`,
  ].join('');
}

function surfaceSvg(
  frame: MapFrame,
  surface: NonNullable<StaticMapOptions['surface']>,
  legend: LegendEntry[],
): string {
  const { grid, thresholds } = surface;
  if (thresholds.length === 0) return '';
  const colours = densityRamp(Math.min(9, thresholds.length));
  // d3-contour treats values[0] as the top-left cell, which is our row 0 (north): grid cell (i, j)
  // covers [i, i+1] × [j, j+1] in contour space, so x = originX + i·c and y = originY + (height − j)·c.
  const clean = Float64Array.from(grid.values, (v) => (Number.isFinite(v) ? v : 0));
  const bands = contours().size([grid.width, grid.height]).thresholds(thresholds)(Array.from(clean));
  const toProject = (polygons: number[][][][]) =>
    polygons.map((rings) =>
      rings.map((ring) =>
        ring.map(([i, j]) => [
          grid.originX + i! * grid.cellSizeM,
          grid.originY + (grid.height - j!) * grid.cellSizeM,
        ]),
      ),
    );
  const paths = bands.map((band, k) => {
    const fill = colours[Math.min(k, colours.length - 1)]!;
    return `<path ${attrs({ d: multiPolygonData(frame, toProject(band.coordinates)), fill, 'fill-opacity': '0.85', 'fill-rule': 'evenodd' })}/>`;
  });
  thresholds.forEach((t, k) => {
    const label = surface.labels?.[k] ?? `≥ ${formatNumber(t)}`;
    legend.push({ label, fill: colours[Math.min(k, colours.length - 1)]!, symbol: 'box' });
  });
  return `<g class="surface">${paths.join('')}</g>`;
}

const WATER_FILL = '#c4dbe9';

/** Whether the polygons' bounding box meets the extent (water out of view gets no legend entry). */
function overlaps(polygons: MultiPolygonCoords, extent: Extent): boolean {
  const points = polygons.flat(2);
  const xs = points.map((p) => p[0]!);
  const ys = points.map((p) => p[1]!);
  return (
    Math.max(...xs) >= extent.minX &&
    Math.min(...xs) <= extent.maxX &&
    Math.max(...ys) >= extent.minY &&
    Math.min(...ys) <= extent.maxY
  );
}

function waterSvg(
  frame: MapFrame,
  water: NonNullable<StaticMapOptions['water']>,
  legend: LegendEntry[],
): string {
  legend.push({ label: 'Water', fill: WATER_FILL });
  const d = water.map((w) => multiPolygonData(frame, w.polygons)).join('');
  return `<g class="water"><path ${attrs({ d, fill: WATER_FILL, stroke: 'none' })}/></g>`;
}

function boundariesSvg(
  frame: MapFrame,
  boundaries: NonNullable<StaticMapOptions['boundaries']>,
  legend: LegendEntry[],
): string {
  const parts = boundaries.map((b) => {
    const path = `<path ${attrs({ d: multiPolygonData(frame, b.polygons), fill: 'none', stroke: BOUNDARY_STROKE, 'stroke-width': 1.1, 'stroke-dasharray': '5 3' })}/>`;
    if (!b.label) return path;
    const [lx, ly] = frame.toPx(...labelPoint(b.polygons));
    return `${path}<text ${attrs({ x: lx, y: ly, 'text-anchor': 'middle', 'font-size': 10, fill: '#3d4a57', 'fill-opacity': '0.9', 'font-style': 'italic' })}>${escapeXml(b.label)}</text>`;
  });
  legend.push({ label: 'Boundary', stroke: BOUNDARY_STROKE, symbol: 'line' });
  return `<g class="boundaries">${parts.join('')}</g>`;
}

function streetsSvg(
  frame: MapFrame,
  streets: NonNullable<StaticMapOptions['streets']>,
  legend: LegendEntry[],
): string {
  if (streets.length > 0) legend.push({ label: 'Street', stroke: MAJOR_STREET_STROKE, symbol: 'line' });
  const minor = streets.filter((s) => !s.major).map((s) => lineData(frame, s.coords));
  const major = streets.filter((s) => s.major).map((s) => lineData(frame, s.coords));
  return [
    `<g class="streets" fill="none" stroke-linecap="round" stroke-linejoin="round">`,
    `<path ${attrs({ d: minor.join(''), stroke: STREET_STROKE, 'stroke-width': 1 })}/>`,
    `<path ${attrs({ d: major.join(''), stroke: MAJOR_STREET_STROKE, 'stroke-width': 2.2 })}/>`,
    `</g>`,
  ].join('');
}

function pointsSvg(
  frame: MapFrame,
  points: NonNullable<StaticMapOptions['points']>,
  legend: LegendEntry[],
): string {
  const inside: [number, number][] = [];
  for (let i = 0; i < points.x.length; i++) {
    const [sx, sy] = frame.toPx(points.x[i]!, points.y[i]!);
    if (sx < 0 || sy < 0 || sx > frame.widthPx || sy > frame.heightPx) continue;
    inside.push([sx, sy]);
  }
  // The legend names only what is drawn: no entry when every point falls outside the frame.
  if (inside.length > 0) legend.push({ label: points.label ?? 'Event', fill: POINT_FILL, symbol: 'dot' });
  // A few thousand dots read best as outlined circles; beyond that one path keeps the SVG small.
  if (inside.length <= MAX_CIRCLE_POINTS) {
    const dots = inside.map(([sx, sy]) => `<circle ${attrs({ cx: sx, cy: sy, r: 3 })}/>`);
    return `<g class="points" fill="${POINT_FILL}" fill-opacity="0.85" stroke="#ffffff" stroke-width="0.8">${dots.join('')}</g>`;
  }
  const d = inside.map(([sx, sy]) => `M${sx.toFixed(1)} ${sy.toFixed(1)}h0`).join('');
  return `<path ${attrs({ d, stroke: POINT_FILL, 'stroke-opacity': '0.55', 'stroke-width': 3.2, 'stroke-linecap': 'round' })}/>`;
}

function hotspotsSvg(
  frame: MapFrame,
  hotspots: NonNullable<StaticMapOptions['hotspots']>,
  legend: LegendEntry[],
  legendLabel = 'Hotspot (numbered)',
): string {
  // Outlines first, then every number on top, so no label is covered by a neighbour's outline.
  const outlines = hotspots.map(
    (h) =>
      `<path ${attrs({ d: multiPolygonData(frame, h.polygons), fill: 'none', stroke: HOTSPOT_OUTLINE, 'stroke-width': 2, 'fill-rule': 'evenodd' })}/>`,
  );
  const labels = hotspots.map((h) => {
    const at = hotspotLabelPlacement(frame, h.polygons, labelPoint(h.polygons), HOTSPOT_LABEL_RADIUS_PX);
    const leader = at.leader
      ? `<line ${attrs({ x1: at.leader[0], y1: at.leader[1], x2: at.x, y2: at.y, stroke: HOTSPOT_OUTLINE, 'stroke-width': 1.5 })}/>`
      : '';
    return [
      leader,
      `<circle ${attrs({ cx: at.x, cy: at.y, r: HOTSPOT_LABEL_RADIUS_PX, fill: '#ffffff', stroke: HOTSPOT_OUTLINE, 'stroke-width': 1.5 })}/>`,
      `<text ${attrs({ x: at.x, y: at.y + 4, 'text-anchor': 'middle', 'font-size': 11, 'font-weight': 'bold' })}>${escapeXml(h.label)}</text>`,
    ].join('');
  });
  const parts = [...outlines, ...labels];
  legend.push({ label: legendLabel, stroke: HOTSPOT_OUTLINE, symbol: 'box' });
  return `<g class="hotspots">${parts.join('')}</g>`;
}

function zonesSvg(
  frame: MapFrame,
  zones: NonNullable<StaticMapOptions['zones']>,
  legend: LegendEntry[],
): string {
  if (zones.rings.length === 0) return '';
  legend.push({ label: zones.label, fill: ZONE_TINT, stroke: ZONE_TINT, symbol: 'box' });
  // The union of the buffers as one even tint, in O(n) without computing the union: all rings in ONE
  // path, same winding, nonzero rule. Outlining each buffer drew dozens of overlapping rings that hid
  // the map where a live series sits in a hotspot.
  const d = zones.rings.map((ring) => `${lineData(frame, ring)}Z`).join('');
  return `<path ${attrs({ d, fill: ZONE_STROKE, 'fill-opacity': String(ZONE_OPACITY), 'fill-rule': 'nonzero', stroke: 'none' })}/>`;
}

function highlightSvg(
  frame: MapFrame,
  highlight: NonNullable<StaticMapOptions['highlight']>,
  legend: LegendEntry[],
): string {
  legend.push({ label: highlight.label, stroke: HIGHLIGHT_STROKE, symbol: 'box' });
  return `<path ${attrs({ d: multiPolygonData(frame, highlight.polygons), fill: 'none', stroke: HIGHLIGHT_STROKE, 'stroke-width': 3, 'stroke-opacity': '0.9', 'fill-rule': 'evenodd' })}/>`;
}

function formatNumber(v: number): string {
  return v >= 100 ? Math.round(v).toLocaleString('en-GB') : v.toPrecision(3);
}
