import { describe, expect, it } from 'vitest';
import { safeUploadName } from '../../../../electron/web-host/upload.js';

describe('safeUploadName', () => {
  it('keeps an ordinary file name', () => {
    expect(safeUploadName('Burglary Q1 2026.csv')).toBe('Burglary Q1 2026.csv');
  });

  it('drops any directory part, Unix or Windows', () => {
    expect(safeUploadName('../../etc/passwd')).toBe('passwd');
    expect(safeUploadName('C:\\Users\\analyst\\extract.xlsx')).toBe('extract.xlsx');
  });

  it('strips control characters and refuses names that end up empty or a dot name', () => {
    expect(safeUploadName('a\u0000b\nc.csv')).toBe('abc.csv');
    for (const name of [null, '', '   ', '.', '..', 'dir/', '\u0001'])
      expect(safeUploadName(name), String(name)).toBeNull();
  });

  it('shortens very long names to 200 characters', () => {
    expect(safeUploadName(`${'x'.repeat(300)}.csv`)?.length).toBe(200);
  });
});
