import { describe, expect, it } from 'vitest';
import { filterWords } from '../../../../shared/provenance/filter-words.js';

const names = {
  dataset: (id: number) => ['', 'Police crimes', 'Fire'][id] ?? '?',
  area: () => 'Castle (Wards)',
};
const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

describe('filterWords', () => {
  it('writes an empty filter as all of everything', () => {
    expect(filterWords({}, names)).toBe('all datasets; all categories; all dates');
  });

  it('writes datasets, categories, UK dates (end exclusive), hours across midnight, weekdays and area', () => {
    const text = filterWords(
      {
        datasetIds: [1, 2],
        categories: ['Burglary'],
        fromMs: day(2026, 1, 1),
        toMs: day(2026, 4, 1),
        hours: [22, 23, 0, 1],
        weekdays: [4, 5],
        area: { boundaryFeatureId: 9 },
      },
      names,
    );
    expect(text).toBe(
      'Police crimes, Fire; categories: Burglary; 01/01/2026 to 31/03/2026; hours 22:00–02:00; days Fri, Sat; in Castle (Wards)',
    );
  });

  it('names a drawn polygon without printing its coordinates', () => {
    expect(
      filterWords(
        {
          area: {
            polygon: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 0],
              ],
            ],
          },
        },
        names,
      ),
    ).toMatch(/inside a drawn area$/);
  });
});
