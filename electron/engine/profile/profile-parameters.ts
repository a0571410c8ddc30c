/**
 * Every parameter of every method of a profile, in words, for its appendix (DESIGN.md §4
 * "Provenance on every output"): periods, the counting rule and change test, the density run, the
 * Knox test, the chains and the aoristic rule. No internal text: no analysis ids, epoch times or
 * JSON; dates as dd/mm/yyyy, distances in metres, densities in events per km².
 */
import type { ChainsRunResult, KdeRunResult, KnoxRunResult } from '../../../shared/api/analysis-api.js';
import { formatCount } from '../../../shared/profile/format.js';
import type { DateRange, ProfileInputs } from '../../../shared/profile/model.js';

type Parameter = ProfileInputs['parameters'][number];

function ukDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

function rangeWords(range: DateRange): string {
  return `${ukDate(range.from)} to ${ukDate(range.to)}`;
}

const EXTENT_WORDS = {
  explicit: 'the extent the analyst gave',
  boundary: "the boundary's bounding box",
  data: "the events' bounding box",
} as const;

const KERNEL_WORDS: Record<string, string> = {
  quartic: 'quartic',
  epanechnikov: 'Epanechnikov',
  triangular: 'triangular',
  uniform: 'uniform',
  gaussian: 'Gaussian (cut at 3 bandwidths)',
};

export interface ParameterSources {
  periods: ProfileInputs['periods'];
  currentDays: number;
  kde: KdeRunResult | null;
  knox: KnoxRunResult | null;
  chains: ChainsRunResult | null;
  /** Where the chains' link thresholds came from, in words. */
  chainThresholdsFrom: string;
}

export function profileParameters(s: ParameterSources): Parameter[] {
  const out: Parameter[] = [
    {
      method: 'Periods',
      name: 'current',
      value: `${rangeWords(s.periods.current)} (${s.currentDays} days)`,
    },
    { method: 'Periods', name: 'previous', value: rangeWords(s.periods.previous) },
    { method: 'Periods', name: 'same period last year', value: rangeWords(s.periods.lastYear) },
    {
      method: 'Periods',
      name: 'counting rule',
      value: 'each record counts once, in the period holding the middle of its date window',
    },
    {
      method: 'Change test',
      name: 'test',
      value:
        'exact conditional Poisson test, two-sided, periods weighted by their length in days; ' +
        'Benjamini–Hochberg false discovery rate across the rows of each table, significant at q < 0.05; ' +
        'periods without data are not tested',
    },
  ];
  const kde = s.kde;
  if (kde) {
    const p = kde.params;
    out.push(
      { method: 'Kernel density', name: 'kernel', value: KERNEL_WORDS[p.kernel] ?? p.kernel },
      {
        method: 'Kernel density',
        name: 'cell size',
        value: `${p.cellSizeM.toFixed(1)} m${p.defaulted.includes('cellSizeM') ? ' (default: the shorter side of the extent / 150)' : ''}`,
      },
      {
        method: 'Kernel density',
        name: 'bandwidth',
        value: `${p.bandwidthM.toFixed(1)} m${p.defaulted.includes('bandwidthM') ? ' (default: 5 cells)' : ''}`,
      },
      {
        method: 'Kernel density',
        name: 'extent',
        value: `${EXTENT_WORDS[p.extentSource]}, ${((p.extent.maxX - p.extent.minX) / 1000).toFixed(2)} km × ${((p.extent.maxY - p.extent.minY) / 1000).toFixed(2)} km`,
      },
      {
        method: 'Kernel density',
        name: 'grid',
        value: `${formatCount(kde.grid.width)} × ${formatCount(kde.grid.height)} cells, ${p.clippedToBoundary ? 'clipped to the area' : 'not clipped'}, ${p.weighted ? 'events weighted' : 'every event counts 1'}`,
      },
      {
        method: 'Kernel density',
        name: 'events',
        value: `${formatCount(kde.counts.used)} used of ${formatCount(kde.counts.total)}`,
      },
      {
        method: 'Hotspots',
        name: 'thresholds (events per km²)',
        value: kde.thresholds.map((t) => `${t.label} = ${t.value.toFixed(1)}`).join('; '),
      },
      {
        method: 'Hotspots',
        name: 'hotspot class',
        value: kde.thresholds[kde.params.hotspotClass - 1]?.label ?? `class ${kde.params.hotspotClass}`,
      },
      { method: 'Hotspots', name: 'study area (for PAI)', value: `${kde.studyAreaKm2.toFixed(2)} km²` },
      {
        method: 'Kernel density',
        name: 'result',
        value: kde.cached
          ? 'taken from the project, computed earlier with the same data and settings'
          : 'computed for this profile',
      },
    );
  }
  const knox = s.knox;
  if (knox) {
    const edge = (e: number | null, unit: string) => (e === null ? 'no limit' : `${e} ${unit}`);
    out.push(
      {
        method: 'Knox test',
        name: 'distance bands',
        value: knox.distanceEdges.map((e) => edge(e, 'm')).join(', '),
      },
      {
        method: 'Knox test',
        name: 'time bands',
        value: knox.timeEdges.map((e) => edge(e, 'days')).join(', '),
      },
      {
        method: 'Knox test',
        name: 'distance',
        value: knox.metric === 'manhattan' ? 'Manhattan (along a grid)' : 'straight line',
      },
      { method: 'Knox test', name: 'iterations', value: formatCount(knox.iterations) },
      { method: 'Knox test', name: 'seed', value: String(knox.seed) },
    );
  }
  const chains = s.chains;
  if (chains) {
    out.push(
      { method: 'Chains', name: 'link rule', value: chains.linkRule },
      {
        method: 'Chains',
        name: 'distance',
        value: chains.metric === 'manhattan' ? 'Manhattan (along a grid)' : 'straight line',
      },
      { method: 'Chains', name: 'live as of', value: chains.asOf ? ukDate(chains.asOf) : 'not set' },
      { method: 'Chains', name: 'thresholds from', value: s.chainThresholdsFrom },
    );
  }
  out.push({
    method: 'Aoristic',
    name: 'rule',
    value:
      'share of each window per hour; windows of a week or more spread evenly; date-only spread over the day',
  });
  return out;
}
