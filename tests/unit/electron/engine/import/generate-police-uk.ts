/**
 * Seeded police.uk street-level CSV rows (the public data's exact header, month-only dates, WGS84
 * points snapped to a few thousand anonymised locations in London, LSOA codes, ASB rows without a
 * Crime ID), for import tests and bench/import.bench.ts.
 */
import { createWriteStream } from 'node:fs';
import { POLICE_UK_HEADERS } from '../../../../../shared/import/presets.js';

const CRIME_TYPES = [
  'Anti-social behaviour',
  'Burglary',
  'Criminal damage and arson',
  'Drugs',
  'Other theft',
  'Public order',
  'Robbery',
  'Shoplifting',
  'Theft from the person',
  'Vehicle crime',
  'Violence and sexual offences',
];
const OUTCOMES = [
  'Under investigation',
  'Investigation complete; no suspect identified',
  'Unable to prosecute suspect',
];

/** mulberry32: a small seeded PRNG (public domain, Tommy Ettinger). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function policeUkLines(rows: number, seed = 1): Generator<string> {
  return (function* () {
    const random = mulberry32(seed);
    const points = Array.from({ length: 5000 }, (_, i) => ({
      lon: (-0.25 + random() * 0.3).toFixed(6),
      lat: (51.45 + random() * 0.12).toFixed(6),
      street: `On or near Street ${i}`,
      lsoa: `E0100${String(1000 + (i % 900)).padStart(4, '0')}`,
    }));
    yield POLICE_UK_HEADERS.join(',');
    for (let i = 0; i < rows; i++) {
      const p = points[Math.floor(random() * points.length)]!;
      const type = CRIME_TYPES[Math.floor(random() * CRIME_TYPES.length)]!;
      const asb = type === 'Anti-social behaviour';
      const month = `20${22 + Math.floor(random() * 2)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}`;
      const id = asb ? '' : (i * 2654435761).toString(16).padStart(12, '0') + i.toString(16).padStart(8, '0');
      const outcome = asb ? '' : OUTCOMES[Math.floor(random() * OUTCOMES.length)]!;
      yield `${id},${month},Metropolitan Police Service,Metropolitan Police Service,${p.lon},${p.lat},${p.street},${p.lsoa},Westminster ${p.lsoa.slice(-3)}A,${type},${outcome},`;
    }
  })();
}

export async function writePoliceUkCsv(path: string, rows: number, seed = 1): Promise<void> {
  const out = createWriteStream(path);
  let chunk: string[] = [];
  for (const line of policeUkLines(rows, seed)) {
    chunk.push(line);
    if (chunk.length === 10_000) {
      if (!out.write(`${chunk.join('\n')}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = [];
    }
  }
  out.write(chunk.length > 0 ? `${chunk.join('\n')}\n` : '');
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}
