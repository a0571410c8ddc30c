/**
 * The tactical assessment's words on planted results built here by hand: rises split by the same
 * period last year (both, previous only = likely seasonal, no data), a persisting outline whose events
 * nearly trebled named in the headline, an empty area table explained in one line, areas in km² with
 * two decimals and whole percentages, the glossary in the appendix, slides cut to fit with a count of
 * the rest, live series before ended ones, and the method and glossary in every slide's notes.
 */
import { describe, expect, it } from 'vitest';
import type { ChangeTest } from '../../../../shared/analysis/compare/change-tests.js';
import type { TableRow } from '../../../../shared/analysis/tactical/comparison-table.js';
import type {
  TacticalHotspot,
  TacticalResult,
  TacticalSeries,
  TacticalSeriesRun,
} from '../../../../shared/api/tactical-api.js';
import type { Block } from '../../../../shared/profile/model.js';
import { riseKind, tacticalHeadlines } from '../../../../shared/tasking/tactical-headline.js';
import { areaTableNote, tacticalBlocks } from '../../../../shared/tasking/tactical-report.js';
import { cutToFit, seriesTypeLines, tacticalSlides } from '../../../../shared/tasking/tactical-slides.js';

/** A change test with the verdict given: the report only reads these fields. */
function test(current: number, baseline: number, verdict: ChangeTest['verdict'], p: number): ChangeTest {
  return {
    current,
    baseline,
    expectedShare: 0.5,
    percentChange: ((current - baseline) / baseline) * 100,
    pValue: p,
    qValue: p,
    alpha: 0.05,
    verdict,
  };
}

const UP = 'significant increase' as const;
const FLAT = 'no significant change' as const;

function row(
  label: string,
  now: number,
  before: number,
  lastYear: number | null,
  prev: ChangeTest['verdict'],
  ly: ChangeTest['verdict'],
): TableRow {
  return {
    label,
    current: now,
    previous: before,
    lastYear,
    vsPrevious: test(now, before, prev, prev === UP ? 0.001 : 0.4),
    vsLastYear: lastYear === null ? null : test(now, lastYear, ly, ly === UP ? 0.002 : 0.5),
  };
}

function hotspot(over: Partial<TacticalHotspot>): TacticalHotspot {
  return {
    status: 'persisting',
    rank: 1,
    previousRanks: [1],
    centroidX: 370_000,
    centroidY: 456_000,
    events: 100,
    previousEvents: 100,
    lastYearEvents: 95,
    pValue: 0.9,
    qValue: 0.9,
    percentChange: 0,
    verdict: 'no significant change',
    lastYearQValue: 0.8,
    lastYearVerdict: 'no significant change',
    areaKm2: 0.4,
    previousAreaKm2: 0.4,
    jaccard: 0.8,
    places: [],
    commonestLocation: null,
    crimeMix: [],
    polygon: [],
    polygonWgs84: [],
    ...over,
  };
}

function series(over: Partial<TacticalSeries>): TacticalSeries {
  return {
    crimeType: 'Burglary',
    id: 1,
    size: 3,
    firstDate: '2025-11-01',
    lastDate: '2025-11-05',
    centroidX: 0,
    centroidY: 0,
    live: false,
    isNew: true,
    references: [],
    ...over,
  };
}

const BURGLARY_RUN: TacticalSeriesRun = {
  crimeType: 'Burglary',
  events: 421,
  linkRule: 'closer than 200 m (manhattan distance) and fewer than 7 days apart',
  distanceM: 200,
  days: 7,
  thresholdFrom: 'knox',
  thresholdSource:
    'tightest significant Knox cell: [1, 200) m × [0, 7) days, ratio 1.80, q = 0.003 (Knox test of 421 Burglary events)',
  seriesCount: 4,
  hotspotLike: 2,
  note: null,
};

function result(over: Partial<TacticalResult> = {}): TacticalResult {
  return {
    periods: {
      current: { from: '2025-10-01', to: '2025-12-31' },
      previous: { from: '2025-07-01', to: '2025-09-30' },
      lastYear: { from: '2024-10-01', to: '2024-12-31' },
    },
    coverage: { from: '2024-01-01', to: '2025-12-31', missingMonths: [] },
    total: row('All', 1282, 1200, 1250, FLAT, FLAT),
    byCategory: [],
    byArea: [],
    areaLayer: 'Wards',
    withoutArea: null,
    hotspots: [],
    changeRule: '',
    density: {
      kernel: 'quartic',
      cellSizeM: 50,
      bandwidthM: 175,
      difference: { width: 2, height: 2, originX: 0, originY: 0, cellSizeM: 50, values: new Float64Array(4) },
      largestRise: null,
      largestFall: null,
      currentAnalysisId: 1,
      previousAnalysisId: 2,
    },
    densityNote: null,
    series: { byType: [BURGLARY_RUN], items: [], hotspotLike: 2, note: null },
    caveats: [],
    provenance: { caveats: [], filterText: 'All records', datasets: [], crs: 'EPSG:27700' } as never,
    ...over,
  };
}

// Hotspot 2 planted as a surge on both baselines: 69 before, 60 last year, 195 now; +183% = (195 − 69) / 69.
const surge = hotspot({
  rank: 2,
  previousRanks: [3],
  events: 195,
  previousEvents: 69,
  lastYearEvents: 60,
  pValue: 1e-12,
  qValue: 1e-11,
  percentChange: ((195 - 69) / 69) * 100,
  verdict: UP,
  lastYearQValue: 1e-9,
  lastYearVerdict: UP,
  places: ['Millbrook'],
  commonestLocation: 'On or near Mill Lane',
  crimeMix: [
    { name: 'Criminal damage and arson', count: 135 },
    { name: 'Burglary', count: 20 },
  ],
});

// Hotspot 3 up on the previous period only: 90 last year, 91 before, 154 now (+69%).
const seasonal = hotspot({
  rank: 3,
  events: 154,
  previousEvents: 91,
  lastYearEvents: 150,
  qValue: 0.0004,
  percentChange: ((154 - 91) / 91) * 100,
  verdict: UP,
  lastYearQValue: 0.7,
  lastYearVerdict: FLAT,
});

function table(blocks: Block[], caption: string): Extract<Block, { kind: 'table' }> {
  const t = blocks.find((b) => b.kind === 'table' && b.caption.startsWith(caption));
  if (t?.kind !== 'table') throw new Error(`no table '${caption}'`);
  return t;
}

describe('riseKind', () => {
  it('separates a rise on both baselines, on the previous period only, and with no last year', () => {
    expect(riseKind(UP, UP, 10)).toBe('both');
    expect(riseKind(UP, FLAT, 10)).toBe('previous-only');
    expect(riseKind(UP, null, null)).toBe('no-last-year');
    expect(riseKind(FLAT, UP, 10)).toBeNull();
    expect(riseKind('significant decrease', UP, 10)).toBeNull();
  });
});

describe('tactical headline', () => {
  it('says which crime types rose on both baselines and which on the previous period only (likely seasonal)', () => {
    const lines = tacticalHeadlines(
      result({
        byCategory: [
          row('Vehicle Offences', 321, 239, 304, UP, FLAT),
          row('Criminal Damage and Arson', 297, 231, 184, UP, UP),
          row('Violence', 426, 435, 431, FLAT, FLAT),
          row('Shoplifting', 90, 50, null, UP, FLAT),
        ],
      }),
    );
    expect(lines).toContain(
      'Crime types up on BOTH the previous period and the same period last year, so more than the season: ' +
        'Criminal Damage and Arson (297 now; 231 before, 184 last year).',
    );
    expect(lines).toContain(
      'Crime types up on the previous period only, not on the same period last year, so likely seasonal: ' +
        'Vehicle Offences (321 now; 239 before, 304 last year).',
    );
    expect(lines).toContain(
      'Crime types up on the previous period; last year has no data, so the season cannot be ruled out: ' +
        'Shoplifting (90 now; 50 before, no data last year).',
    );
    expect(lines.join(' ')).not.toContain('Violence');
  });

  it('names a surge on both baselines as emerging and a rise on the previous period only as likely seasonal', () => {
    const lines = tacticalHeadlines(result({ hotspots: [hotspot({ rank: 1 }), surge, seasonal] }));
    expect(lines).toContain('Hotspots: 0 new, 0 grown, 3 persisting, 0 shrunk, 0 gone.');
    expect(lines).toContain(
      'Hotspots up on BOTH the previous period and the same period last year, so more than the season; treat as emerging: ' +
        'Hotspot 2, Millbrook (persisting; 69 before, 60 last year, 195 now: +183% on the previous period, q < 0.001; ' +
        'on last year q < 0.001; mostly Criminal damage and arson 135, Burglary 20).',
    );
    expect(lines).toContain(
      'Hotspots up on the previous period only, not on the same period last year, so likely seasonal: ' +
        'Hotspot 3 (persisting; 91 before, 150 last year, 154 now: +69% on the previous period, q < 0.001; on last year q 0.700).',
    );
  });

  it('states the series per crime type and the chains flagged hotspot-like', () => {
    const lines = tacticalHeadlines(
      result({
        series: {
          byType: [BURGLARY_RUN],
          items: [series({ id: 1, live: true }), series({ id: 2, isNew: true })],
          hotspotLike: 2,
          note: null,
        },
      }),
    );
    expect(lines).toContain(
      'Near-repeat series supported by a Knox test (each crime type linked on its own): 2 started this period, ' +
        '1 still live at its end (Burglary 2 new, 1 live). 2 chains flagged "hotspot-like: not a series" are not counted.',
    );
  });

  it('does not count as new series the candidates of a type whose Knox test found no signal', () => {
    const vehicle: TacticalSeriesRun = {
      ...BURGLARY_RUN,
      crimeType: 'Vehicle Offences',
      thresholdFrom: 'default',
      thresholdSource: 'the default 200 m and 7 days: the Knox test finds no significant near-repeat cell',
      hotspotLike: 0,
    };
    const lines = tacticalHeadlines(
      result({
        series: {
          byType: [BURGLARY_RUN, vehicle],
          items: [
            series({ id: 1, isNew: true }),
            series({ id: 2, isNew: true, live: true, crimeType: 'Vehicle Offences' }),
            series({ id: 3, isNew: true, crimeType: 'Vehicle Offences' }),
          ],
          hotspotLike: 0,
          note: null,
        },
      }),
    );
    expect(lines).toContain(
      'Near-repeat series supported by a Knox test (each crime type linked on its own): 1 started this period, ' +
        '0 still live at its end (Burglary 1 new, 0 live). Vehicle Offences: no near-repeat signal in the Knox test, ' +
        'so their 2 candidates (linked on the default thresholds) are listed as weaker evidence and not counted here.',
    );
  });
});

describe('tactical report blocks', () => {
  it('classes a surge "Persisting, sharply up" with its figure number, whole percentages and km² to two decimals', () => {
    // Columns: No., class, hotspot; location, crime types, now, before, last year, change, area, Jaccard.
    const rows = table(tacticalBlocks(result({ hotspots: [surge] })), 'Hotspots').rows as string[][];
    expect(rows[0]!.slice(0, 4)).toEqual([
      '2',
      'Persisting, sharply up',
      'Hotspot 2, Millbrook; On or near Mill Lane',
      'Criminal damage and arson 135, Burglary 20',
    ]);
    expect(rows[0]!.slice(4, 10)).toEqual([
      '195',
      '69',
      '60',
      '+183%, significant rise (q < 0.001)',
      '0.40 / 0.40',
      '0.80',
    ]);
  });

  it('marks a sharp rise on the previous period only "likely seasonal" in the class', () => {
    const rows = table(tacticalBlocks(result({ hotspots: [seasonal] })), 'Hotspots').rows as string[][];
    expect(rows[0]![1]).toBe('Persisting, sharply up (likely seasonal)');
  });

  it('numbers a gone hotspot P and its previous number', () => {
    const gone = hotspot({
      status: 'gone',
      rank: null,
      previousRanks: [4],
      areaKm2: 0,
      previousAreaKm2: 0.123456,
    });
    const rows = table(tacticalBlocks(result({ hotspots: [gone] })), 'Hotspots').rows as string[][];
    expect(rows[0]!.slice(0, 3)).toEqual(['P4', 'Gone', 'Previous hotspot 4 (P4 on the figure)']);
    expect(rows[0]![8]).toBe('0.00 / 0.12');
  });

  it('prints a q of 0.0501 with four digits, not as 0.050', () => {
    const edge = hotspot({
      rank: 3,
      events: 140,
      previousEvents: 100,
      percentChange: 40,
      pValue: 0.03,
      qValue: 0.0501,
    });
    const rows = table(tacticalBlocks(result({ hotspots: [edge] })), 'Hotspots').rows as string[][];
    expect(rows[0]![7]).toBe('+40%, not significant (q 0.0501)');
  });

  it('explains a missing area table in one line instead of an empty table', () => {
    expect(areaTableNote(result({ areaLayer: null }))).toBe(
      'No table by area: the project has no boundary layer (import wards or beats to count by area).',
    );
    expect(areaTableNote(result({ areaLayer: 'Wards', byArea: [] }))).toBe(
      'No table by area: no feature of Wards holds an event in any of the three periods.',
    );
    const blocks = tacticalBlocks(result({ areaLayer: 'Wards', byArea: [] }));
    expect(blocks.some((b) => b.kind === 'table' && b.caption.startsWith('Events by area'))).toBe(false);
    expect(blocks).toContainEqual({
      kind: 'paragraph',
      text: 'No table by area: no feature of Wards holds an event in any of the three periods.',
    });
    expect(areaTableNote(result({ byArea: [row('Abbey', 5, 3, 4, FLAT, FLAT)] }))).toBeNull();
  });

  it('states how each crime type was linked: rule, Knox source and the count flagged hotspot-like', () => {
    const blocks = tacticalBlocks(result());
    const lists = blocks.filter((b) => b.kind === 'list').flatMap((b) => (b.kind === 'list' ? b.items : []));
    expect(lists).toContain(
      'Burglary (421 events over both periods): linked when closer than 200 m (manhattan distance) and fewer than 7 days apart; ' +
        'thresholds from the tightest significant Knox cell: [1, 200) m × [0, 7) days, ratio 1.80, q = 0.003 (Knox test of 421 Burglary events). ' +
        '4 series candidates over both periods, 0 of them new this period or still live; 2 chains flagged "hotspot-like: not a series" and not listed.',
    );
  });

  it('lists series by crime type with where their link came from, live first', () => {
    const theft: TacticalSeriesRun = {
      ...BURGLARY_RUN,
      crimeType: 'Theft of vehicle',
      thresholdFrom: 'default',
    };
    const items = [series({ id: 4, size: 5 }), series({ id: 2, crimeType: 'Theft of vehicle', live: true })];
    const rows = table(
      tacticalBlocks(
        result({ series: { byType: [BURGLARY_RUN, theft], items, hotspotLike: 0, note: null } }),
      ),
      'Near-repeat series',
    ).rows as string[][];
    expect(rows.map((r) => r.slice(0, 4))).toEqual([
      ['Theft of vehicle', '2', 'default (no Knox signal)', '3'],
      ['Burglary', '4', 'Knox test', '5'],
    ]);
  });

  it('ends with a glossary of the five terms a reader meets', () => {
    const blocks = tacticalBlocks(result());
    const at = blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Appendix: glossary');
    const glossary = blocks[at + 1];
    expect(glossary?.kind === 'facts' && glossary.rows.map((r) => r.label)).toEqual([
      'Exact test',
      'BH q',
      'Jaccard index',
      'Gi*',
      'PAI',
    ]);
  });
});

describe('tactical slides', () => {
  it('puts the headline on the summary slide in short lines, rises split by last year', () => {
    const words = tacticalSlides(
      result({
        hotspots: [surge, seasonal],
        byCategory: [
          row('Vehicle Offences', 321, 239, 304, UP, FLAT),
          row('Criminal Damage and Arson', 297, 231, 184, UP, UP),
        ],
      }),
    );
    // Total: (1282 − 1200) / 1200 = +6.8% → "+7%"; (1282 − 1250) / 1250 = +2.6% → "+3%".
    expect(words.summary.lines).toEqual([
      '1,282 events: +7% (not significant, q 0.400) on the previous period; +3% (not significant, q 0.500) on last year.',
      'Hotspots: 0 new, 0 grown, 2 persisting, 0 shrunk, 0 gone.',
      'More than the season (up on the previous period AND last year): Hotspot 2, Criminal Damage and Arson.',
      'Likely seasonal (up on the previous period only, not last year): Hotspot 3, Vehicle Offences.',
      'Series backed by Knox: 0 new, 0 live; 2 hotspot-like chains not counted.',
    ]);
  });

  it('puts Knox-backed series first on the series slide and counts only them as new on the summary', () => {
    const vehicle: TacticalSeriesRun = {
      ...BURGLARY_RUN,
      crimeType: 'Vehicle Offences',
      thresholdFrom: 'default',
      hotspotLike: 0,
    };
    const r = result({
      series: {
        byType: [vehicle, BURGLARY_RUN],
        items: [
          series({ id: 1 }),
          series({ id: 2, crimeType: 'Vehicle Offences' }),
          series({ id: 3, crimeType: 'Vehicle Offences', live: true }),
        ],
        hotspotLike: 0,
        note: null,
      },
    });
    expect(seriesTypeLines(r)).toEqual([
      'Linked by their Knox test (200 m, 7 days): Burglary 1 new or live.',
      'Default link, no Knox signal (200 m, 7 days): Vehicle Offences 2 new or live.',
    ]);
    expect(tacticalSlides(r).summary.lines.at(-1)).toBe(
      'Series backed by Knox: 1 new, 0 live; 2 weaker (no Knox signal).',
    );
  });

  it('cuts a long list to fit and says how many more and where', () => {
    expect(cutToFit(['a', 'b', 'c'], 3)).toEqual(['a', 'b', 'c']);
    expect(cutToFit(['a', 'b', 'c', 'd', 'e'], 3)).toEqual([
      'a',
      'b',
      '3 more not listed (see the HTML or PDF report).',
    ]);
  });

  it('states how each type was linked, then lists live series before ended ones, each with its crime type', () => {
    const items = [
      series({ id: 1, size: 9, live: false }),
      series({ id: 2, size: 3, live: true, crimeType: 'Theft of vehicle' }),
      series({ id: 3, size: 4, live: true }),
    ];
    const theft: TacticalSeriesRun = {
      ...BURGLARY_RUN,
      crimeType: 'Theft of vehicle',
      thresholdFrom: 'default',
      hotspotLike: 0,
    };
    const words = tacticalSlides(
      result({ series: { byType: [BURGLARY_RUN, theft], items, hotspotLike: 2, note: null } }),
    );
    expect(words.series.lines).toEqual([
      'Linked by their Knox test (200 m, 7 days): Burglary 2 new or live.',
      'Default link, no Knox signal (200 m, 7 days): Theft of vehicle 1 new or live.',
      '2 hotspot-like chains not counted as series.',
      'Live: Burglary series 3, 4 events, 01/11/2025 to 05/11/2025',
      'Live: Theft of vehicle series 2 (default link), 3 events, 01/11/2025 to 05/11/2025',
      'Ended: Burglary series 1, 9 events, 01/11/2025 to 05/11/2025',
    ]);
  });

  it('lists changed hotspots on the hotspots slide, then the gone ones and the steady ones in one line each', () => {
    const gone = hotspot({ status: 'gone', rank: null, previousRanks: [7], events: 41, previousEvents: 64 });
    const words = tacticalSlides(result({ hotspots: [hotspot({ rank: 1 }), surge, seasonal, gone] }));
    expect(words.hotspots.lines).toEqual([
      'Hotspot 2 (Millbrook): persisting, sharply up; 69 → 195 (60 last year)',
      'Hotspot 3: persisting, sharply up (likely seasonal); 91 → 154 (150 last year)',
      'Gone: P7 (64 → 41).',
      '1 more hotspot persisting with no significant change.',
    ]);
  });

  it('puts the method and the glossary in the notes of every slide', () => {
    const words = tacticalSlides(result({ hotspots: [surge] }));
    for (const slide of [words.summary, words.hotspots, words.series, words.method]) {
      const notes = slide.notes.join('\n');
      expect(notes).toContain(
        'Counting: each record counts once, in the period holding the midpoint of its date window.',
      );
      expect(notes).toContain(
        'A period the data do not cover is shown as "no data", never as zero, and is not tested.',
      );
      expect(notes).toMatch(/^Jaccard index: /m);
      expect(notes).toMatch(/^BH q: /m);
    }
  });
});
