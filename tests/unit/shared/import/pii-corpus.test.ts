/**
 * A generated corpus for the PII guard (issue 14): identifying columns (headers × contents) planted
 * in an extract of columns that must never be flagged, and the bundled sample files, which must
 * import with no refusal. Each variant expects exactly one finding, on the planted column.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectMapping } from '../../../../shared/import/detect-mapping.js';
import { detectPii } from '../../../../shared/import/pii.js';
import type { PiiKind } from '../../../../shared/import/pii-types.js';

const opts = { nowYear: 2025 };
const ROWS = 200;

/** A small seeded generator (mulberry32), so the corpus is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SURNAMES = ['Quillfeather', 'Bartlemore', 'Pemberton', 'Ashdown', 'Marchbank', 'Thistlewood'];
const FORENAMES = ['Dazza', 'Kieran', 'Shannon', 'Tomasz', 'Leanne', 'Callum'];
const VERBS = ['forced', 'smashed', 'kicked', 'prised', 'climbed through', 'broke'];
const TARGETS = ['rear door', 'side window', 'garage lock', 'front gate', 'shed padlock', 'car boot'];
const WITNESS = ['neighbour saw', 'passer-by noticed', 'CCTV shows', 'caller heard', 'staff watched'];
const STREETS = ['Oak Drive', 'Swallow Crescent', 'Lime Way', 'Cromwell Street', 'Mill Road', 'Abbey Lane'];
const CATEGORIES = ['Burglary', 'Vehicle Offences', 'Criminal Damage and Arson', 'Theft from the Person'];
const WARDS = ['Thornhill', 'Abbey Fields', 'Castle', 'Riverside', 'St Marys'];
const OUTCOMES = ['Under investigation', 'No further action', 'Suspect charged', 'Unable to prosecute'];

type Pick = <T>(items: readonly T[]) => T;

/** Cell makers for identifying contents, each given the row's record date. */
const IDENTIFYING: Record<
  string,
  { kind: PiiKind; cell: (pick: Pick, row: number, recordMs: number) => string }
> = {
  'narrative naming people': {
    kind: 'name',
    cell: (pick) => {
      const who = pick(SURNAMES);
      return `Offender ${who} ${pick(VERBS)} ${pick(TARGETS)}, ${pick(WITNESS)} ${who} leave`;
    },
  },
  'short text naming people': {
    kind: 'name',
    cell: (pick) => `seen with ${pick(FORENAMES)} ${pick(SURNAMES)}`,
  },
  'long notes without names': {
    kind: 'narrative',
    cell: (pick, row) =>
      `offender ${pick(VERBS)} the ${pick(TARGETS)} at about ${row % 24}:00 and took cash, ${pick(WITNESS)} a dark car`,
  },
};

const NARRATIVE_HEADERS = [
  'MO Notes',
  'Notes',
  'Officer Comments',
  'Details',
  'Description',
  'Summary',
  'Remarks',
  'Circumstances',
  'Narrative',
  'Free text',
  'Modus Operandi',
  'MO',
  'OIC notes',
  'CaseSummary',
];
const NEUTRAL_HEADERS = ['Column 12', 'Extra', 'Info', 'Field7'];
const BIRTH_HEADERS = ['DOB', 'Date of Birth', 'Birth Date', 'Victim D.O.B.', 'Year of birth'];
const NEUTRAL_DATE_HEADERS = ['Date (V)', 'Col 9', 'Second Date', 'Dt2'];

/** The columns that must never be flagged, as in a police extract. */
const NEGATIVE_HEADERS = [
  'Crime Reference',
  'Committed Date',
  'Offence Category',
  'Location',
  'Ward',
  'Beat',
  'Outcome',
];

function ddmmyyyy(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

function negativeRow(pick: Pick, row: number, recordMs: number): string[] {
  return [
    `AS/${String(row + 1).padStart(5, '0')}/24`,
    ddmmyyyy(recordMs),
    pick(CATEGORIES),
    `On or near ${pick(STREETS)}`,
    pick(WARDS),
    `AB${10 + (row % 7)}`,
    pick(OUTCOMES),
  ];
}

/** An extract of ROWS rows: the negative columns, then the planted column. */
function extract(
  seed: number,
  header: string | null,
  cell: ((pick: Pick, row: number, recordMs: number) => string) | null,
): { headers: string[]; rows: string[][] } {
  const random = seeded(seed);
  const pick: Pick = (items) => items[Math.floor(random() * items.length)]!;
  const rows: string[][] = [];
  for (let row = 0; row < ROWS; row++) {
    const recordMs = Date.UTC(2024, 0, 1) + Math.floor(random() * 365) * 86_400_000;
    const cells = negativeRow(pick, row, recordMs);
    if (cell) cells.push(cell(pick, row, recordMs));
    rows.push(cells);
  }
  return { headers: header ? [...NEGATIVE_HEADERS, header] : [...NEGATIVE_HEADERS], rows };
}

/** A date of birth: 0–90 years before the record date. */
function birthCell(random: () => number) {
  return (_pick: Pick, _row: number, recordMs: number) =>
    ddmmyyyy(recordMs - Math.floor(random() * 90 * 365.25 + 30) * 86_400_000);
}

interface Variant {
  name: string;
  header: string;
  kind: PiiKind;
  evidence: 'header' | 'content';
  cell: (pick: Pick, row: number, recordMs: number) => string;
}

function corpus(): Variant[] {
  const variants: Variant[] = [];
  for (const [content, { kind, cell }] of Object.entries(IDENTIFYING)) {
    for (const header of NARRATIVE_HEADERS)
      variants.push({ name: `${header} × ${content}`, header, kind: 'narrative', evidence: 'header', cell });
    for (const header of NEUTRAL_HEADERS)
      variants.push({ name: `${header} × ${content}`, header, kind, evidence: 'content', cell });
  }
  const random = seeded(99);
  for (const header of BIRTH_HEADERS) {
    variants.push({
      name: `${header} × dates of birth`,
      header,
      kind: 'date_of_birth',
      evidence: 'header',
      cell: birthCell(random),
    });
  }
  for (const header of NEUTRAL_DATE_HEADERS) {
    variants.push({
      name: `${header} × dates of birth`,
      header,
      kind: 'date_of_birth',
      evidence: 'content',
      cell: birthCell(random),
    });
  }
  return variants;
}

describe('PII guard corpus: identifying columns among columns that must not be flagged', () => {
  const variants = corpus();

  it('has at least 50 identifying-column variants', () => {
    expect(variants.length).toBeGreaterThanOrEqual(50);
  });

  it.each(variants.map((v, i) => [v.name, v, i] as const))('%s → flagged, nothing else', (_name, v, i) => {
    const { headers, rows } = extract(1000 + i, v.header, v.cell);
    const found = detectPii(headers, rows, opts).map((f) => [f.column, f.kind, f.evidence]);
    expect(found).toEqual([[v.header, v.kind, v.evidence]]);
  });

  it('flags none of Crime Reference, Committed Date, Offence Category, Location, Ward, Beat, Outcome', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const { headers, rows } = extract(seed, null, null);
      expect(detectPii(headers, rows, opts)).toEqual([]);
    }
  });

  it('reads "Committed Date" as the date by its content', () => {
    const { headers, rows } = extract(7, null, null);
    expect(detectMapping(headers, rows).mapping.fields.date).toBe('Committed Date');
  });

  it('does not take record dates against each other for dates of birth (committed vs reported)', () => {
    const headers = ['Committed Date', 'Reported Date', 'Crime Ref'];
    const rows = Array.from({ length: 50 }, (_, i) => {
      const ms = Date.UTC(2024, 0, 1) + i * 86_400_000;
      return [ddmmyyyy(ms), ddmmyyyy(ms + (i % 40) * 86_400_000), `R${i}`];
    });
    expect(detectPii(headers, rows, opts)).toEqual([]);
  });

  it('does not read a pick-list of phrases as free text', () => {
    const phrases = ['rear door forced open', 'window smashed with brick', 'lock snapped on door'];
    const rows = Array.from({ length: 100 }, (_, i) => [phrases[i % 3]!]);
    expect(detectPii(['Method'], rows, opts)).toEqual([]);
  });
});

/** The bundled sample extracts (no quoted cells: a plain split reads them) import with no refusal. */
describe('PII guard on the bundled samples', () => {
  const dir = join(__dirname, '../../../../resources/sample');
  const files = readdirSync(dir).filter((f) => f.endsWith('.csv'));

  it.each(files)('%s: no column flagged (no false positives)', (file) => {
    const lines = readFileSync(join(dir, file), 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/);
    const headers = lines[0]!.split(',');
    const rows = lines
      .slice(1, 1001)
      .filter((l) => l.length > 0)
      .map((l) => l.split(','));
    expect(rows.length).toBeGreaterThan(100);
    expect(detectPii(headers, rows, opts)).toEqual([]);
  });
});
