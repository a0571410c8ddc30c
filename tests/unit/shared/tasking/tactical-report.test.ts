/**
 * The tactical assessment's words on a planted result: a persisting outline whose events nearly
 * trebled (69 → 195) is named "sharply up" in the headline and the table, never hidden behind
 * "0 new"; a q of 0.0501 is not printed as "0.050".
 */
import { describe, expect, it } from 'vitest';
import type { Coverage } from '../../../../shared/analysis/compare/coverage.js';
import { comparisonTable } from '../../../../shared/analysis/tactical/comparison-table.js';
import type { TacticalHotspot, TacticalResult } from '../../../../shared/api/tactical-api.js';
import type { Block } from '../../../../shared/profile/model.js';
import {
  tacticalBlocks,
  tacticalHeadlines,
  tacticalSlides,
} from '../../../../shared/tasking/tactical-report.js';

const spans = {
  current: { fromMs: Date.UTC(2025, 9, 1), toMs: Date.UTC(2026, 0, 1) },
  previous: { fromMs: Date.UTC(2025, 6, 1), toMs: Date.UTC(2025, 9, 1) },
  lastYear: { fromMs: Date.UTC(2024, 9, 1), toMs: Date.UTC(2025, 0, 1) },
};
const coverage: Coverage = { startMs: Date.UTC(2024, 0, 1), endMs: Date.UTC(2026, 0, 1), missingMonths: [] };

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

function result(hotspots: TacticalHotspot[]): TacticalResult {
  const [total] = comparisonTable(
    [{ label: 'All', counts: { current: 1282, previous: 1200, lastYear: 1250 } }],
    spans,
    coverage,
  );
  return {
    periods: {
      current: { from: '2025-10-01', to: '2025-12-31' },
      previous: { from: '2025-07-01', to: '2025-09-30' },
      lastYear: { from: '2024-10-01', to: '2024-12-31' },
    },
    coverage: { from: '2024-01-01', to: '2025-12-31', missingMonths: [] },
    total: total!,
    byCategory: [],
    byArea: [],
    areaLayer: null,
    withoutArea: null,
    hotspots,
    changeRule: '',
    density: {
      kernel: 'quartic',
      cellSizeM: 50,
      bandwidthM: 175,
      difference: { width: 0, height: 0 } as never,
      largestRise: null,
      largestFall: null,
      currentAnalysisId: 1,
      previousAnalysisId: 2,
    },
    densityNote: null,
    series: { linkRule: '200 m and 7 days', items: [], hotspotLike: 0, note: null },
    caveats: [],
    provenance: { caveats: [], filterText: 'All records', datasets: [], crs: 'EPSG:27700' } as never,
  };
}

// Hotspot 2 planted as a surge: same outline, 69 → 195 events, +182.6% = (195 − 69) / 69.
const surge = hotspot({
  rank: 2,
  previousRanks: [3],
  events: 195,
  previousEvents: 69,
  lastYearEvents: 60,
  pValue: 1e-12,
  qValue: 1e-11,
  percentChange: ((195 - 69) / 69) * 100,
  verdict: 'significant increase',
  places: ['Millbrook'],
  commonestLocation: 'On or near Mill Lane',
  crimeMix: [
    { name: 'Criminal damage and arson', count: 135 },
    { name: 'Burglary', count: 20 },
    { name: 'Violence and sexual offences', count: 15 },
  ],
});

function hotspotRows(blocks: Block[]): string[][] {
  const table = blocks.find((b) => b.kind === 'table' && b.caption.startsWith('Hotspots'));
  if (table?.kind !== 'table') throw new Error('no hotspot table');
  return table.rows as string[][];
}

describe('tactical report on a planted surge', () => {
  const planted = result([hotspot({ rank: 1 }), surge]);

  it('names the significant rise of a persisting hotspot beside "0 new" in the headline', () => {
    const lines = tacticalHeadlines(planted);
    expect(lines).toContain('Hotspots: 0 new, 0 grown, 2 persisting, 0 shrunk, 0 gone.');
    const surgeLine = lines.find((l) => l.includes('rose significantly'));
    expect(surgeLine).toBe(
      '1 hotspot keeps its outline but its events rose significantly on the previous period: ' +
        'Hotspot 2, Millbrook (persisting, sharply up: 69 → 195 events, +182.6%, q < 0.001; ' +
        'commonest location On or near Mill Lane; mostly Criminal damage and arson 135, Burglary 20, Violence and sexual offences 15). Treat it as emerging.',
    );
  });

  it('classes it "Persisting, sharply up" in the table, with last year beside the previous period', () => {
    const rows = hotspotRows(tacticalBlocks(planted));
    expect(rows[0]![0]).toBe('Persisting');
    expect(rows[1]!.slice(0, 2)).toEqual(['Persisting, sharply up', 'Hotspot 2, Millbrook']);
    expect(rows[1]!.slice(2, 8)).toEqual([
      'On or near Mill Lane (centre 370000, 456000)',
      'Criminal damage and arson 135, Burglary 20, Violence and sexual offences 15',
      '195',
      '69',
      '60',
      '+182.6%, significant rise (q < 0.001)',
    ]);
  });

  it('puts the surge on the hotspots slide although its outline persists', () => {
    expect(tacticalSlides(planted).hotspots.lines).toEqual([
      'Persisting, sharply up: Hotspot 2, Millbrook (195 events, 69 before; mostly Criminal damage and arson)',
    ]);
  });

  it('adds no surge line when no hotspot rose significantly', () => {
    const quiet = result([hotspot({ rank: 1 }), hotspot({ rank: 2, verdict: 'significant decrease' })]);
    expect(tacticalHeadlines(quiet).some((l) => l.includes('rose significantly'))).toBe(false);
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
    const rows = hotspotRows(tacticalBlocks(result([edge])));
    expect(rows[0]![7]).toBe('+40.0%, not significant (q 0.0501)');
  });
});
