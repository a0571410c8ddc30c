/**
 * The synthetic town's partner extracts (shared/generate) are read, recognised by their preset and
 * validated without a single rejection: the generator and the importer agree on every format.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openTable } from '../../../../../../electron/engine/import/readers/open-table.js';
import type { TableRow } from '../../../../../../electron/engine/import/readers/table.js';
import { generateTown } from '../../../../../../shared/generate/generate-town.js';
import { townFiles } from '../../../../../../shared/generate/town-files.js';
import { detectMapping } from '../../../../../../shared/import/detect-mapping.js';
import { detectPii } from '../../../../../../shared/import/pii.js';
import { createRowValidator, tallyOutcome } from '../../../../../../shared/import/validate.js';

const dir = mkdtempSync(join(tmpdir(), 'hotspot-town-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const town = generateTown({ seed: 5, size: 0.2 });
const files = townFiles(town).filter((f) => f.name.endsWith('.csv'));
for (const f of files) writeFileSync(join(dir, f.name), f.text);

const PRESET_OF: Record<string, string> = {
  'police_crimes.csv': 'police-crimes',
  'asb.csv': 'asb',
  'fire.csv': 'fire',
  'ambulance.csv': 'ambulance',
  'hospital_admissions.csv': 'hospital-postcode',
};

describe('synthetic town extracts', () => {
  it.each(Object.keys(PRESET_OF))(
    'reads %s with its preset, no PII findings and no rejected row',
    async (name) => {
      const table = await openTable(join(dir, name));
      const rows: TableRow[] = [];
      for await (const batch of table.batches) rows.push(...batch);
      const sample = rows.slice(0, 200).map((r) => r.cells);
      const detected = detectMapping(table.headers, sample);
      expect(detected.preset).toBe(PRESET_OF[name]);
      expect(detected.problems).toEqual([]);
      expect(detectPii(table.headers, sample, { nowYear: 2026 })).toEqual([]);
      const validate = createRowValidator(detected.mapping, table.headers, {
        nowMs: Date.UTC(2026, 0, 1),
        projectCrs: 'EPSG:27700',
      });
      const counts = { read: 0, accepted: 0, warned: 0, rejected: 0 };
      const reasons = new Set<string>();
      for (const row of rows) {
        const outcome = validate(row.cells, row.rowNumber);
        tallyOutcome(counts, outcome);
        if (outcome.status === 'rejected') for (const i of outcome.issues) reasons.add(i.reason);
      }
      expect([...reasons].slice(0, 5)).toEqual([]);
      expect(counts.read).toBeGreaterThan(10);
      expect(counts.accepted).toBe(counts.read);
    },
  );
});
