import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsvEvents } from '../../../../../electron/cli/commands/kde-input.js';
import { WorkerPool } from '../../../../../electron/engine/jobs/worker-pool.js';
import { tempDirs } from '../cli-harness.js';

const tempDir = tempDirs('hsw-kde-input-');

/** Writes `text` to a fresh file and reads it with readCsvEvents. */
async function read(text: string, columns: { x: string; y: string; weight?: string }) {
  const path = join(tempDir(), 'events.csv');
  writeFileSync(path, text);
  return readCsvEvents(path, columns);
}

describe('readCsvEvents: the plain CSV path and the papaparse path agree', () => {
  // Row 3 has a bad x, row 5 a negative weight; a blank line and CRLF endings; spaces around numbers.
  const plain =
    'id,x,y,w\r\n1,100.5,200,1\r\n2,abc,201,2\r\n\r\n3, 102 ,203,0.5\r\n4,103,204,-1\r\n5,104,,1\r\n6,105,206,3\r\n';
  // The same cells with quotes, which only papaparse reads.
  const quoted = plain.replace(/^(\d),/gm, '"$1",');

  it('reads the same numbers and the same rejected rows with the same reasons', async () => {
    const a = await read(plain, { x: 'x', y: 'y', weight: 'w' });
    const b = await read(quoted, { x: 'x', y: 'y', weight: 'w' });
    // Known answer, by hand: rows 1, 3 and 6 are usable.
    expect(Array.from(a.events.x)).toEqual([100.5, 102, 105]);
    expect(Array.from(a.events.y)).toEqual([200, 203, 206]);
    expect(Array.from(a.events.weight ?? [])).toEqual([1, 0.5, 3]);
    expect(a.rows).toBe(6);
    expect(a.rejected).toBe(3);
    expect(a.reasons).toEqual([
      "row 3: x/y 'abc', '201' are not numbers",
      "row 5: weight '-1' is not a number ≥ 0",
      "row 6: x/y '104', '' are not numbers",
    ]);
    expect({ ...b, label: a.label }).toEqual(a);
  });

  it('reads a file without a header by column numbers, and short lines as missing cells', async () => {
    const a = await read('100,200\n101\n102,202\n', { x: '1', y: '2' });
    expect(Array.from(a.events.x)).toEqual([100, 102]);
    expect(a.reasons).toEqual(["row 2: x/y '101', '' are not numbers"]);
    const b = await read('"100",200\n101\n102,202\n', { x: '1', y: '2' });
    expect({ ...b, label: a.label }).toEqual(a);
  });
});

describe('readCsvEvents on a pool: a large plain file read in ranges of lines on the threads', () => {
  const pool = new WorkerPool({ size: 3 });
  afterAll(() => pool.close());

  it('reads every row in order, with the rejected rows and their reasons, as built', async () => {
    // 200,000 rows (5 MB, over the 4 MiB from which the threads read), CRLF endings; every 9,973rd row
    // has a bad x, every 7,919th a negative weight, and a blank line follows every 5,003rd.
    const rows = 200_000;
    const lines = ['id,x,y,w'];
    const x: number[] = [];
    const y: number[] = [];
    const w: number[] = [];
    const reasons: string[] = [];
    for (let i = 1; i <= rows; i++) {
      const badX = i % 9973 === 0;
      const badW = !badX && i % 7919 === 0;
      const vx = 400_000 + i * 0.25;
      const vy = 300_000 + (i % 977);
      const vw = badW ? -1 : (i % 5) + 1;
      lines.push(`${i},${badX ? 'n/a' : vx},${vy},${vw}`);
      if (i % 5003 === 0) lines.push('');
      if (badX) reasons.push(`row ${i + 1}: x/y 'n/a', '${vy}' are not numbers`);
      else if (badW) reasons.push(`row ${i + 1}: weight '-1' is not a number ≥ 0`);
      else {
        x.push(vx);
        y.push(vy);
        w.push(vw);
      }
    }
    const path = join(tempDir(), 'large.csv');
    writeFileSync(path, `${lines.join('\r\n')}\r\n`);
    const a = await readCsvEvents(path, { x: 'x', y: 'y', weight: 'w' }, pool);
    expect(a.rows).toBe(rows);
    expect(a.rejected).toBe(rows - x.length);
    expect(a.reasons).toEqual(reasons.slice(0, 5));
    expect(Array.from(a.events.x)).toEqual(x);
    expect(Array.from(a.events.y)).toEqual(y);
    expect(Array.from(a.events.weight ?? [])).toEqual(w);
  });
});
