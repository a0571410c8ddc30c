import { describe, expect, it } from 'vitest';
import { AttrEncoder } from '../../../../../electron/engine/import/attr-encoder.js';

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
});
