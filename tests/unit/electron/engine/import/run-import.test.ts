import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../../../../electron/engine/import/run-import.js';
import { readAudit } from '../../../../../electron/engine/project/audit.js';
import { makeTransform } from '../../../../../shared/crs/transform.js';
import type { ColumnMapping } from '../../../../../shared/import/mapping.js';
import { PRECISION_CODE, wallClockMs } from '../../../../../shared/model/time.js';
import { csv, mapping, NOW_MS, PLACED_POINTS_SQL, type TempProject, tempProject } from './helpers.js';

let t: TempProject;
beforeEach(() => {
  t = tempProject();
});
afterEach(() => t.cleanup());

const xyMapping = mapping({
  fields: { reference: 'ref', date: 'date', x: 'easting', y: 'northing', category: 'type' },
  timeShape: 'datetime',
  sourceCrs: 'EPSG:27700',
});

const xyRows = [
  ['ref', 'date', 'easting', 'northing', 'type', 'beat'],
  ['A1', '01/02/2024 10:30', 530000, 180000, 'Burglary', 'B1'],
  ['A2', '31/02/2024', 530100, 180100, 'Burglary', 'B2'],
  ['A3', '02/02/2024 11:00', 530200, 180200, 'Theft', 'B1'],
];

function run(path: string, m: ColumnMapping, extra: Partial<Parameters<typeof runImport>[1]> = {}) {
  return runImport(t.project.db, {
    filePath: path,
    dataset: 'Crimes',
    mapping: m,
    projectCrs: 'EPSG:27700',
    pii: [],
    nowMs: NOW_MS,
    ...extra,
  });
}

function count(sql: string, ...args: unknown[]): number {
  return (t.project.db.prepare(sql).get(...args) as { n: number }).n;
}

describe('runImport', () => {
  it('stores accepted x/y rows with R*Tree rows, the rejected row as an issue, provenance and an audit entry', async () => {
    const path = t.file('crimes.csv', csv(xyRows));
    const summary = await run(path, xyMapping);

    expect(summary).toMatchObject({
      rowsRead: 3,
      rowsAccepted: 2,
      rowsRejected: 1,
      importId: 1,
      datasetId: 1,
    });
    const records = t.project.db.prepare('SELECT * FROM records ORDER BY id').all() as Record<
      string,
      unknown
    >[];
    expect(records.map((r) => [r.reference, r.x, r.y, r.category, r.from_ms, r.precision])).toEqual([
      ['A1', 530000, 180000, 'Burglary', wallClockMs(2024, 2, 1, 10, 30), PRECISION_CODE.exact],
      ['A3', 530200, 180200, 'Theft', wallClockMs(2024, 2, 2, 11, 0), PRECISION_CODE.exact],
    ]);
    const imp = t.project.db.prepare('SELECT * FROM imports').get() as Record<string, unknown>;
    expect(records[0]!.attrs_json).toBe('["B1"]');
    expect(JSON.parse(imp.attr_keys_json as string)).toEqual(['beat']);
    expect(t.project.db.prepare(PLACED_POINTS_SQL).pluck().get()).toBe(2);
    // No spatial index is written (migration 6): records carry no cell.
    expect(t.project.db.prepare('SELECT COUNT(*) FROM records WHERE cell_id IS NOT NULL').pluck().get()).toBe(
      0,
    );
    expect(imp).toMatchObject({
      file_name: 'crimes.csv',
      file_size: summary.fileSize,
      sha256: summary.sha256,
      source_crs: 'EPSG:27700',
      rows_read: 3,
      rows_accepted: 2,
      rows_rejected: 1,
    });
    expect(JSON.parse(imp.mapping_json as string).fields.x).toBe('easting');
    const issue = t.project.db.prepare('SELECT * FROM import_issues').get() as Record<string, unknown>;
    expect(issue).toMatchObject({
      row_number: 3,
      column_name: 'date',
      value: '31/02/2024',
      severity: 'rejected',
    });
    expect(JSON.parse(issue.raw_row as string)).toEqual([
      'A2',
      '31/02/2024',
      '530100',
      '180100',
      'Burglary',
      'B2',
    ]);
    const audit = readAudit(t.project.db);
    expect(audit.map((a) => a.action)).toEqual(['import']);
    expect(audit[0]!.detail).toMatchObject({ importId: 1, fileName: 'crimes.csv', sha256: summary.sha256 });
  });

  it.each([
    [
      'datetime',
      { date: 'd' },
      ['d'],
      ['05/03/2024 14:15'],
      'exact',
      wallClockMs(2024, 3, 5, 14, 15),
      wallClockMs(2024, 3, 5, 14, 15),
    ],
    [
      'date+time',
      { date: 'd', time: 'tm' },
      ['d', 'tm'],
      ['05/03/2024', '14:15'],
      'exact',
      wallClockMs(2024, 3, 5, 14, 15),
      wallClockMs(2024, 3, 5, 14, 15),
    ],
    [
      'window',
      { date_from: 'f', date_to: 'u' },
      ['f', 'u'],
      ['05/03/2024 18:00', '06/03/2024 08:00'],
      'window',
      wallClockMs(2024, 3, 5, 18),
      wallClockMs(2024, 3, 6, 8),
    ],
    [
      'date',
      { date: 'd' },
      ['d'],
      ['05/03/2024'],
      'date',
      wallClockMs(2024, 3, 5),
      wallClockMs(2024, 3, 6) - 1,
    ],
    [
      'month',
      { date: 'd' },
      ['d'],
      ['2024-03'],
      'month',
      wallClockMs(2024, 3, 1),
      wallClockMs(2024, 4, 1) - 1,
    ],
  ] as const)(
    'stores the %s time shape with its window and precision',
    async (shape, fields, headers, cells, precision, fromMs, toMs) => {
      const path = t.file(
        'times.csv',
        csv([
          [...headers, 'x', 'y'],
          [...cells, 451000, 206000],
        ]),
      );
      const m = mapping({ fields: { ...fields, x: 'x', y: 'y' }, timeShape: shape, sourceCrs: 'EPSG:27700' });
      const summary = await run(path, m);
      expect(summary.rowsAccepted).toBe(1);
      const r = t.project.db.prepare('SELECT from_ms, to_ms, precision FROM records').get() as Record<
        string,
        number
      >;
      expect(r).toEqual({ from_ms: fromMs, to_ms: toMs, precision: PRECISION_CODE[precision] });
      expect(summary.precision[precision]).toBe(1);
    },
  );

  it('projects WGS84 lon/lat into the project CRS and keeps lon/lat for the map', async () => {
    const path = t.file(
      'll.csv',
      csv([
        ['lon', 'lat', 'when'],
        [-0.1276, 51.5072, '01/01/2024'],
      ]),
    );
    const m = mapping({
      fields: { lon: 'lon', lat: 'lat', date: 'when' },
      timeShape: 'date',
      sourceCrs: 'EPSG:4326',
    });
    await run(path, m);
    const r = t.project.db.prepare('SELECT x, y, lon, lat FROM records').get() as Record<string, number>;
    const [x, y] = makeTransform('EPSG:4326', 'EPSG:27700').toProject(-0.1276, 51.5072);
    expect(r.x).toBeCloseTo(x, 6);
    expect(r.y).toBeCloseTo(y, 6);
    // Trafalgar Square area on the grid, within the Helmert shift's few metres.
    expect(Math.abs(r.x - 530043)).toBeLessThan(10);
    expect(Math.abs(r.y - 180358)).toBeLessThan(10);
    expect([r.lon, r.lat]).toEqual([-0.1276, 51.5072]);
  });

  it('stores area-only records in an areas dataset without R*Tree rows', async () => {
    const path = t.file(
      'ae.csv',
      csv([
        ['district', 'admitted'],
        ['SW1A', '01/01/2024'],
        ['N1', '02/01/2024'],
      ]),
    );
    const m = mapping({ fields: { area: 'district', date: 'admitted' }, timeShape: 'date' });
    const summary = await run(path, m, { dataset: 'A&E' });
    expect(summary).toMatchObject({ rowsAccepted: 2, geometry: 'areas' });
    expect(t.project.db.prepare('SELECT geometry FROM datasets').get()).toEqual({ geometry: 'areas' });
    expect(count('SELECT COUNT(*) AS n FROM records WHERE x IS NULL AND area_code IS NOT NULL')).toBe(2);
  });

  it('refuses the same file into the same dataset, naming the earlier import and its date', async () => {
    const path = t.file('crimes.csv', csv(xyRows));
    await run(path, xyMapping);
    const before = t.fingerprint();
    const today = new Date().toISOString().slice(0, 10);
    await expect(run(path, xyMapping)).rejects.toMatchObject({
      code: 'refused',
      message: expect.stringMatching(new RegExp(`import #1 \\("crimes.csv"\\) on ${today}`)),
    });
    expect(t.fingerprint()).toBe(before);
    // Into another dataset it is a new import.
    await expect(run(path, xyMapping, { dataset: 'Other' })).resolves.toMatchObject({ rowsAccepted: 2 });
  });

  it('with allowDuplicateFile imports again, rejecting references already in the dataset', async () => {
    const path = t.file('crimes.csv', csv(xyRows));
    await run(path, xyMapping);
    const again = await run(path, xyMapping, { allowDuplicateFile: true });
    expect(again).toMatchObject({ rowsAccepted: 0, rowsRejected: 3, rowsDuplicate: 2, importId: null });
    expect(again.message).toMatch(/^Nothing imported/);
    expect(
      again.firstIssues.filter((i) => i.reason === 'reference A1 is already in dataset "Crimes"'),
    ).toHaveLength(1);
    expect(count('SELECT COUNT(*) AS n FROM imports')).toBe(1);
  });

  it('rejects only the rows whose reference is already in the dataset', async () => {
    await run(t.file('a.csv', csv(xyRows)), xyMapping);
    const second = csv([
      xyRows[0]!,
      ['A3', '03/02/2024 09:00', 530300, 180300, 'Theft', 'B3'],
      ['A4', '04/02/2024 09:00', 530400, 180400, 'Theft', 'B3'],
    ]);
    const summary = await run(t.file('b.csv', second), xyMapping);
    expect(summary).toMatchObject({ rowsAccepted: 1, rowsRejected: 1, rowsDuplicate: 1 });
    expect(t.project.db.prepare('SELECT reference FROM records ORDER BY id').pluck().all()).toEqual([
      'A1',
      'A3',
      'A4',
    ]);
  });

  it('dry run gives the same summary as the import and leaves the project byte-for-byte unchanged', async () => {
    const path = t.file('crimes.csv', csv(xyRows));
    const before = t.fingerprint();
    const dry = await run(path, xyMapping, { dryRun: true });
    expect(t.fingerprint()).toBe(before);
    expect(dry).toMatchObject({ dryRun: true, importId: null, rowsAccepted: 2, rowsRejected: 1 });
    expect(dry.message).toBe('Would import 2 of 3 rows into "Crimes" (1 rejected)');
    const real = await run(path, xyMapping);
    expect({ ...real, durationMs: 0, dryRun: true, importId: null, datasetId: null, message: '' }).toEqual({
      ...dry,
      durationMs: 0,
      message: '',
    });
  });

  it('writes nothing when every row is rejected, and says so', async () => {
    const path = t.file('bad.csv', csv([xyRows[0]!, ['B1', '31/02/2024', 530000, 180000, 'Burglary', 'B1']]));
    const before = t.fingerprint();
    const summary = await run(path, xyMapping);
    expect(summary).toMatchObject({ importId: null, datasetId: null, rowsAccepted: 0, rowsRejected: 1 });
    expect(summary.message).toBe('Nothing imported: all 1 rows were rejected (see the issues for why)');
    expect(t.fingerprint()).toBe(before);
  });

  it('refuses a mapping that does not fit the file, before writing anything', async () => {
    const path = t.file('crimes.csv', csv(xyRows));
    const before = t.fingerprint();
    const bad = { ...xyMapping, fields: { ...xyMapping.fields, x: 'Easting (m)' } };
    await expect(run(path, bad)).rejects.toMatchObject({
      code: 'refused',
      message: /"Easting \(m\)", which is not a column/,
    });
    expect(t.fingerprint()).toBe(before);
  });

  it('leaves the project byte-for-byte unchanged when the file breaks after rows were written', async () => {
    await run(t.file('first.csv', csv(xyRows)), xyMapping);
    const good = Array.from(
      { length: 3000 },
      (_, i) => `R${i},01/03/2024 10:00,${530000 + i},180000,Theft,B1`,
    );
    const path = t.file(
      'broken.csv',
      `${xyRows[0]!.join(',')}\n${good.join('\n')}\nR9,"01/03/2024 10:00,530000,180000,Theft,B1\n`,
    );
    const before = t.fingerprint();
    await expect(run(path, xyMapping, { dataset: 'Crimes' })).rejects.toMatchObject({ code: 'refused' });
    expect(t.fingerprint()).toBe(before);
    expect(count('SELECT COUNT(*) AS n FROM records')).toBe(2);
  });
});

describe('runImport PII guard', () => {
  const rows = [
    ['ref', 'date', 'easting', 'northing', 'Surname'],
    ['A1', '01/02/2024 10:30', 530000, 180000, 'Smith'],
    ['A2', '02/02/2024 10:30', 530100, 180100, 'Jones'],
  ];
  const piiMapping = {
    ...xyMapping,
    fields: { reference: 'ref', date: 'date', x: 'easting', y: 'northing' },
  };

  it('refuses a column of surnames until the analyst decides, writing nothing', async () => {
    const path = t.file('pii.csv', csv(rows));
    const before = t.fingerprint();
    await expect(run(path, piiMapping)).rejects.toMatchObject({
      code: 'refused',
      message: /Personal data found: column "Surname"/,
    });
    expect(t.fingerprint()).toBe(before);
  });

  it('strips an excluded column: not kept as an attribute, listed as excluded', async () => {
    const path = t.file('pii.csv', csv(rows));
    const summary = await run(path, piiMapping, { pii: [{ column: 'Surname', action: 'exclude' }] });
    expect(summary.pii).toEqual({ excluded: ['Surname'], overridden: [] });
    expect(t.project.db.prepare('SELECT attrs_json FROM records').pluck().all()).toEqual([null, null]);
    expect(summary.columns.find((c) => c.column === 'Surname')).toMatchObject({
      use: 'excluded',
      examples: [],
    });
  });

  it('keeps an overridden column and writes the reason to the audit log with the import', async () => {
    const path = t.file('pii.csv', csv(rows));
    const reason = 'Needed to link repeat victims; approved by DPO ref 42';
    const summary = await run(path, piiMapping, { pii: [{ column: 'Surname', action: 'override', reason }] });
    expect(summary.pii.overridden).toEqual([{ column: 'Surname', reason }]);
    expect(t.project.db.prepare('SELECT attrs_json FROM records ORDER BY id').pluck().all()).toEqual([
      '["Smith"]',
      '["Jones"]',
    ]);
    const overrides = readAudit(t.project.db).filter((a) => a.action === 'pii-override');
    expect(overrides).toHaveLength(1);
    expect(overrides[0]!.detail).toMatchObject({ column: 'Surname', reason, importId: summary.importId });
  });

  it('refuses an override whose reason is too short', async () => {
    const path = t.file('pii.csv', csv(rows));
    await expect(
      run(path, piiMapping, { pii: [{ column: 'Surname', action: 'override', reason: 'ok' }] }),
    ).rejects.toMatchObject({
      code: 'refused',
      message: /needs a reason/,
    });
  });
});
