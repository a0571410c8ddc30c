import { describe, expect, it } from 'vitest';
import { csvCell, datasetNameFromFile, issuesCsv } from '../../../../renderer/src/panels/import-helpers.js';

describe('datasetNameFromFile', () => {
  it('turns a file name into a readable dataset name', () => {
    expect(datasetNameFromFile('police_crimes.csv')).toBe('Police crimes');
    expect(datasetNameFromFile('asb-2025-q1.xlsx')).toBe('Asb 2025 q1');
    expect(datasetNameFromFile('.csv')).toBe('Imported data');
  });
});

describe('csvCell', () => {
  it('quotes cells with commas, quotes or line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(12)).toBe('12');
  });

  it('makes formula-like text inert but leaves negative numbers alone', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+44 1234')).toBe("'+44 1234");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-12.5')).toBe('-12.5');
  });
});

describe('issuesCsv', () => {
  it('writes a header and one CRLF line per issue', () => {
    const csv = issuesCsv([
      {
        rowNumber: 3,
        column: 'Date',
        value: '31/02/2024',
        severity: 'rejected',
        reason: 'not a real date, expected dd/mm/yyyy',
      },
      { rowNumber: 9, column: null, value: null, severity: 'warning', reason: 'duplicate' },
    ]);
    expect(csv).toBe(
      'row,severity,column,value,reason\r\n3,rejected,Date,31/02/2024,"not a real date, expected dd/mm/yyyy"\r\n9,warning,,,duplicate\r\n',
    );
  });
});
