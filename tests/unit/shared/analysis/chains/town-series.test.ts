import { describe, expect, it } from 'vitest';
import { findChains } from '../../../../../shared/analysis/chains/chains.js';
import { riskZones } from '../../../../../shared/analysis/chains/risk-zones.js';
import { generateTown } from '../../../../../shared/generate/generate-town.js';
import { dayOf, wallClockMs } from '../../../../../shared/model/time.js';

/** "dd/mm/yyyy HH:MM" of the generated extracts → wall-clock ms. */
function ukMs(text: string): number {
  const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`unexpected date ${text}`);
  return wallClockMs(Number(m[3]), Number(m[2]), Number(m[1]), Number(m[4]), Number(m[5]));
}

describe('findChains on the synthetic town', () => {
  const town = generateTown({ seed: 1 });
  const table = town.tables.police_crimes;
  const col = (name: string) => table.headers.indexOf(name);
  const rows = table.rows.filter((r) => r[col('Offence Category')] === 'Burglary');
  const references = rows.map((r) => r[col('Crime Reference')]);
  const events = {
    x: Float64Array.from(rows, (r) => Number(r[col('Easting')])),
    y: Float64Array.from(rows, (r) => Number(r[col('Northing')])),
    day: Int32Array.from(rows, (r) => {
      const from = ukMs(r[col('Committed From')]);
      const to = ukMs(r[col('Committed To')]);
      return dayOf(from + (to - from) / 2);
    }),
  };
  const truth = town.groundTruth.series;

  it('recovers every planted burglary series inside one chain', () => {
    expect(truth.length).toBeGreaterThan(0);
    // The generator links within 150 m (≤) and 0–7 whole days (≤); our links are strict (d < distanceM,
    // Δ < days), so the same rule is distanceM just above 150 and days = 8.
    const { linkDistanceM, linkDays } = truth[0];
    const chains = findChains(events, { distanceM: linkDistanceM + 1e-6, days: linkDays + 1, references });
    for (const series of truth) {
      const refs = series.events.map((e) => e.reference);
      const holding = chains.filter((c) => c.members.some((i) => refs.includes(references[i])));
      expect(holding.length, series.id).toBe(1);
      const members = new Set(holding[0].members.map((i) => references[i]));
      expect(
        refs.every((r) => members.has(r)),
        series.id,
      ).toBe(true);
      // Nothing earlier than the series' first event can join it unless it is linked to it.
      expect(holding[0].firstDay).toBeLessThanOrEqual(
        dayOf((series.events[0].fromMs + series.events[0].toMs) / 2),
      );
    }
  });

  it('gives risk zones for a series on the day after its last event', () => {
    const series = truth[0];
    const chains = findChains(events, { distanceM: 150.000001, days: 8, references });
    const chain = chains.find((c) => c.members.some((i) => references[i] === series.events[0].reference))!;
    const zones = riskZones(events, chains, { distanceM: 150, days: 8, asOfDay: chain.lastDay + 1 });
    const mine = zones.filter((z) => z.chainId === chain.id);
    expect(mine.length).toBe(chain.size);
    expect(mine.every((z) => z.expiresDay === chain.lastDay + 8)).toBe(true);
  });
});
