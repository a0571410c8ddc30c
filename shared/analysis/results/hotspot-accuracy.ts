/**
 * How well last period's hotspots predicted this period's events (issue 13 item 6; DESIGN.md §4
 * "Results analysis"), on a grid of cells: the hotspots are the cells where `hotspot` is 1, the study
 * area the cells where `studyArea` is 1 (all cells when absent), counts per cell of the previous and
 * the current period. With a hotspot cells of the A cells of the study area, n_t this period's events
 * in them and N_t in the study area (t − 1 for the previous period):
 *
 *   PAI = (n_t / N_t) / (a / A)                    Chainey, Tompson & Uhlig (2008)
 *   PEI = n_t / n*_t, n*_t = the most events any a cells held this period (the a busiest cells),
 *         so PEI = PAI / PAI*, 1 at best                          Hunt (2016), after Chainey (2014)
 *   RRI = (n_t / n_{t−1}) / (N_t / N_{t−1})       Levine (2008): > 1, the hotspots kept more than
 *         their share of events; < 1, they lost share.
 * Areas are counted in cells (every cell is the same size). null where a ratio has a zero
 * denominator, with nothing invented.
 */

export interface HotspotAccuracyInput {
  hotspot: Uint8Array;
  previous: ArrayLike<number>;
  current: ArrayLike<number>;
  studyArea?: Uint8Array;
}

export interface HotspotAccuracy {
  hotspotCells: number;
  studyAreaCells: number;
  eventsInHotspots: { previous: number; current: number };
  eventsInStudyArea: { previous: number; current: number };
  /** The most events any set of `hotspotCells` cells held this period. */
  bestPossibleEvents: number;
  pai: number | null;
  pei: number | null;
  rri: number | null;
}

export function hotspotAccuracy(input: HotspotAccuracyInput): HotspotAccuracy {
  const { hotspot, previous, current, studyArea } = input;
  const n = hotspot.length;
  if (previous.length !== n || current.length !== n || (studyArea && studyArea.length !== n)) {
    throw new RangeError('hotspot, previous, current and studyArea must have one value per cell');
  }
  let a = 0;
  let area = 0;
  let inPrev = 0;
  let inCur = 0;
  let allPrev = 0;
  let allCur = 0;
  const studyCounts: number[] = [];
  for (let i = 0; i < n; i++) {
    if (studyArea && studyArea[i] !== 1) continue;
    area++;
    allPrev += previous[i]!;
    allCur += current[i]!;
    studyCounts.push(current[i]!);
    if (hotspot[i] === 1) {
      a++;
      inPrev += previous[i]!;
      inCur += current[i]!;
    }
  }
  studyCounts.sort((x, y) => y - x);
  let best = 0;
  for (let k = 0; k < a; k++) best += studyCounts[k]!;
  const ratio = (num: number, den: number) => (den > 0 ? num / den : null);
  const shareNow = ratio(inCur, allCur);
  const shareBefore = ratio(inPrev, allPrev);
  return {
    hotspotCells: a,
    studyAreaCells: area,
    eventsInHotspots: { previous: inPrev, current: inCur },
    eventsInStudyArea: { previous: allPrev, current: allCur },
    bestPossibleEvents: best,
    pai: shareNow === null || a === 0 ? null : shareNow / (a / area),
    pei: ratio(inCur, best),
    rri: shareNow === null || shareBefore === null || shareBefore === 0 ? null : shareNow / shareBefore,
  };
}
