/**
 * New and live near-repeat series of a tactical assessment (issue 13 item 1), from the chains of the
 * two periods together (chains-service.ts, as of the current period's last day):
 *   new   a series candidate (a chain not flagged hotspot-like) whose first event is in this period
 *   live  a series candidate that could still grow on the period's last day (the chains' `live`)
 * Chains flagged hotspot-like are never offered as series; they are counted so the reader knows.
 * Dates are ISO yyyy-mm-dd, compared as text. O(chains).
 */

export interface ChainDates {
  firstDate: string;
  lastDate: string;
  live: boolean;
  flag: 'hotspot-like' | null;
}

export interface PeriodSeries {
  /** Indices into the chains given. */
  newSeries: number[];
  liveSeries: number[];
  hotspotLike: number;
}

export function periodSeries(
  chains: readonly ChainDates[],
  period: { from: string; to: string },
): PeriodSeries {
  const out: PeriodSeries = { newSeries: [], liveSeries: [], hotspotLike: 0 };
  chains.forEach((c, i) => {
    if (c.flag !== null) {
      out.hotspotLike++;
      return;
    }
    if (c.firstDate >= period.from && c.firstDate <= period.to) out.newSeries.push(i);
    if (c.live) out.liveSeries.push(i);
  });
  return out;
}
