import { describe, expect, it } from 'vitest';
import { giStar } from '../../../../../shared/analysis/gistar/gistar.js';
import {
  bandNote,
  coldSpotNote,
  exclusiveBins,
  giStarReadingNotes,
  hotShareNote,
  lowestPossibleZ,
  studyAreaCaveat,
  typicalNeighbours,
} from '../../../../../shared/analysis/gistar/reading.js';

const row = (values: number[]) => ({
  width: values.length,
  height: 1,
  originX: 0,
  originY: 0,
  cellSizeM: 100,
  values: Float64Array.from(values),
});

describe('lowestPossibleZ', () => {
  it('is the z of an all-zero neighbourhood: n 5, mean 1, SD 2, W 2 gives −2/(2√1.5) = −0.8165', () => {
    expect(lowestPossibleZ(5, 1, 2, 2)).toBeCloseTo(-1 / Math.sqrt(1.5), 12);
  });

  it('gives −0.886 for the review’s case: 4,800 cells, mean 1.86, SD 6.3, 9 neighbours', () => {
    // (−1.86·9) / (6.3·√((4800·9 − 81)/4799)) = −16.74 / (6.3 · 2.997499) = −0.88645
    expect(lowestPossibleZ(4800, 1.86, 6.3, 9)).toBeCloseTo(-0.88645, 4);
  });

  it('equals the Gi* z of a cell whose neighbourhood is empty', () => {
    // Counts 0 0 0 0 5 at d = 1 cell: cell 1 sees cells 0, 1, 2, all empty; mean 1, SD 2, W 3.
    const result = giStar(row([0, 0, 0, 0, 5]), { distanceM: 100 });
    expect(result.neighbours[1]).toBe(3);
    // −3 / (2 √((15 − 9)/4)) = −1.22474
    expect(result.z[1]).toBeCloseTo(-1.224745, 5);
    expect(lowestPossibleZ(5, 1, 2, 3)).toBeCloseTo(result.z[1]!, 12);
  });
});

describe('typicalNeighbours', () => {
  it('is the median W over the study area’s cells, cells outside (0) left out', () => {
    expect(typicalNeighbours([2, 3, 3, 3, 2])).toBe(3);
    expect(typicalNeighbours([0, 0, 4, 9, 9, 6, 0])).toBe(6);
  });
});

describe('coldSpotNote', () => {
  it('says cold spots cannot reach 90 % and gives the lowest possible z (−1.2 for 0 0 0 0 5)', () => {
    const result = giStar(row([0, 0, 0, 0, 5]), { distanceM: 100 });
    const note = coldSpotNote(result);
    expect(note).toContain('Cold spots cannot reach 90 % here: the lowest possible z is −1.2');
    expect(note).toContain('its 2 neighbours all empty');
    expect(note).not.toContain('-');
  });

  it('is silent when an empty neighbourhood could be a cold spot: 10 10 10 10 0, W 1 gives z −2', () => {
    // mean 8, SD √(400/5 − 64) = 4; W 1: −8 / (4 √(4/4)) = −2 < −1.645
    expect(lowestPossibleZ(5, 8, 4, 1)).toBe(-2);
    expect(coldSpotNote({ cells: 5, mean: 8, sd: 4, neighbours: [1, 1, 1, 1, 1] })).toBeNull();
  });
});

describe('hotShareNote', () => {
  it('warns when hot cells are over 5 % of the study area, counting all three classes', () => {
    const bins = { '3': 3, '2': 1, '1': 2, '-1': 40 };
    expect(hotShareNote(bins, 100)).toBe(
      '6 of 100 cells (6.0%) are hot: too many to task. Try a narrower distance band or a smaller study area.',
    );
    expect(hotShareNote(bins, 120)).toBeNull(); // exactly 5 %
  });

  it('gives the review’s 648 of 4,800 cells as 13.5 %', () => {
    expect(hotShareNote({ '3': 400, '2': 200, '1': 48 }, 4800)).toContain('648 of 4,800 cells (13.5%)');
  });
});

describe('bandNote', () => {
  const band = (annM: number | null, distanceM: number) => ({ annM, distanceM, locations: 10, rule: '' });
  it('says when the ANN distance is under 1.5 cells and the floor was used', () => {
    expect(bandNote(band(11.4, 150), 100)).toBe(
      'Suggested distance band 150 m: the average nearest-neighbour distance (11 m) is under 1.5 cells, so 1.5 cells (150 m) used, the least that gives each cell its 8 touching neighbours.',
    );
  });
  it('names the ANN distance when it is the band, and the floor with fewer than 2 locations', () => {
    expect(bandNote(band(230, 230), 100)).toBe(
      'Suggested distance band 230 m: the average nearest-neighbour distance of the distinct event locations.',
    );
    expect(bandNote(band(null, 75), 50)).toContain(
      'fewer than 2 distinct event locations, so 1.5 cells (75 m) used',
    );
  });
});

describe('exclusiveBins and the study-area caveat', () => {
  it('lists each class once: 99 %, 95–99 %, 90–95 %', () => {
    const bins = { '-3': 0, '-2': 1, '-1': 4, '0': 80, '1': 7, '2': 5, '3': 2 };
    expect(exclusiveBins(bins, 1)).toBe('99 %: 2, 95–99 %: 5, 90–95 %: 7');
    expect(exclusiveBins(bins, -1)).toBe('99 %: 0, 95–99 %: 1, 90–95 %: 4');
  });

  it('states that the mean and SD are over every cell of the grid, empty ones included', () => {
    expect(studyAreaCaveat(4800, 1.855, 6.3)).toBe(
      'Results depend on the study area: the mean (1.86 events per cell) and SD (6.30) are over all 4,800 cells of the grid, empty ones included, so the same events over a larger, emptier area give more hot cells. Compare runs only over the same area.',
    );
  });

  it('puts the caveat first, then the cold-spot and hot-share notes when they apply', () => {
    const result = giStar(row([0, 0, 0, 0, 5]), { distanceM: 100 });
    const notes = giStarReadingNotes({ ...result, bins: { '1': 1 } });
    expect(notes).toHaveLength(3);
    expect(notes[0]).toMatch(/^Results depend on the study area/);
    expect(notes[1]).toMatch(/^Cold spots cannot reach 90 %/);
    expect(notes[2]).toMatch(/^1 of 5 cells \(20\.0%\) are hot/);
  });
});
