import { describe, expect, it } from 'vitest';
import { plainMessage } from '../../../../renderer/src/shell/user-text.js';

describe('plainMessage', () => {
  it('takes the web host’s upload prefix off file names', () => {
    expect(plainMessage('827c98eb14ba8aa2-bad_image.csv is not a table')).toBe(
      'bad_image.csv is not a table',
    );
    expect(plainMessage('Could not read “827c98eb14ba8aa2-bad image.csv”: no header')).toBe(
      'Could not read “bad image.csv”: no header',
    );
    expect(plainMessage('/tmp/uploads/0123456789abcdef-crimes.xlsx: sheet missing')).toBe(
      '/tmp/uploads/crimes.xlsx: sheet missing',
    );
  });

  it('leaves other hex and hyphenated words alone', () => {
    for (const text of [
      'SHA-256 0123456789abcdef0123 differs',
      'abcdef-ghi is not a column',
      'record 0123456789abcdef is a duplicate',
      'x0123456789abcdef-y.csv',
    ])
      expect(plainMessage(text)).toBe(text);
  });
});
