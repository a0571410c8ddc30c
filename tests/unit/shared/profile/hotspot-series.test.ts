import { describe, expect, it } from 'vitest';
import type { ChainsRunResult } from '../../../../shared/api/analysis-api.js';
import { seriesInHotspots } from '../../../../shared/profile/hotspot-series.js';
import type { ChainEventRow } from '../../../../shared/profile/model.js';
import { chainSummary as chain, hotspot } from './profile-fixtures.js';

const row = (chainId: number, x: number, y: number): ChainEventRow => ({
  chainId,
  recordId: 0,
  date: '2025-10-01',
  x,
  y,
  category: null,
  location: null,
});

describe('seriesInHotspots', () => {
  it('counts events of series candidates inside each hotspot by chain, leaving out hotspot-like chains', () => {
    // The fixture hotspot is the square [1000, 1400]².
    const chains = { chains: [chain(1, null), chain(2, null), chain(3, 'hotspot-like')] } as ChainsRunResult;
    const rows = [
      row(1, 1100, 1100),
      row(1, 1200, 1300),
      row(1, 1500, 1200), // outside
      row(2, 1399, 1001),
      row(3, 1200, 1200), // hotspot-like: not counted
      row(3, 1250, 1250),
    ];
    expect(seriesInHotspots([hotspot()], chains, rows)).toEqual([
      {
        rank: 1,
        events: 3,
        byChain: [
          { chainId: 1, events: 2 },
          { chainId: 2, events: 1 },
        ],
      },
    ]);
  });

  it('gives zero for every hotspot when there are no chains', () => {
    expect(seriesInHotspots([hotspot(), hotspot({ rank: 2 })], null, [])).toEqual([
      { rank: 1, events: 0, byChain: [] },
      { rank: 2, events: 0, byChain: [] },
    ]);
  });
});
