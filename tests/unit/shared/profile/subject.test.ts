import { describe, expect, it } from 'vitest';
import { parseSubject, subjectText } from '../../../../shared/profile/subject.js';

describe('parseSubject', () => {
  it('reads the four subject kinds of the CLI', () => {
    expect(parseSubject('hotspot:1')).toEqual({ kind: 'hotspot', rank: 1 });
    expect(parseSubject('area:Abbey Fields')).toEqual({ kind: 'area', name: 'Abbey Fields' });
    expect(parseSubject('category:Burglary')).toEqual({ kind: 'category', name: 'Burglary' });
    expect(parseSubject('chain:12')).toEqual({ kind: 'chain', id: 12 });
  });

  it('keeps a colon inside a name and round-trips through subjectText', () => {
    expect(parseSubject('area:Ward: North')).toEqual({ kind: 'area', name: 'Ward: North' });
    for (const text of ['hotspot:3', 'area:Ward: North', 'category:Vehicle Offences', 'chain:2']) {
      expect(subjectText(parseSubject(text))).toBe(text);
    }
  });

  it('refuses a hotspot or chain number that is not a whole number >= 1, and unknown kinds', () => {
    expect(() => parseSubject('hotspot:0')).toThrow(RangeError);
    expect(() => parseSubject('chain:x')).toThrow(/whole number/);
    expect(() => parseSubject('beat:AB1')).toThrow(/hotspot:N, area:NAME/);
    expect(() => parseSubject('area:')).toThrow(RangeError);
  });
});
