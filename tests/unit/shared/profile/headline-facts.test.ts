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

  it('never makes "all hotspots" or "the rest of the area" a fact (they rise and fall by construction)', () => {
    const subjects = demo().map((f) => f.subject);
    expect(subjects).not.toContain('all-hotspots');
    expect(subjects).not.toContain('rest-of-area');
  });

  it('leads with a hotspot only when its change holds against last year too, and then says so', () => {
    // Data from January 2024 to June 2025, so last June is covered as well.
    const months = Array.from({ length: 18 }, (_, k) => Date.UTC(2024, k, 1));
    const covered = dataCoverage(
      months,
      months.map((m) => Date.UTC(new Date(m).getUTCFullYear(), new Date(m).getUTCMonth() + 1, 1) - 1),
    );
    const row3 = (now: number, before: number, lastYear: number) =>
      comparePeriodCounts({ current: now, previous: before, lastYear }, spans, covered);
    const scope = adjustRows([row3(980, 1000, 990)])[0]!;
    const facts = (hotspot: ReturnType<typeof row3>) =>
      headlineFacts({
        scope,
        subject: scope,
        subjectHotspotRank: null,
        hotspots: adjustRows([{ rank: 1, ...hotspot }]),
        exposureDays: { current: 30, previous: 30, lastYear: 30 },
      }).filter((f) => f.subject === 'hotspot');
    // Up on the previous period (62 → 106) but level with last June (100): the season, not news.
    expect(facts(row3(106, 62, 100))).toEqual([]);
    // Up on both: one fact, against the same period last year.
    const [fact] = facts(row3(106, 62, 60));
    expect(fact).toMatchObject({ rank: 1, against: 'lastYear', from: 60, to: 106, direction: 'increase' });
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
