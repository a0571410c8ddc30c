import { describe, expect, it } from 'vitest';
import { AttrEncoder } from '../../../../../electron/engine/import/attr-encoder.js';
import { mulberry32 } from './generate-police-uk.js';

describe('AttrEncoder', () => {
  it('numbers keys as first seen and aligns every record with them, JSON-escaping values', () => {
    const encoder = new AttrEncoder();
    expect(encoder.encode({ beat: 'B1', ward: 'North' })).toBe('["B1","North"]');
    expect(encoder.encode({ ward: 'South "end"', beat: 'B2' })).toBe('["B2","South \\"end\\""]');
    // A key not seen before goes last; a record without the earlier keys has '' in their places.
    expect(encoder.encode({ zone: 'Z' })).toBe('["","","Z"]');
    expect(encoder.encode({ beat: 'B3' })).toBe('["B3"]');
    expect(encoder.encode({})).toBeNull();
    expect(encoder.keys).toEqual(['beat', 'ward', 'zone']);
    expect(JSON.parse(encoder.encode({ ward: 'a\nb\\c' })!)).toEqual(['', 'a\nb\\c']);
  });

  it('writes exactly what JSON.stringify writes for the aligned values, whatever the characters', () => {
    // Independent reference: the values placed by key order, then JSON.stringify of the array.
    const alphabet = [
      'a',
      'Z',
      ' ',
      ',',
      '"',
      '\\',
      '\n',
      '\t',
      '\u0000',
      '\u001f',
      '£',
      'é',
      '\u2028',
      '😀',
      '\ud800',
      '\udfff',
    ];
    const random = mulberry32(15);
    const keys = ['k0', 'k1', 'k2', 'k3'];
    const encoder = new AttrEncoder();
    const order: string[] = [];
    for (let n = 0; n < 2000; n++) {
      const attrs: Record<string, string> = {};
      for (const key of keys) {
        if (random() < 0.4) continue;
        let value = '';
        for (let c = 1 + Math.floor(random() * 6); c > 0; c--)
          value += alphabet[Math.floor(random() * alphabet.length)];
        attrs[key] = value;
        if (!order.includes(key)) order.push(key);
      }
      const values = order.map((key) => attrs[key] ?? '');
      while (values.length > 0 && !(order[values.length - 1]! in attrs)) values.pop();
      expect(encoder.encode(attrs)).toBe(values.length === 0 ? null : JSON.stringify(values));
    }
    expect(encoder.keys).toEqual(order);
  });
});
