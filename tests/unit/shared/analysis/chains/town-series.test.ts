import { describe, expect, it } from 'vitest';
import { chainSurroundings } from '../../../../../shared/analysis/chains/chain-surroundings.js';
import { findChains } from '../../../../../shared/analysis/chains/chains.js';
import { riskZones } from '../../../../../shared/analysis/chains/risk-zones.js';
import { seriesFlag } from '../../../../../shared/analysis/chains/series-flag.js';
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

  it('flags every chain that is really a planted hotspot, and keeps the planted series outside them', () => {
    const chains = findChains(events, { distanceM: 200, days: 7, references });
    // Stand-in for the KDE hotspots of a burglary run: the planted burglary hotspots' discs (every
    // planted event lies within radiusM of its centre).
    const planted = town.groundTruth.hotspots.filter((h) => h.category === 'Burglary');
    expect(planted.length).toBeGreaterThan(0);
    const discs = planted.map((h) => [[circle(h.centre.x, h.centre.y, h.radiusM)]]);
    const surroundings = chainSurroundings(events, chains, discs, 200, 'euclidean');
    const hotspotRefs = new Set(planted.flatMap((h) => h.references));
    chains.forEach((chain, k) => {
      const fromHotspots = chain.members.filter((i) => hotspotRefs.has(references[i])).length;
      if (fromHotspots * 2 > chain.size) {
        expect(seriesFlag(chain, surroundings[k]).flag, `chain ${chain.id}`).toBe('hotspot-like');
      }
    });
    const insideDisc = (x: number, y: number) =>
      planted.some((h) => Math.hypot(x - h.centre.x, y - h.centre.y) < h.radiusM);
    let outside = 0;
    for (const series of truth) {
      if (series.events.some((e) => insideDisc(e.x, e.y))) continue;
      outside++;
      const k = chains.findIndex((c) => c.members.some((i) => references[i] === series.events[0].reference));
      expect(seriesFlag(chains[k], surroundings[k]).flag, series.id).toBeNull();
    }
    expect(outside).toBeGreaterThan(truth.length / 2);
  });

  it('gives risk zones on the day after a series ends to its events of the last 8 days only', () => {
    const series = truth[0];
    const chains = findChains(events, { distanceM: 150.000001, days: 8, references });
    const chain = chains.find((c) => c.members.some((i) => references[i] === series.events[0].reference))!;
    const asOfDay = chain.lastDay + 1;
    const zones = riskZones(events, chains, { distanceM: 150, days: 8, asOfDay });
    const mine = zones.filter((z) => z.chainId === chain.id);
    const recentMembers = chain.members.filter((i) => events.day[i] > asOfDay - 8);
    expect(mine.map((z) => z.eventIndex).sort((a, b) => a - b)).toEqual(recentMembers.sort((a, b) => a - b));
    expect(mine.every((z) => z.expiresDay === events.day[z.eventIndex] + 8)).toBe(true);
    // Every zone of the run is around an event of the last 8 days.
    expect(zones.every((z) => z.eventDay <= asOfDay && z.eventDay > asOfDay - 8)).toBe(true);
  });
});

function circle(cx: number, cy: number, r: number): number[][] {
  const ring: number[][] = [];
  for (let k = 0; k < 64; k++)
    ring.push([cx + r * Math.cos((2 * Math.PI * k) / 64), cy + r * Math.sin((2 * Math.PI * k) / 64)]);
  ring.push(ring[0]);
  return ring;
}
