import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTable } from '../../../../../../electron/engine/import/readers/open-table.js';
import {
  ImportFileError,
  type OpenTableOptions,
  type TableRow,
} from '../../../../../../electron/engine/import/readers/table.js';
import { cellText, dateCellText } from '../../../../../../electron/engine/import/readers/xlsx-reader.js';
import { parseDateCell } from '../../../../../../shared/import/dates.js';

const dir = mkdtempSync(join(tmpdir(), 'hotspot-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(path: string, options: OpenTableOptions = {}) {
  const table = await openTable(path, options);
  const rows: TableRow[] = [];
  for await (const batch of table.batches) rows.push(...batch);
  return { headers: table.headers, rows, info: table.info };
}

describe('openTable — XLSX', () => {
  const path = join(dir, 'extract.xlsx');
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const notes = wb.addWorksheet('Notes');
    notes.addRow(['Read me']);
    notes.addRow(['This sheet is not data']);
    const sheet = wb.addWorksheet('Crimes');
    sheet.addRow(['Ref', 'Committed', 'Time', 'Easting', 'Type', 'Total']);
    sheet.addRow([
      'C1',
      new Date(Date.UTC(2017, 3, 7, 18, 30)),
      new Date(Date.UTC(1899, 11, 30, 9, 15)),
      430000,
      'Burglary',
      { formula: 'D2*0+2', result: 2 },
    ]);
    sheet.addRow([]); // an empty row 3 is skipped
    sheet.addRow([
      'C2',
      new Date(Date.UTC(2017, 3, 8)),
      null,
      430100.5,
      { richText: [{ text: 'Vehicle ' }, { text: 'crime' }] },
      1,
    ]);
    await wb.xlsx.writeFile(path);
  });

  it('reads a sheet by name, with Excel row numbers and text cells', async () => {
    const t = await readAll(path, { sheet: 'Crimes' });
    expect(t.headers).toEqual(['Ref', 'Committed', 'Time', 'Easting', 'Type', 'Total']);
    expect(t.rows).toEqual([
      { rowNumber: 2, cells: ['C1', '2017-04-07T18:30:00', '09:15:00', '430000', 'Burglary', '2'] },
      { rowNumber: 4, cells: ['C2', '2017-04-08', '', '430100.5', 'Vehicle crime', '1'] },
    ]);
    expect(t.info).toMatchObject({
      format: 'xlsx',
      sheets: ['Notes', 'Crimes'],
      sheet: 'Crimes',
      delimiter: null,
    });
  });

  it('reads the first sheet by default and a sheet by 0-based index', async () => {
    expect((await readAll(path)).headers).toEqual(['Read me']);
    expect((await readAll(path, { sheet: 1 })).info.sheet).toBe('Crimes');
  });

  it('refuses a sheet that does not exist, listing the sheets', async () => {
    await expect(readAll(path, { sheet: 'Fires' })).rejects.toThrow(
      'extract.xlsx: no sheet "Fires"; sheets: Notes, Crimes',
    );
    await expect(readAll(path, { sheet: 5 })).rejects.toBeInstanceOf(ImportFileError);
  });

  it('writes cell dates as text the date parser reads back to the same wall-clock time', () => {
    const text = dateCellText(new Date(Date.UTC(2017, 3, 7, 18, 30, 5)));
    expect(text).toBe('2017-04-07T18:30:05');
    const parsed = parseDateCell(text, { format: 'dmy', nowYear: 2025 });
    expect(typeof parsed !== 'string' && parsed.startMs).toBe(Date.UTC(2017, 3, 7, 18, 30, 5));
    expect(cellText({ error: '#N/A' } as ExcelJS.CellErrorValue)).toBe('#N/A');
    expect(cellText(true)).toBe('TRUE');
  });
});

describe('openTable — GeoJSON', () => {
  function write(name: string, doc: unknown): string {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(doc));
    return path;
  }
  const point = (lon: number, lat: number, properties: Record<string, unknown>) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties,
  });

  it('turns point features into rows: property columns in first-seen order, then lon and lat', async () => {
    const path = write('points.geojson', {
      type: 'FeatureCollection',
      features: [
        point(-1.5, 53.8, { ref: 'A', n: 2 }),
        point(-1.6, 53.7, { ref: 'B', extra: true, n: null }),
      ],
    });
    const t = await readAll(path);
    expect(t.headers).toEqual(['ref', 'n', 'extra', 'lon', 'lat']);
    expect(t.rows).toEqual([
      { rowNumber: 2, cells: ['A', '2', '', '-1.5', '53.8'] },
      { rowNumber: 3, cells: ['B', '', 'true', '-1.6', '53.7'] },
    ]);
    expect(t.info.format).toBe('geojson');
    expect(t.info.geojsonCrs).toBeUndefined();
  });

  it('names x and y columns and reports the CRS when a legacy projected crs member is present', async () => {
    const path = write('bng.json', {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } },
      features: [point(430000, 433000, { lon: 'clash' })],
    });
    const t = await readAll(path);
    expect(t.headers).toEqual(['lon', 'x', 'y']);
    expect(t.info.geojsonCrs).toBe('EPSG:27700');
  });

  it('refuses polygons, naming the feature’s row', async () => {
    const path = write('mixed.geojson', {
      type: 'FeatureCollection',
      features: [
        point(0, 1, {}),
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [] } },
      ],
    });
    await expect(readAll(path)).rejects.toThrow(
      'mixed.geojson, row 3: Polygon geometry: only points are events (load polygons as a boundary layer)',
    );
  });
});
