/**
 * What every data export says about itself (DESIGN.md §4 "Provenance on every output"): the
 * datasets and their extract hashes, the filter and the parameters in words (never JSON), the app
 * version and date, the data's caveats (the profile's and the analysis's own, each said once) and
 * the protective marking (issue 12: the marking in every data file).
 */

export interface ExportProvenance {
  datasets: { name: string; files: { fileName: string; sha256: string }[] }[];
  /** The record filter in words (shared/provenance/filter-words.ts); a string `filter` is taken as such. */
  filterText?: string;
  /** The record filter (in words, or as data for machine readers); never printed as JSON for people. */
  filter?: unknown;
  crs: string;
  parameters: Record<string, unknown>;
  seed: number | null;
  appVersion: string;
  createdAt: string;
  caveats: string[];
  /** The protective marking of the profile the data come from, e.g. "OFFICIAL-SENSITIVE". */
  marking: string;
}

/** A parameter value in words: strings as they are, numbers and lists plainly, never as JSON. */
export function valueInWords(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (Array.isArray(value)) return value.map(valueInWords).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k} ${valueInWords(v)}`)
      .join(', ');
  }
  return String(value);
}

/** The export's provenance with the analysis's own caveats added to the profile's, each said once. */
export function withCaveats(p: ExportProvenance, analysisCaveats: readonly string[]): ExportProvenance {
  return { ...p, caveats: [...new Set([...p.caveats, ...analysisCaveats])] };
}

/** The provenance in plain sentences, one a line (a sidecar's body). */
export function provenanceLines(p: ExportProvenance): string[] {
  const parameters = Object.entries(p.parameters).map(([k, v]) => `${k} = ${valueInWords(v)}`);
  return [
    `Made by Hotspot Workbench ${p.appVersion} on ${p.createdAt}.`,
    ...p.datasets.map(
      (d) => `Dataset ${d.name}: ${d.files.map((f) => `${f.fileName} sha256 ${f.sha256}`).join('; ')}`,
    ),
    `Records selected: ${p.filterText ?? (typeof p.filter === 'string' ? p.filter : 'as described in the profile')}`,
    `Parameters: ${parameters.join('; ') || 'none'}${p.seed === null ? '' : `; seed ${p.seed}`}`,
    ...p.caveats.map((c) => `Caveat: ${c}`),
  ];
}
