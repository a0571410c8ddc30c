/**
 * Mapping presets: the built-in ones (shared/import/presets.ts, e.g. police-uk) and those the
 * analyst saved in the project (mapping_presets). A saved preset may not take a built-in's name.
 */
import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors.js';
import type { MappingPresetInfo } from '../../../shared/api/import-api.js';
import { type ColumnMapping, parseMapping, serializeMapping } from '../../../shared/import/mapping.js';
import { applyPreset, findPreset, MAPPING_PRESETS } from '../../../shared/import/presets.js';

function builtinMapping(name: string): ColumnMapping {
  const preset = findPreset(name)!;
  return {
    fields: { ...preset.fields },
    dateFormat: preset.dateFormat,
    timeShape: preset.timeShape,
    sourceCrs: preset.sourceCrs,
    excluded: [],
    swapSuspectedCoordinates: false,
    preset: preset.name,
  };
}

export function listMappingPresets(db: Database.Database): MappingPresetInfo[] {
  const saved = db
    .prepare('SELECT name, mapping_json, created_at FROM mapping_presets ORDER BY name')
    .all() as {
    name: string;
    mapping_json: string;
    created_at: string;
  }[];
  return [
    ...MAPPING_PRESETS.map((p) => ({
      name: p.name,
      mapping: builtinMapping(p.name),
      source: 'builtin' as const,
      createdAt: null,
    })),
    ...saved.map((row) => ({
      name: row.name,
      mapping: parseMapping(row.mapping_json),
      source: 'project' as const,
      createdAt: row.created_at,
    })),
  ];
}

export function saveMappingPreset(
  db: Database.Database,
  name: string,
  mapping: ColumnMapping,
): MappingPresetInfo {
  const trimmed = name.trim();
  if (findPreset(trimmed))
    throw new ApiError('refused', `"${trimmed}" is a built-in preset; choose another name`);
  const createdAt = new Date().toISOString();
  const stored = { ...mapping, preset: trimmed };
  db.prepare(
    `INSERT INTO mapping_presets (name, mapping_json, created_at) VALUES (?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET mapping_json = excluded.mapping_json, created_at = excluded.created_at`,
  ).run(trimmed, serializeMapping(stored), createdAt);
  return { name: trimmed, mapping: stored, source: 'project', createdAt };
}

/**
 * The mapping a named preset gives for these headers: a built-in is fitted to the file's spelling of
 * its columns (null when the file lacks its signature); a saved preset is used as saved.
 */
export function mappingFromPreset(
  db: Database.Database,
  name: string,
  headers: readonly string[],
): ColumnMapping | null {
  const builtin = findPreset(name);
  if (builtin) return applyPreset(builtin, headers);
  const row = db.prepare('SELECT mapping_json FROM mapping_presets WHERE name = ?').get(name) as
    | { mapping_json: string }
    | undefined;
  if (!row) {
    const names = listMappingPresets(db).map((p) => p.name);
    throw new ApiError('not-found', `There is no mapping preset "${name}"; presets: ${names.join(', ')}`);
  }
  return parseMapping(row.mapping_json);
}
