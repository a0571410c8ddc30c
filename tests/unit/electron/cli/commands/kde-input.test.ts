import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvEvents } from '../../../../../electron/cli/commands/kde-input.js';
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
