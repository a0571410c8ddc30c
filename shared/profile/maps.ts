/**
 * The profile's static maps (issue 6 item 3), drawn by shared/cartography/static-map.ts from the
 * profile inputs: an overview of the study area (density bands, numbered hotspots, wards, streets,
 * the subject outlined) and one zoomed map per hotspot (its outline, the events, the streets).
 * Density bands are the hotspot classes' thresholds, so map and statistics table agree; only the
 * hotspots the data support are drawn, and the legend states the support rule.
 */
import type { KdeHotspot, KdeRunResult } from '../api/analysis-api.js';
import { type Extent, makeFrame, padExtent } from '../cartography/frame.js';
import { renderStaticMap, type StaticMapOptions } from '../cartography/static-map.js';
import { formatCount } from './format.js';
import { hotspotTitle, supportedHotspots, supportLegend } from './hotspot-words.js';
import type { MultiPolygonCoords, ProfileInputs } from './model.js';

/** Smallest side of a zoomed hotspot map, so a tiny hotspot still shows its streets. */
export const MIN_ZOOM_SPAN_M = 700;

export function extentOfPolygons(polygons: MultiPolygonCoords): Extent | null {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const rings of polygons)
    for (const ring of rings)
      for (const [x, y] of ring) {
        if (x! < minX) minX = x!;
        if (x! > maxX) maxX = x!;
        if (y! < minY) minY = y!;
        if (y! > maxY) maxY = y!;
      }
  return Number.isFinite(minX) ? { minX, minY, maxX, maxY } : null;
}

/** Grows an extent around its centre to at least `minSpanM` on each side. */
export function atLeast(extent: Extent, minSpanM: number): Extent {
  const cx = (extent.minX + extent.maxX) / 2;
  const cy = (extent.minY + extent.maxY) / 2;
  const hx = Math.max(extent.maxX - extent.minX, minSpanM) / 2;
  const hy = Math.max(extent.maxY - extent.minY, minSpanM) / 2;
  return { minX: cx - hx, minY: cy - hy, maxX: cx + hx, maxY: cy + hy };
}

function gridExtent(kde: KdeRunResult): Extent {
  const g = kde.grid;
  return {
    minX: g.originX,
    minY: g.originY,
    maxX: g.originX + g.width * g.cellSizeM,
    maxY: g.originY + g.height * g.cellSizeM,
  };
}

function surfaceOf(kde: KdeRunResult): StaticMapOptions['surface'] {
  return {
    grid: kde.grid,
    thresholds: kde.thresholds.map((t) => t.value),
    unit: kde.unit,
    labels: kde.thresholds.map((t) => `${t.label} (≥ ${formatCount(t.value)})`),
  };
}

/** The hotspots the data support (numbered), with the support rule as their legend entry. */
function hotspotLayer(kde: KdeRunResult): Pick<StaticMapOptions, 'hotspots' | 'hotspotLegend'> {
  return {
    hotspots: supportedHotspots(kde).map((h) => ({ polygons: [h.polygon], label: String(h.rank) })),
    hotspotLegend: supportLegend(kde),
  };
}

/** The study area: the boundaries' extent, else the density grid's, else the subject's. */
export function overviewExtent(inputs: ProfileInputs): Extent | null {
  if (inputs.subject.kind === 'area' && inputs.subjectArea) {
    const e = extentOfPolygons(inputs.subjectArea);
    if (e) return padExtent(e, 0.08);
  }
  const boundaries = extentOfPolygons(inputs.layers.boundaries.flatMap((b) => b.polygons));
  if (boundaries) return padExtent(boundaries, 0.03);
  if (inputs.kde) return gridExtent(inputs.kde);
  return inputs.subjectArea ? extentOfPolygons(inputs.subjectArea) : null;
}

export function overviewMapSvg(
  inputs: ProfileInputs,
  provenance: string,
  widthPx = 900,
  heightPx = 640,
): string | null {
  const extent = overviewExtent(inputs);
  if (!extent) return null;
  const options: StaticMapOptions = {
    extent,
    widthPx,
    heightPx,
    title: `${inputs.subjectLabel}: density and hotspots`,
    provenance,
    boundaries: inputs.layers.boundaries,
    streets: inputs.layers.streets,
    water: inputs.layers.water,
    ...basemapOf(inputs),
    legendTitle: 'Density (events per km²)',
  };
  if (inputs.kde) {
    options.surface = surfaceOf(inputs.kde);
    Object.assign(options, hotspotLayer(inputs.kde));
  } else if (inputs.points.x.length > 0) {
    options.points = { x: inputs.points.x, y: inputs.points.y, label: 'Event in the period' };
  }
  if (inputs.subjectArea && inputs.subject.kind !== 'hotspot') {
    options.highlight = {
      polygons: inputs.subjectArea,
      label: inputs.subject.kind === 'chain' ? 'Chain footprint' : 'Profile area',
    };
  }
  return renderStaticMap(options);
}

/**
 * A zoomed map of one hotspot with the period's events and the street names. No risk-zone tint: laid
 * over the density bands it changed their colours away from the legend's (issue 12); the zones have
 * their own map (chainsMapSvg) on the series slide and in the near-repeat section.
 */
export function hotspotMapSvg(
  inputs: ProfileInputs,
  hotspot: KdeHotspot,
  provenance: string,
  widthPx = 760,
  heightPx = 480,
): string {
  const kde = inputs.kde!;
  const extent = hotspotExtent(hotspot);
  return renderStaticMap({
    extent,
    widthPx,
    heightPx,
    title: hotspotTitle(hotspot),
    provenance,
    boundaries: inputs.layers.boundaries,
    streets: inputs.layers.streets,
    water: inputs.layers.water,
    ...basemapOf(inputs),
    surface: surfaceOf(kde),
    streetLabels: true,
    points: { x: inputs.points.x, y: inputs.points.y, label: 'Event in the period' },
    ...hotspotLayer(kde),
    legendTitle: 'Density (events per km²)',
  });
}

/** A map of the chains' events and the risk zones of recent events (chain subject or near-repeat section). */
export function chainsMapSvg(
  inputs: ProfileInputs,
  provenance: string,
  widthPx = 900,
  heightPx = 560,
): string | null {
  const chains = inputs.chains;
  const extent = chainsExtent(inputs);
  if (!chains || !extent) return null;
  return renderStaticMap({
    extent,
    widthPx,
    heightPx,
    title: 'Near-repeat chains and risk zones of recent events',
    provenance,
    boundaries: inputs.layers.boundaries,
    streets: inputs.layers.streets,
    water: inputs.layers.water,
    ...basemapOf(inputs),
    streetLabels: true,
    zones: { rings: chains.zones.map((z) => z.ring), label: 'Risk zone (recent event)' },
    hotspots: chains.chains.map((c) => ({
      polygons: [[circleRing(c.centroidX, c.centroidY, Math.max(40, Math.sqrt(c.areaM2 / Math.PI)))]],
      label: String(c.id),
    })),
    ...(inputs.subjectArea && inputs.subject.kind === 'chain'
      ? { highlight: { polygons: inputs.subjectArea, label: 'Chain footprint' } }
      : {}),
    points: {
      x: inputs.chainEvents.map((e) => e.x),
      y: inputs.chainEvents.map((e) => e.y),
      label: 'Event in a chain',
    },
    hotspotLegend: 'Chain (numbered)',
    legendTitle: 'Near-repeat chains',
  });
}

function hotspotExtent(hotspot: KdeHotspot): Extent {
  return padExtent(atLeast(extentOfPolygons([hotspot.polygon])!, MIN_ZOOM_SPAN_M), 0.25);
}

function chainsExtent(inputs: ProfileInputs): Extent | null {
  const chains = inputs.chains;
  if (!chains || chains.chains.length === 0) return null;
  const xs = chains.chains.map((c) => c.centroidX);
  const ys = chains.chains.map((c) => c.centroidY);
  const focus =
    inputs.subject.kind === 'chain' && inputs.subjectArea
      ? extentOfPolygons(inputs.subjectArea)!
      : { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
  return padExtent(atLeast(focus, MIN_ZOOM_SPAN_M), 0.15);
}

/** The project's basemap options of every printed map (tiles, attribution or why it is not shown). */
function basemapOf(inputs: ProfileInputs): Pick<StaticMapOptions, 'basemap' | 'basemapCredit'> {
  const { basemap, basemapCredit, crs } = inputs.layers;
  return {
    ...(basemap ? { basemap: { crs, raster: basemap } } : {}),
    ...(basemapCredit ? { basemapCredit } : {}),
  };
}

/** Map sizes in pixels: the profile's (the functions' defaults) and the slides' (hotspot-slides.ts, slide-deck.ts). */
const OVERVIEW_SIZES = [[900, 640]] as const;
const HOTSPOT_SIZES = [
  [760, 480],
  [760, 600],
] as const;
const CHAINS_SIZES = [
  [900, 560],
  [900, 640],
] as const;

/**
 * Every printed map's view (extent shown and metres per pixel), so the engine reads the basemap
 * tiles those maps draw before they are built.
 */
export function printViews(inputs: ProfileInputs): { extent: Extent; metresPerPx: number }[] {
  const views: { extent: Extent; metresPerPx: number }[] = [];
  const add = (extent: Extent | null, sizes: readonly (readonly [number, number])[]) => {
    if (!extent) return;
    for (const [w, h] of sizes) {
      const frame = makeFrame(extent, w, h, 12);
      views.push({ extent: frame.extent, metresPerPx: 1 / frame.scale });
    }
  };
  add(overviewExtent(inputs), OVERVIEW_SIZES);
  for (const h of inputs.kde ? supportedHotspots(inputs.kde) : []) add(hotspotExtent(h), HOTSPOT_SIZES);
  add(chainsExtent(inputs), CHAINS_SIZES);
  return views;
}

function circleRing(x: number, y: number, r: number, segments = 24): number[][] {
  const ring: number[][] = [];
  for (let k = 0; k <= segments; k++) {
    const a = (2 * Math.PI * k) / segments;
    ring.push([x + r * Math.cos(a), y + r * Math.sin(a)]);
  }
  return ring;
}
