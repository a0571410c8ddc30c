/**
 * Scope, data provenance and the methods appendix (DESIGN.md §4 "Provenance on every output": the
 * datasets and their extract hashes, the filter in words, CRS and transform, every parameter, the
 * seed, the app version and the date), so a reader can reproduce every figure of the profile. Nothing
 * internal reaches the reader: no design-document references, no cache or analysis ids, no JSON.
 */
import { formatCount, formatDate, formatRange } from './format.js';
import type { Block, ProfileInputs } from './model.js';

/** Parameters that are bookkeeping of the app, not method settings a reader needs (e.g. cache ids). */
const INTERNAL_PARAMETER = /analysis id|cache|internal/i;

/**
 * The data's caveats for every output of the profile: the inputs' own (shared/provenance/
 * data-caveats.ts, the one builder) and those the analyses' provenance carries, each said once.
 */
export function profileCaveats(inputs: ProfileInputs): string[] {
  const all = [
    ...inputs.caveats,
    ...(inputs.kde?.provenance.caveats ?? []),
    ...(inputs.knox?.provenance.caveats ?? []),
    ...(inputs.chains?.provenance.caveats ?? []),
  ];
  return [...new Set(all.map((c) => c.trim()).filter((c) => c.length > 0))];
}

/** "5 January 2026, 10:00 UTC" from an ISO timestamp. */
export function formatTimestamp(iso: string): string {
  const time = /T(\d{2}:\d{2})/.exec(iso)?.[1];
  return time ? `${formatDate(iso.slice(0, 10))}, ${time} UTC` : formatDate(iso.slice(0, 10));
}

/** One short line under every map and on every slide. */
export function provenanceLine(inputs: ProfileInputs): string {
  const files = inputs.datasets.flatMap((d) => d.imports.map((i) => `${i.fileName} ${i.sha256.slice(0, 8)}`));
  const shown = files.length > 2 ? `${files.slice(0, 2).join(', ')} +${files.length - 2}` : files.join(', ');
  return `Data: ${shown || 'none'} · ${inputs.layers.crs} · Hotspot Workbench ${inputs.appVersion} · ${formatDate(inputs.generatedAt.slice(0, 10))}`;
}

/** `caveats`: the data caveats the Introduction states (default: all of the profile's). */
export function scopeBlocks(inputs: ProfileInputs, caveats = profileCaveats(inputs)): Block[] {
  const { periods } = inputs;
  const blocks: Block[] = [
    {
      kind: 'facts',
      rows: [
        { label: 'Subject', value: inputs.subjectLabel },
        { label: 'Data in scope', value: inputs.scopeText },
        { label: 'Records selected', value: inputs.filterText },
        { label: 'Period', value: formatRange(periods.current) },
        { label: 'Previous period', value: formatRange(periods.previous) },
        { label: 'Same period last year', value: formatRange(periods.lastYear) },
      ],
    },
    {
      kind: 'table',
      caption: 'Data sources',
      columns: [
        { label: 'Dataset', align: 'left' },
        { label: 'Records', align: 'right' },
        { label: 'Dates held', align: 'left' },
        { label: 'Rows rejected', align: 'right' },
        { label: 'Location', align: 'left' },
      ],
      rows: inputs.datasets.map((d) => [
        d.name,
        formatCount(d.records),
        d.dateRange ? formatRange(d.dateRange) : '—',
        formatCount(d.imports.reduce((s, i) => s + i.rowsRejected, 0)),
        d.geometry === 'areas' ? 'area code only' : 'points',
      ]),
    },
  ];
  if (caveats.length > 0)
    blocks.push({ kind: 'paragraph', text: 'Caveats of the data:' }, { kind: 'list', items: caveats });
  return blocks;
}

export function appendixBlocks(inputs: ProfileInputs): Block[] {
  const imports = inputs.datasets.flatMap((d) =>
    d.imports.map((i) => [
      d.name,
      i.fileName,
      i.sha256,
      i.sourceCrs ? `${i.sourceCrs} → ${inputs.layers.crs}` : 'area codes',
      `${formatCount(i.rowsAccepted)} of ${formatCount(i.rowsRead)}`,
      formatDate(i.importedAt.slice(0, 10)),
    ]),
  );
  return [
    {
      kind: 'paragraph',
      text:
        'Methods: kernel density in events per km² at cell centres; hotspots are contour regions at or above class thresholds ' +
        'of the cells of the study area, reported only with enough events and a Monte Carlo test against complete spatial randomness; ' +
        'PAI = (n/N)/(a/A) with N and A of the study area; the Knox test counts unordered pairs by half-open distance and time bands ' +
        'against Monte Carlo permutations of the dates (locations fixed), with Benjamini–Hochberg correction across the table’s cells; ' +
        'chains link events within the thresholds of the tightest significant Knox cell, with the same distance metric; aoristic weights ' +
        'share each time window over the hours it covers; each record counts in one period (its window’s midpoint), and changes are tested ' +
        'with the exact conditional Poisson test with Benjamini–Hochberg correction across the rows compared. All distances are in the projected CRS.',
    },
    {
      kind: 'table',
      caption: 'Parameters',
      columns: [
        { label: 'Method', align: 'left' },
        { label: 'Parameter', align: 'left' },
        { label: 'Value', align: 'left' },
      ],
      rows: inputs.parameters
        .filter((p) => !INTERNAL_PARAMETER.test(p.name))
        .map((p) => [p.method, p.name, p.value]),
    },
    {
      kind: 'table',
      caption: 'Data provenance: extracts and their SHA-256',
      columns: [
        { label: 'Dataset', align: 'left' },
        { label: 'File', align: 'left' },
        { label: 'SHA-256', align: 'left', wrap: 'anywhere' },
        { label: 'CRS transform', align: 'left' },
        { label: 'Rows kept', align: 'right' },
        { label: 'Imported', align: 'left' },
      ],
      rows: imports,
    },
    {
      kind: 'facts',
      rows: [
        { label: 'Project CRS', value: inputs.layers.crs },
        { label: 'Records selected (current period)', value: inputs.filterText },
        { label: 'Application', value: `Hotspot Workbench ${inputs.appVersion}` },
        { label: 'Generated', value: formatTimestamp(inputs.generatedAt) },
      ],
    },
  ];
}
