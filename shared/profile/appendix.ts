/**
 * Scope, data provenance and the methods appendix (DESIGN.md §4 "Provenance on every output": the
 * datasets and their extract hashes, the filter, CRS and transform, every parameter, the seed, the app
 * version and the date), so a reader can reproduce every figure of the profile.
 */
import { formatCount, formatDate, formatRange } from './format.js';
import type { Block, ProfileInputs } from './model.js';

/** One short line under every map and on every slide. */
export function provenanceLine(inputs: ProfileInputs): string {
  const files = inputs.datasets.flatMap((d) => d.imports.map((i) => `${i.fileName} ${i.sha256.slice(0, 8)}`));
  const shown = files.length > 2 ? `${files.slice(0, 2).join(', ')} +${files.length - 2}` : files.join(', ');
  return `Data: ${shown || 'none'} · ${inputs.layers.crs} · Hotspot Workbench ${inputs.appVersion} · ${inputs.generatedAt.slice(0, 10)}`;
}

export function scopeBlocks(inputs: ProfileInputs): Block[] {
  const { periods } = inputs;
  const blocks: Block[] = [
    {
      kind: 'facts',
      rows: [
        { label: 'Subject', value: inputs.subjectLabel },
        { label: 'Data in scope', value: inputs.scopeText },
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
  if (inputs.caveats.length > 0)
    blocks.push({ kind: 'paragraph', text: 'Caveats:' }, { kind: 'list', items: inputs.caveats });
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
        'Methods follow the Hotspot Workbench design (DESIGN.md §4): kernel density in events per km² at cell centres; hotspots are ' +
        'contour regions at or above class thresholds of the non-zero cells; PAI = (n/N)/(a/A); the Knox test counts unordered pairs by ' +
        'half-open distance and time bands against Monte Carlo permutations of the dates (locations fixed); chains link events within the ' +
        'distance and time thresholds; aoristic weights share each time window over the hours it covers; changes are tested with the ' +
        'exact conditional Poisson test. All distances are in the projected CRS.',
    },
    {
      kind: 'table',
      caption: 'Parameters',
      columns: [
        { label: 'Method', align: 'left' },
        { label: 'Parameter', align: 'left' },
        { label: 'Value', align: 'left' },
      ],
      rows: inputs.parameters.map((p) => [p.method, p.name, p.value]),
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
        { label: 'Record filter (current period)', value: inputs.filterJson },
        { label: 'Application', value: `Hotspot Workbench ${inputs.appVersion}` },
        { label: 'Generated', value: inputs.generatedAt },
      ],
    },
  ];
}
