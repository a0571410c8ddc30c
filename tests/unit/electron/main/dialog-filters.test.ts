import { describe, expect, it } from 'vitest';
import { dialogFilters } from '../../../../electron/main/dialog-filters.js';

describe('dialogFilters(accept)', () => {
  it('turns an accept list into one filter, lower-case and without duplicates', () => {
    expect(dialogFilters('.csv, .XLSX,.csv')).toEqual([{ name: 'CSV, XLSX', extensions: ['csv', 'xlsx'] }]);
  });

  it('offers all files without an accept list or when nothing in it is an extension', () => {
    expect(dialogFilters(undefined)).toEqual([{ name: 'All files', extensions: ['*'] }]);
    expect(dialogFilters('image/*')).toEqual([{ name: 'All files', extensions: ['*'] }]);
  });
});
