/**
 * The one provenance builder (DESIGN.md §4 "Provenance on every output"): every analysis (KDE,
 * Knox, chains), the profile and every export take their provenance from here, so the datasets with
 * their extract hashes, the filter in words and the data's caveats (shared/provenance/data-caveats.ts)
 * are the same everywhere.
 *
 *   analysisProvenance(ctx, { filter, columns, windowBasis, caveats })   the records an analysis used
 *   datasetCaveatSource(dataset)                                        a whole dataset (the profile)
 */
import type { AnalysisProvenance } from '../../../shared/api/analysis-api.js';
import type { DatasetInfo, ImportInfo } from '../../../shared/api/import-api.js';
import { findPreset } from '../../../shared/import/presets.js';
import type { RecordColumns, RecordFilter } from '../../../shared/model/records.js';
import { PRECISION_CODE } from '../../../shared/model/time.js';
import { type CaveatSource, dataCaveats } from '../../../shared/provenance/data-caveats.js';
import { filterWords } from '../../../shared/provenance/filter-words.js';
import type { EngineContext } from '../context.js';
import { listImports } from '../import/datasets.js';

export interface ProvenanceRequest {
  filter: RecordFilter;
  /** The point records the analysis used. */
  columns: RecordColumns;
  /** How a day-level method (Knox, chains) dated window records; null for methods that do not. */
  windowBasis: 'midpoint' | 'start' | null;
  /** The method's own caveats (events left outside the study area, an override, …), stated first. */
  caveats?: readonly string[];
}

export function analysisProvenance(ctx: EngineContext, request: ProvenanceRequest): AnalysisProvenance {
  const { db, crs } = ctx.project();
  // Names and imports only: listDatasets' per-dataset statistics cost ~1 s in a million-record project.
  const names = db.prepare('SELECT id, name FROM datasets ORDER BY id').all() as {
    id: number;
    name: string;
  }[];
  const used = recordKinds(request.columns);
  const inScope = names.filter((d) => used.has(d.id)).map((d) => ({ ...d, imports: listImports(db, d.id) }));
  const sources: CaveatSource[] = inScope.map((d) => ({
    name: d.name,
    presetCaveats: presetCaveats(d.imports),
    imports: d.imports,
    ...used.get(d.id)!,
  }));
  return {
    datasets: inScope.map((d) => ({
      id: d.id,
      name: d.name,
      imports: d.imports.map((i) => ({ fileName: i.fileName, sha256: i.sha256, importedAt: i.finishedAt })),
    })),
    filter: request.filter,
    filterText: filterWords(request.filter, filterNames(ctx, names)),
    crs,
    appVersion: ctx.appVersion,
    createdAt: new Date().toISOString(),
    caveats: [
      ...new Set([...(request.caveats ?? []), ...dataCaveats(sources, { windowBasis: request.windowBasis })]),
    ],
  };
}

/** A dataset as a caveat source: its records of `kinds` (those an output used), else all of them. */
export function datasetCaveatSource(d: DatasetInfo, kinds?: RecordKinds): CaveatSource {
  return {
    name: d.name,
    presetCaveats: presetCaveats(d.imports),
    imports: d.imports,
    areaOnly: kinds ? kinds.areaOnly : d.geometry === 'areas' ? d.records : 0,
    monthOnly: kinds ? kinds.monthOnly : d.precision.month,
    windows: kinds ? kinds.windows : d.precision.window,
    records: kinds ? kinds.records : d.records,
  };
}

/** Names for filterWords from the open project. */
export function filterNames(ctx: EngineContext, datasets: readonly { id: number; name: string }[]) {
  const { db } = ctx.project();
  return {
    dataset: (id: number) => datasets.find((d) => d.id === id)?.name ?? `dataset ${id}`,
    area: (id: number) => {
      const row = db
        .prepare(
          'SELECT COALESCE(f.name, f.code) AS name, l.name AS layer FROM boundary_features f JOIN boundary_layers l ON l.id = f.layer_id WHERE f.id = ?',
        )
        .get(id) as { name: string; layer: string } | undefined;
      return row ? `${row.name} (${row.layer})` : `area ${id}`;
    },
    savedArea: (id: number) => {
      const row = db.prepare('SELECT name FROM areas WHERE id = ?').get(id) as { name: string } | undefined;
      return row ? `${row.name} (saved area)` : `saved area ${id}`;
    },
  };
}

function presetCaveats(imports: readonly ImportInfo[]): string[] {
  const found = new Set<string>();
  for (const i of imports) {
    const caveat = i.mapping.preset ? findPreset(i.mapping.preset)?.caveat : null;
    if (caveat) found.add(caveat);
  }
  return [...found];
}

/** What the records of each dataset are, for the caveats: all of them, or those at `indices`. */
export interface RecordKinds {
  records: number;
  monthOnly: number;
  windows: number;
  areaOnly: number;
}

export function recordKinds(
  columns: { count: number; datasetId: Int32Array; precision: Uint8Array; x: Float64Array },
  indices?: ArrayLike<number>,
): Map<number, RecordKinds> {
  const kinds = new Map<number, RecordKinds>();
  const n = indices ? indices.length : columns.count;
  for (let k = 0; k < n; k++) {
    const i = indices ? indices[k]! : k;
    const id = columns.datasetId[i]!;
    let c = kinds.get(id);
    if (!c) kinds.set(id, (c = { records: 0, monthOnly: 0, windows: 0, areaOnly: 0 }));
    c.records++;
    const p = columns.precision[i];
    if (p === PRECISION_CODE.month) c.monthOnly++;
    else if (p === PRECISION_CODE.window) c.windows++;
    if (Number.isNaN(columns.x[i]!)) c.areaOnly++;
  }
  return kinds;
}
