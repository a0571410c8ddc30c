import { describe, expect, it } from 'vitest';
import { dataCoverage } from '../../../../shared/analysis/compare/coverage.js';
import { adjustRows, comparePeriodCounts } from '../../../../shared/analysis/compare/period-comparison.js';
import { previousPeriod, samePeriodLastYear } from '../../../../shared/analysis/compare/periods.js';
import { headlineFacts } from '../../../../shared/profile/headline-facts.js';

// Current period: June 2025 (30 days); previous: the 30 days before. The data start on 1 May 2025,
// so the same period last year has no data.
const current = { fromMs: Date.UTC(2025, 5, 1), toMs: Date.UTC(2025, 6, 1) };
const spans = { current, previous: previousPeriod(current), lastYear: samePeriodLastYear(current) };
// One record in each of April, May and June 2025: the data cover 1 April to 30 June.
const coverage = dataCoverage(
  [Date.UTC(2025, 3, 1), Date.UTC(2025, 4, 1), Date.UTC(2025, 5, 1)],
  [Date.UTC(2025, 4, 1) - 1, Date.UTC(2025, 5, 1) - 1, Date.UTC(2025, 6, 1) - 1],
);
const row = (now: number, before: number) =>
  comparePeriodCounts({ current: now, previous: before, lastYear: 0 }, spans, coverage);

function demo() {
  // The town fell a little (1,000 → 980) while hotspot 1 rose from 62 to 106; hotspot 2 was flat.
  const scope = adjustRows([row(980, 1000)])[0]!;
  const hotspots = adjustRows([
    { rank: 1, ...row(106, 62) },
    { rank: 2, ...row(38, 40) },
  ]);
  return headlineFacts({
    scope,
    subject: scope,
    subjectHotspotRank: null,
    hotspots,
    exposureDays: { current: 30, previous: 30, lastYear: 30 },
  });
}

describe('headlineFacts', () => {
  it('leads with hotspot 1 rising from 62 to 106 while the rest of the town fell from 938 to 874', () => {
    const lead = demo()[0]!;
    expect(lead.subject).toBe('hotspot');
    expect(lead.rank).toBe(1);
    expect(lead.against).toBe('previous');
    expect([lead.from, lead.to]).toEqual([62, 106]);
    expect(lead.direction).toBe('increase');
    expect(lead.rest).toMatchObject({ from: 1000 - 62, to: 980 - 106, direction: 'fell' });
    expect(lead.againstAreaTrend).toBe(true);
    expect(lead.chosenForBeingHighNow).toBe(true);
  });

  it("keeps the town's own change as context though it is not significant (1,000 → 980)", () => {
    const scope = demo().find((f) => f.subject === 'scope')!;
    expect([scope.from, scope.to, scope.direction]).toEqual([1000, 980, 'no significant change']);
    expect(scope.rest).toBeNull();
  });

  it('makes no fact against last year, which has no data, and none for the flat hotspot 2', () => {
    const facts = demo();
    expect(facts.some((f) => f.against === 'lastYear')).toBe(false);
    expect(facts.some((f) => f.rank === 2)).toBe(false);
  });

  it('sums the hotspots (disjoint) for "all hotspots" and subtracts them for the rest of the area', () => {
    const facts = demo();
    const all = facts.find((f) => f.subject === 'all-hotspots');
    const rest = facts.find((f) => f.subject === 'rest-of-area');
    // 144 vs 102 in equal periods is significant (z ≈ 3.2); the rest, 836 vs 898 (z ≈ −1.5), is not
    // a headline, but it is the "rest" beside the all-hotspots fact.
    expect(all && [all.from, all.to]).toEqual([102, 144]);
    expect(all?.rest).toMatchObject({ from: 898, to: 836, direction: 'fell' });
    expect(rest).toBeUndefined();
  });

  it('refuses a part with more events than the scope', () => {
    const scope = row(5, 5);
    expect(() =>
      headlineFacts({
        scope,
        subject: row(9, 5),
        subjectHotspotRank: null,
        hotspots: [],
        exposureDays: { current: 30, previous: 30, lastYear: 30 },
      }),
    ).toThrow(RangeError);
  });
});
