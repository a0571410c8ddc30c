/**
 * Test projects fed from a small CSV in British National Grid: `ref,date,easting,northing,type`, dates
 * dd/mm/yyyy hh:mm. One copy of the file writing and the import mapping the engine tests share.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { runImport } from '../../../../electron/engine/import/run-import.js';

export const BNG_CSV_HEADER = 'ref,date,easting,northing,type';

/** Writes `lines` (header first) to `dir`/crimes.csv and imports them into the project `db` as `dataset`. */
export async function importBngCsv(
  db: Database.Database,
  dir: string,
  lines: string[],
  dataset = 'Crime',
): Promise<void> {
  const path = join(dir, 'crimes.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  await runImport(db, {
    filePath: path,
    dataset,
    mapping: {
      fields: { reference: 'ref', date: 'date', x: 'easting', y: 'northing', category: 'type' },
      timeShape: 'datetime',
      dateFormat: 'dmy',
      sourceCrs: 'EPSG:27700',
      excluded: [],
      swapSuspectedCoordinates: false,
      preset: null,
    },
    projectCrs: 'EPSG:27700',
    pii: [],
    nowMs: Date.UTC(2024, 5, 1),
  });
}
