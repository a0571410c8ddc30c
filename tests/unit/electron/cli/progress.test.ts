import { describe, expect, it } from 'vitest';
import { createProgressBar, renderProgressLine } from '../../../../electron/cli/progress.js';

const io = (interactive: boolean) => ({ out: () => {}, err: () => {}, interactive, debug: false });

describe('renderProgressLine', () => {
  it('draws the filled share of the bar, the percentage and the message', () => {
    expect(renderProgressLine('Hashing', 50, 200, 'chunk 2', 60)).toBe(
      `Hashing [${'#'.repeat(9)}${'-'.repeat(27)}]  25% chunk 2`,
    );
  });

  it('shows … while the total is unknown', () => {
    expect(renderProgressLine('Import', 3, 0, '', 40)).toBe(`Import [${'-'.repeat(25)}]    …`);
  });

  it('never exceeds the terminal width', () => {
    expect(
      renderProgressLine('A very long label', 1, 2, 'a long message '.repeat(10), 50).length,
    ).toBeLessThanOrEqual(49);
  });
});

describe('createProgressBar', () => {
  it('writes nothing when stderr is not a terminal', () => {
    const writes: string[] = [];
    const bar = createProgressBar(io(false), 'Work', { write: (s) => writes.push(s) });
    bar.update(1, 2);
    bar.finish();
    expect(writes).toEqual([]);
  });

  it('redraws at most every 100 ms but always draws completion, then clears the line', () => {
    const writes: string[] = [];
    let now = 0;
    const bar = createProgressBar(io(true), 'Work', {
      write: (s) => writes.push(s),
      columns: 60,
      now: () => now,
    });
    bar.update(1, 10);
    now = 50;
    bar.update(2, 10);
    now = 150;
    bar.update(3, 10);
    now = 160;
    bar.update(10, 10);
    bar.finish();
    expect(writes).toHaveLength(4);
    expect(writes[0]).toContain(' 10%');
    expect(writes[1]).toContain(' 30%');
    expect(writes[2]).toContain('100%');
    expect(writes[3]).toBe('\r\x1b[2K');
  });
});
