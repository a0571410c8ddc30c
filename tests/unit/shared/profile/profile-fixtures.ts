/**
 * Hand-made profile inputs for the profile's model and text tests: a Burglary profile of October to
 * December 2025 with one police.uk dataset, a supported hotspot, and changes whose p and q are given
 * by hand (q as a table's Benjamini–Hochberg step would give it), so the tests check the words
 * against numbers written here, not against the code that words them.
 */
import type { ChangeTest } from '../../../../shared/analysis/compare/compare-periods.js';
import { poissonRateTest } from '../../../../shared/analysis/compare/poisson-rate-test.js';
import type { KnoxReport } from '../../../../shared/analysis/knox/knox-report.js';
import type {
  ChainSummary,
  ChainsRunResult,
  KdeHotspot,
  KdeRunResult,
  KnoxRunResult,
} from '../../../../shared/api/analysis-api.js';
import type { HeadlineFact } from '../../../../shared/profile/headline-facts.js';
import type { ProfileInputs } from '../../../../shared/profile/model.js';

/** The exact Poisson test of `current` against `baseline` in equal periods, with a q given by hand. */
export function change(current: number, baseline: number, qValue?: number): ChangeTest {
  const test = poissonRateTest(current, baseline, 92, 92);
  const q = qValue ?? test.pValue;
  // The verdict follows q, as compare-periods does after BH.
  const verdict =
    q < 0.05
      ? current > baseline
        ? 'significant increase'
        : 'significant decrease'
      : 'no significant change';
  return { ...test, qValue: q, verdict };
}

export const POLICE_UK_CAVEAT =
  'Street crime: police.uk data: month only, and points are snapped to anonymised map locations.';

const RING = [
  [1000, 1000],
  [1400, 1000],
  [1400, 1400],
  [1000, 1400],
  [1000, 1000],
];

export function hotspot(overrides: Partial<KdeHotspot> = {}): KdeHotspot {
  const hours = new Array<number>(24).fill(0);
  hours[22] = 12;
  hours[23] = 10;
  hours[1] = 8;
  return {
    rank: 1,
    classIndex: 2,
    classLabel: '2 × mean',
    polygon: [RING],
    polygonWgs84: [RING.map(([x, y]) => [-1 + x! / 1e5, 52 + y! / 1e5])],
    peakDensity: 900,
    peakX: 1200,
    peakY: 1200,
    topCategories: [{ name: 'Burglary', count: 30 }],
    topSubcategories: [
      { name: 'Burglary - Residential', count: 26 },
      { name: 'Burglary - Business and Community', count: 4 },
    ],
    topLocations: [{ name: 'On or near Mill Lane', count: 6 }],
    times: { hours, weekdays: [4, 4, 4, 4, 6, 4, 4], timed: 30, untimed: 0 },
    peakHours: [22, 23, 1],
    peakHoursNote: null,
    pValue: 0.01,
    places: [{ layer: 'Wards', name: 'Castle' }],
    distinctPoints: 24,
    areaKm2: 0.16,
    events: 30,
    weight: 30,
    share: 0.3,
    pai: 7.5,
    ...overrides,
  };
}

export function kdeRun(hotspots: KdeHotspot[]): KdeRunResult {
  const width = 20;
  const height = 20;
  const values = new Float64Array(width * height).fill(10);
  for (let r = 8; r < 12; r++) for (let c = 8; c < 12; c++) values[c + r * width] = 900;
  return {
    analysisId: 7,
    cached: false,
    unit: 'events per km²',
    grid: { width, height, originX: 0, originY: 0, cellSizeM: 100, values },
    cornersWgs84: [
      [-1, 52.02],
      [-0.98, 52.02],
      [-0.98, 52],
      [-1, 52],
    ],
    maxDensity: 900,
    params: { hotspotClass: 2, cellSizeM: 100, bandwidthM: 300 } as KdeRunResult['params'],
    counts: { total: 100, used: 100, excludedOutside: 0 } as unknown as KdeRunResult['counts'],
    cellsInStudyArea: 400,
    studyAreaKm2: 4,
    thresholds: [
      { classIndex: 1, value: 25, label: '1 × mean' },
      { classIndex: 2, value: 50, label: '2 × mean' },
    ],
    surfaceStats: {} as KdeRunResult['surfaceStats'],
    support: {
      minEvents: 5,
      method: 'simulation',
      iterations: 99,
      seed: 1,
      alpha: 0.05,
      candidates: 3,
      droppedFewEvents: 1,
      droppedNotSignificant: 1,
      rule: '≥ 5 events and p < 0.05 against complete spatial randomness, 99 simulations',
      statement:
        'Hotspots are reported only with ≥ 5 events and p < 0.05 against complete spatial randomness (99 simulations); 1 area with fewer events and 1 not significant were left out.',
    },
    classes: [],
    hotspots,
    provenance: {
      datasets: [],
      filter: {} as KdeRunResult['provenance']['filter'],
      filterText: 'Street crime; categories: Burglary; 01/10/2025 to 31/12/2025',
      crs: 'EPSG:27700',
      appVersion: '0.1.0',
      createdAt: '2026-01-05T10:00:00Z',
      caveats: [POLICE_UK_CAVEAT],
    },
  };
}

/** A 2 × 2 Knox table (distance bands [0, 200), ≥ 200 m; time bands [0, 7), ≥ 7 days). */
export function knoxRun(cell: { ratio: number; p: number; q: number; significant: boolean }): KnoxRunResult {
  const report: KnoxReport = {
    events: 120,
    closePairs: 40,
    distanceEdges: [0, 200, null],
    timeEdges: [0, 7, null],
    distanceLabels: ['[0, 200) m', '≥ 200 m'],
    timeLabels: ['[0, 7) days', '≥ 7 days'],
    metric: 'manhattan',
    iterations: 999,
    seed: 20251231,
    observed: [
      [20, 100],
      [300, 5000],
    ],
    expectedMean: [
      [10, 100],
      [300, 5000],
    ],
    expectedMedian: [
      [10, 100],
      [300, 5000],
    ],
    knoxRatio: [
      [cell.ratio, 1],
      [1, 1],
    ],
    knoxRatioMedian: [
      [cell.ratio, 1],
      [1, 1],
    ],
    pValue: [
      [cell.p, 0.5],
      [0.5, 0.5],
    ],
    qValue: [
      [cell.q, 0.5],
      [0.5, 0.5],
    ],
    significant: [
      [cell.significant, false],
      [false, false],
    ],
    reading:
      'A significant cell means more pairs than chance would give; it does not show that one offender committed them.',
    notes: [],
  };
  return {
    ...report,
    suggestion: null,
    analysisId: 9,
    cached: false,
    provenance: { ...kdeRun([]).provenance },
  };
}

export function profileInputs(overrides: Partial<ProfileInputs> = {}): ProfileInputs {
  const hourOfWeek = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  hourOfWeek[4]![22] = 15;
  hourOfWeek[5]![1] = 6;
  return {
    subject: { kind: 'category', name: 'Burglary' },
    subjectLabel: 'Burglary',
    front: {
      title: 'Test <profile>',
      reference: 'PP-1',
      author: 'A. Analyst',
      date: '2026-01-05',
      version: '1.0',
      marking: 'OFFICIAL-SENSITIVE',
    },
    periods: {
      current: { from: '2025-10-01', to: '2025-12-31' },
      previous: { from: '2025-07-01', to: '2025-09-30' },
      lastYear: { from: '2024-10-01', to: '2024-12-31' },
    },
    scopeText: 'Street crime: Burglary',
    counts: {
      current: 4,
      previous: 10,
      lastYear: 4,
      vsPrevious: change(4, 10),
      vsLastYear: change(4, 4),
    },
    coverage: { from: '2024-01-01', to: '2025-12-31', missingMonths: [] },
    scopeCounts: {
      current: 4,
      previous: 10,
      lastYear: 4,
      vsPrevious: change(4, 10),
      vsLastYear: change(4, 4),
    },
    hotspotTrends: [],
    regressionCaveat:
      'These hotspots were chosen because they are high in this period, so part of any rise on earlier periods is regression to the mean.',
    headlineFacts: [],
    areaOnly: 0,
    byCategory: [{ category: 'Burglary', count: 4 }],
    byMonth: [
      { month: '2025-10', count: 1 },
      { month: '2025-11', count: 3 },
    ],
    hourOfWeek,
    aoristicNote: '21 timed events',
    repeatLocations: [
      {
        location: 'On or near Mill Lane',
        x: 1200,
        y: 1200,
        count: 2,
        firstDate: '2025-10-03',
        lastDate: '2025-11-20',
        medianDaysToRepeat: 48,
        minDaysToRepeat: 48,
      },
    ],
    kde: null,
    kdeNote: 'too few events',
    subjectArea: null,
    subjectHotspotRank: null,
    knox: null,
    knoxNote: 'too few events with a day-level date (4; at least 20 needed)',
    chains: null,
    chainsNote: null,
    chainEvents: [],
    points: { x: [], y: [] },
    layers: { crs: 'EPSG:27700', boundaries: [], boundaryLayerName: null, streets: [] },
    datasets: [],
    caveats: ['A caveat & more'],
    parameters: [{ method: 'Periods', name: 'current', value: '1 October 2025 to 31 December 2025' }],
    appVersion: '0.1.0',
    generatedAt: '2026-01-05T10:00:00Z',
    filterText: 'Street crime; categories: Burglary; 01/10/2025 to 31/12/2025',
    ...overrides,
  };
}

/** Hotspot 1 rose from 62 to 106 on the previous period while the rest of the area fell from 938 to 874. */
export function grewWhileAreaFell(): HeadlineFact {
  const test = change(106, 62, 0.002);
  return {
    subject: 'hotspot',
    rank: 1,
    against: 'previous',
    from: 62,
    to: 106,
    test,
    direction: 'increase',
    rest: { from: 938, to: 874, direction: 'fell', test: poissonRateTest(874, 938, 92, 92) },
    againstAreaTrend: true,
    chosenForBeingHighNow: true,
  };
}

export function chainSummary(id: number, flag: ChainSummary['flag']): ChainSummary {
  return {
    id,
    size: 3,
    originRecordId: id * 10,
    originReference: null,
    memberRecordIds: [],
    references: [],
    firstDate: '2025-10-01',
    lastDate: '2025-10-05',
    spanDays: 4,
    links: 2,
    centroidX: 0,
    centroidY: 0,
    areaM2: 0,
    live: false,
    flag,
    flagReason: flag ? 'hotspot-like: not a series' : null,
    eventsInHotspots: null,
    hotspotRate: null,
  };
}

/** A chains run holding `chains` and nothing else (no zones, no notes). */
export function chainsRun(chains: ChainSummary[]): ChainsRunResult {
  return {
    events: 40,
    distanceM: 200,
    days: 7,
    metric: 'euclidean',
    linkRule: 'closer than 200 m (euclidean) and fewer than 7 days apart',
    thresholdSource: 'tightest significant Knox cell: [0, 200) m × [0, 7) days',
    asOf: '2025-12-31',
    shiftHours: null,
    chains,
    seriesCount: chains.filter((c) => c.flag === null).length,
    zones: [],
    notes: [],
    analysisId: 12,
    cached: false,
    provenance: kdeRun([]).provenance,
  };
}
