/**
 * The profile says only what is true (issue 10 item 9 and the output side of items 3–8): built from
 * hand-made inputs (profile-fixtures.ts), the words are checked against numbers written in the test.
 */
import { describe, expect, it } from 'vitest';
import { buildProfileModel } from '../../../../shared/profile/build-model.js';
import { renderProfileHtml } from '../../../../shared/profile/html/render-html.js';
import type { Block, DatasetProvenance, ProfileInputs } from '../../../../shared/profile/model.js';
import type { SavedTexts } from '../../../../shared/profile/sections.js';
import {
  chainSummary,
  chainsRun,
  change,
  grewWhileAreaFell,
  hotspot,
  kdeRun,
  knoxRun,
  POLICE_UK_CAVEAT,
  profileInputs,
} from './profile-fixtures.js';

function section(model: ReturnType<typeof buildProfileModel>, id: string) {
  return model.sections.find((s) => s.id === id)!;
}

function policeUk(month: number): DatasetProvenance {
  return {
    id: 1,
    name: 'Street crime',
    geometry: 'points',
    records: month,
    dateRange: { from: '2017-04-01', to: '2017-04-30' },
    precision: { exact: 0, window: 0, date: 0, month },
    imports: [
      {
        fileName: '2017-04-city-of-london-street.csv',
        sha256: 'a'.repeat(64),
        importedAt: '2026-01-05T09:00:00Z',
        sourceCrs: 'EPSG:4326',
        rowsRead: month,
        rowsAccepted: month,
        rowsRejected: 0,
      },
    ],
  };
}

/** April 2017 only (police.uk City of London): the previous period and last year have no data. */
function aprilOnly(): ProfileInputs {
  return profileInputs({
    periods: {
      current: { from: '2017-04-01', to: '2017-04-30' },
      previous: { from: '2017-03-02', to: '2017-03-31' },
      lastYear: { from: '2016-04-01', to: '2016-04-30' },
    },
    counts: { current: 412, previous: null, lastYear: null, vsPrevious: null, vsLastYear: null },
    scopeCounts: { current: 412, previous: null, lastYear: null, vsPrevious: null, vsLastYear: null },
    coverage: { from: '2017-04-01', to: '2017-04-30', missingMonths: [] },
    datasets: [policeUk(412)],
    caveats: [POLICE_UK_CAVEAT],
    hourOfWeek: Array.from({ length: 7 }, () => new Array<number>(24).fill(0)),
  });
}

describe('periods without data', () => {
  it('say "no data" with the date the data start, and give no count, change or test', () => {
    const model = buildProfileModel(aprilOnly());
    const scanning = section(model, 'scanning');
    const sentence = scanning.blocks[0]!;
    expect(sentence.kind === 'paragraph' && sentence.text).toBe(
      '412 events in the period; no data for the previous period (the data start on 1 April 2017); ' +
        'no data for the same period last year (the data start on 1 April 2017).',
    );
    const table = scanning.blocks[1]!;
    expect(table.kind === 'table' && table.rows.slice(1)).toEqual([
      ['Previous period', '2 March 2017 to 31 March 2017', 'no data', '', '', '', 'not tested: no data'],
      [
        'Same period last year',
        '1 April 2016 to 30 April 2016',
        'no data',
        '',
        '',
        '',
        'not tested: no data',
      ],
    ]);
    const html = renderProfileHtml(model);
    expect(html).not.toMatch(/compared with none|significant (increase|decrease)/);
    expect(model.headlines[0]).toContain('no data for the previous period (the data start on 1 April 2017)');
  });
});

describe('the summary', () => {
  it('leads with the headline fact: a hotspot that grew while the rest of the area fell, with q and the caveat', () => {
    const model = buildProfileModel(
      profileInputs({ kde: kdeRun([hotspot()]), headlineFacts: [grewWhileAreaFell()] }),
    );
    const first = section(model, 'summary').findings![0]!;
    expect(first.id).toBe('summary:headline');
    expect(first.text).toMatch(
      /^Hotspot 1 \(Castle\) rose from 62 to 106 burglaries against the previous period/,
    );
    expect(first.text).toContain('significant increase: q = 0.002 after Benjamini–Hochberg correction');
    expect(first.text).toContain('exact conditional Poisson test');
    expect(first.text).toContain('while the rest of the area fell from 938 to 874');
    expect(first.text).toContain('regression to the mean');
    expect(model.headlines[0]).toBe(first.text);
  });
});

describe('hotspots', () => {
  const trendInputs = () =>
    profileInputs({
      kde: kdeRun([hotspot()]),
      hotspotTrends: [
        {
          rank: 1,
          current: 30,
          previous: 12,
          lastYear: null,
          vsPrevious: change(30, 12, 0.02),
          vsLastYear: null,
        },
      ],
    });

  it('give each hotspot’s trend with q, "no data" for last year, and the regression-to-the-mean caveat', () => {
    const model = buildProfileModel(trendInputs());
    const trend = section(model, 'analysis').blocks.find(
      (b) => b.kind === 'table' && b.caption.startsWith('Hotspot trends'),
    )!;
    expect(trend.kind === 'table' && trend.rows[0]!.slice(0, 4)).toEqual(['1', 'Castle', '30', '12']);
    expect(trend.kind === 'table' && trend.rows[0]![4]).toMatch(
      /^\+150\.0%: significant increase \(q = 0\.020, p = 0\.\d{3}\)$/,
    );
    expect(trend.kind === 'table' && trend.rows[0]!.slice(5)).toEqual(['no data', 'not tested: no data']);
    expect(trend.kind === 'table' && trend.note).toContain('regression to the mean');
  });

  it('say a hotspot whose events all share one map point is a point, not an area (police.uk snapping)', () => {
    const onePoint = hotspot({
      events: 8,
      distinctPoints: 1,
      places: [],
      topLocations: [{ name: 'On or near Cannon Street', count: 8 }],
    });
    const model = buildProfileModel(profileInputs({ kde: kdeRun([onePoint]) }));
    const summary = section(model, 'summary').findings!.find((f) => f.id === 'summary:hotspot')!.text;
    expect(summary).toMatch(/^Hotspot 1 \(around Cannon Street, one map point\) held 8 /);
    expect(summary).toContain(
      "all 8 events share one map location, so the area is only the kernel's footprint",
    );
    // An area hotspot says nothing of the kind.
    const area = buildProfileModel(profileInputs({ kde: kdeRun([hotspot()]) }));
    expect(section(area, 'summary').findings!.find((f) => f.id === 'summary:hotspot')!.text).not.toContain(
      'map point',
    );
  });

  it('say when a hotspot is mostly one near-repeat series candidate', () => {
    const kde = kdeRun([hotspot({ events: 30 })]);
    const chains = chainsRun([chainSummary(4, null)]);
    const chainEvents = Array.from({ length: 16 }, (_, k) => ({
      chainId: 4,
      recordId: k,
      date: '2025-10-01',
      x: 1100 + k * 10,
      y: 1200,
      category: null,
      location: null,
    }));
    const table = section(
      buildProfileModel(profileInputs({ kde, chains, chainEvents })),
      'analysis',
    ).blocks.find((b) => b.kind === 'table' && b.caption.startsWith('Hotspots of the period')) as Extract<
      Block,
      { kind: 'table' }
    >;
    expect(table.rows[0]![table.columns.findIndex((c) => c.label === 'In series')]).toBe('16 (chain 4)');
    expect(table.note).toContain(
      "16 of hotspot 1's 30 events belong to near-repeat chain 4: much of this hotspot may be one series",
    );
  });

  it('put the trend, the test in words and the caveat on each hotspot slide', () => {
    const slide = buildProfileModel(trendInputs()).hotspotSlides[0]!;
    expect(slide.title).toBe('Hotspot 1: Castle');
    expect(slide.facts.find((f) => f.label === 'Previous period')!.value).toMatch(
      /^12; \+150\.0%: significant increase \(q = 0\.020/,
    );
    expect(slide.facts.find((f) => f.label === 'Same period last year')!.value).toBe(
      'no data; not tested: no data',
    );
    expect(slide.notes.join(' ')).toContain('exact conditional Poisson test');
    expect(slide.notes.join(' ')).toContain('regression to the mean');
  });

  it('state the support rule by the table and in the map legend, and say "too few timed events" instead of peak hours', () => {
    const thin = hotspot({ peakHours: [], peakHoursNote: 'too few timed events (7 of at least 20)' });
    const model = buildProfileModel(profileInputs({ kde: kdeRun([thin]) }));
    const table = section(model, 'analysis').blocks.find((b) => b.kind === 'table')!;
    expect(table.kind === 'table' && table.note).toContain(
      'Hotspots are reported only with ≥ 5 events and p < 0.05',
    );
    // No hotspot has enough timed events: no peak-hours column, one sentence instead.
    expect(table.kind === 'table' && table.columns.map((c) => c.label)).not.toContain('Peak hours');
    expect(table.kind === 'table' && table.note).toContain(
      'No peak hours: too few timed events (7 of at least 20).',
    );
    expect(model.overviewMapSvg).toContain('Hotspot (≥ 5 events, p &lt; 0.05)');
    const overview = section(model, 'scanning').blocks.find(
      (b) => b.kind === 'figure' && b.caption.startsWith('Overview'),
    )!;
    expect(overview.kind === 'figure' && overview.caption).toContain(
      'hotspots: ≥ 5 events and p < 0.05 against complete spatial randomness, 99 simulations',
    );
    const enforcement = section(model, 'response-enforcement').text;
    expect(enforcement).not.toContain('Directed patrols');
  });

  it('give no slide and no recommendation to a hotspot below the support rule', () => {
    const tiny = hotspot({
      rank: 2,
      events: 2,
      pai: 215.6,
      places: [{ layer: 'Wards', name: 'Aldgate' }],
      topLocations: [{ name: 'On or near Mitre Street', count: 2 }],
    });
    const model = buildProfileModel(profileInputs({ kde: kdeRun([hotspot(), tiny]) }));
    expect(model.hotspotSlides.map((s) => s.rank)).toEqual([1]);
    const all = model.sections
      .filter((s) => s.group === 'Response')
      .map((s) => s.text)
      .join('\n');
    expect(all).not.toContain('Aldgate');
    expect(all).not.toContain('Mitre Street');
    expect(all).toContain(
      'Directed patrols in hotspot 1 (Castle) at the peak hours 01:00–02:00, 22:00–23:00 and 23:00–00:00',
    );
  });
});

describe('hotspot trends without earlier data', () => {
  it('say so in one sentence instead of a table of "no data"', () => {
    const model = buildProfileModel(
      profileInputs({
        kde: kdeRun([hotspot()]),
        periods: {
          current: { from: '2017-04-01', to: '2017-04-30' },
          previous: { from: '2017-03-02', to: '2017-03-31' },
          lastYear: { from: '2016-04-01', to: '2016-04-30' },
        },
        coverage: { from: '2017-04-01', to: '2017-04-30', missingMonths: [] },
        hotspotTrends: [
          { rank: 1, current: 30, previous: null, lastYear: null, vsPrevious: null, vsLastYear: null },
        ],
      }),
    );
    const blocks = section(model, 'analysis').blocks;
    expect(blocks.some((b) => b.kind === 'table' && b.caption.startsWith('Hotspot trends'))).toBe(false);
    expect(
      blocks.some(
        (b) =>
          b.kind === 'paragraph' &&
          b.text.startsWith(
            'No hotspot trends: no data for the previous period (the data start on 1 April 2017)',
          ),
      ),
    ).toBe(true);
  });
});

describe('near repeats', () => {
  it('shade only cells the Knox report calls significant and show q beside p', () => {
    const notSignificant = knoxRun({ ratio: 2, p: 0.03, q: 0.12, significant: false });
    const html = renderProfileHtml(buildProfileModel(profileInputs({ knox: notSignificant })));
    const table = /<table class="knox">(.*?)<\/table>/.exec(html)![1]!;
    expect(table).not.toContain('class="sig"');
    expect(table).toContain('p 0.030 · q 0.120');
    expect(html).toContain('were no more likely than expected');
    const significant = knoxRun({ ratio: 2, p: 0.001, q: 0.004, significant: true });
    const shaded = renderProfileHtml(buildProfileModel(profileInputs({ knox: significant })));
    expect(/<table class="knox">(.*?)<\/table>/.exec(shaded)![1]!.match(/class="sig"/g)).toHaveLength(1);
    expect(shaded).toContain('it does not show that one offender committed them');
  });
});

describe('editing and review', () => {
  it('keeps an edited finding through a rebuild with new figures, marked edited by the analyst', () => {
    const first = buildProfileModel(profileInputs());
    const headline = section(first, 'summary').findings![0]!;
    const saved: SavedTexts = {
      findings: { [headline.id]: { text: 'Burglary fell this quarter.', basedOn: headline.generated } },
    };
    const same = buildProfileModel(profileInputs({ generatedAt: '2026-02-01T08:00:00Z' }), saved);
    expect(section(same, 'summary').findings![0]).toMatchObject({
      text: 'Burglary fell this quarter.',
      edited: true,
      stale: false,
    });
    const html = renderProfileHtml(same);
    expect(html).toContain('Burglary fell this quarter. <span class="edited">(edited by the analyst)</span>');
    const newFigures = buildProfileModel(
      profileInputs({
        counts: {
          current: 5,
          previous: 10,
          lastYear: 4,
          vsPrevious: change(5, 10),
          vsLastYear: change(5, 4),
        },
      }),
      saved,
    );
    expect(section(newFigures, 'summary').findings![0]).toMatchObject({
      text: 'Burglary fell this quarter.',
      edited: true,
      stale: true,
    });
  });

  it('says "reviewed by the analyst" only once the profile is marked reviewed', () => {
    const draft = renderProfileHtml(buildProfileModel(profileInputs()));
    expect(draft).not.toMatch(/reviewed by the analyst/i);
    expect(draft).toContain('not yet marked');
    const inputs = profileInputs();
    const reviewed = renderProfileHtml(
      buildProfileModel({ ...inputs, front: { ...inputs.front, reviewedAt: '2026-01-06' } }),
    );
    expect(reviewed).toContain('Reviewed by the analyst on 6 January 2026.');
    expect(reviewed).toContain('reviewed by the analyst on 6 January 2026');
  });
});

describe('intelligence gaps', () => {
  it('list month-only dates and snapped points for a police.uk dataset, and the periods without data', () => {
    const gaps = section(buildProfileModel(aprilOnly()), 'gaps').findings!;
    const ids = gaps.map((g) => g.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'gaps:month-only',
        'gaps:snapped',
        'gaps:no-data-previous',
        'gaps:no-data-last-year',
        'gaps:timed',
        'gaps:knox',
      ]),
    );
    expect(gaps.find((g) => g.id === 'gaps:month-only')!.text).toMatch(
      /^412 records \(Street crime\) are dated to the month only/,
    );
    expect(gaps.find((g) => g.id === 'gaps:snapped')!.text).toContain('snapped to anonymised map locations');
    expect(gaps.find((g) => g.id === 'gaps:no-data-previous')!.text).toContain(
      'the data start on 1 April 2017',
    );
  });

  it('are editable like the other findings', () => {
    const model = buildProfileModel(aprilOnly(), {
      findings: { 'gaps:who': { text: 'No offender data: ask the IMU.', basedOn: 'anything older' } },
    });
    expect(section(model, 'gaps').findings!.find((g) => g.id === 'gaps:who')).toMatchObject({ edited: true });
  });
});

describe('the title and the data sources', () => {
  it('follows the categories in scope: "Problem profile: Burglary in Castle ward"', () => {
    const model = buildProfileModel(
      profileInputs({
        subject: { kind: 'area', name: 'Castle ward' },
        subjectLabel: 'Castle ward',
        front: { ...profileInputs().front, title: 'Problem profile: Castle ward' },
      }),
    );
    expect(model.front.title).toBe('Problem profile: Burglary in Castle ward');
  });
});

describe('no internal text', () => {
  it('leaves out design references, analysis ids, JSON filters and epoch times from the whole HTML', () => {
    const model = buildProfileModel(
      profileInputs({
        kde: kdeRun([hotspot()]),
        knox: knoxRun({ ratio: 2, p: 0.001, q: 0.004, significant: true }),
        parameters: [
          { method: 'Kernel density', name: 'analysis id', value: '7 (from the project cache)' },
          { method: 'Kernel density', name: 'bandwidth', value: '300 m' },
        ],
        datasets: [policeUk(412)],
        caveats: [POLICE_UK_CAVEAT],
      }),
    );
    const html = renderProfileHtml(model);
    expect(html).not.toContain('DESIGN.md');
    expect(html.toLowerCase()).not.toContain('analysis id');
    expect(html).not.toContain('{"');
    expect(html).not.toContain('{&quot;');
    expect(html).not.toMatch(/(?<!\d)\d{13}(?!\d)/);
    expect(html).toContain('Records selected');
    expect(html).toContain('Street crime; categories: Burglary; 01/10/2025 to 31/12/2025');
    expect(html).toContain('5 January 2026, 10:00 UTC');
  });
});

describe('cocooning', () => {
  it('comes from the risk zones of recent events, with real dates (never "until NaN")', () => {
    const zone = (recordId: number, eventDate: string, expiresDate: string) => ({
      chainId: null,
      recordId,
      reference: `CR/${recordId}`,
      x: 1200,
      y: 1200,
      radiusM: 200,
      eventDate,
      expiresDate,
      ring: [
        [1000, 1200],
        [1200, 1400],
        [1400, 1200],
        [1000, 1200],
      ] as [number, number][],
    });
    const chains = {
      events: 40,
      distanceM: 200,
      days: 7,
      metric: 'manhattan' as const,
      linkRule: 'closer than 200 m (manhattan) and fewer than 7 days apart',
      thresholdSource: 'tightest significant Knox cell: [0, 200) m × [0, 7) days',
      asOf: '2025-12-31',
      shiftHours: null,
      chains: [],
      seriesCount: 0,
      // One zone with a broken date, as a cached result once had: it must be left out, not printed.
      zones: [zone(1, '2025-12-26', '2026-01-02'), zone(2, '2025-12-30', '2026-01-06'), zone(3, '', 'NaN')],
      notes: [],
      analysisId: 11,
      cached: false,
      provenance: kdeRun([]).provenance,
    };
    const model = buildProfileModel(profileInputs({ chains }));
    const prevention = section(model, 'response-prevention').findings!;
    expect(prevention[0]!.text).toBe(
      'Cocooning around the 2 recent events that can still produce near repeats (26 December 2025 to 31 December 2025): ' +
        'visit homes within 200 m of each with crime prevention advice and target hardening, each zone for 7 days after its event ' +
        '(the last lapses on 6 January 2026).',
    );
    expect(renderProfileHtml(model)).not.toContain('NaN');
    // Written on 6 January 2026 or later, the zones have lapsed: no cocooning of past events.
    const late = profileInputs({ chains });
    late.front = { ...late.front, date: '2026-01-06' };
    const lapsed = section(buildProfileModel(late), 'response-prevention').findings![0]!.text;
    expect(lapsed).toMatch(
      /^Cocooning: the near-repeat risk zones of the period's last events lapsed on 6 January 2026, before this profile's date \(6 January 2026\)/,
    );
    expect(lapsed).not.toContain('visit homes');
    const reassurance = section(buildProfileModel(late), 'response-reassurance').findings!.map((f) => f.id);
    expect(reassurance).not.toContain('reassurance:risk-zones');
  });
});

describe('the summary slide', () => {
  it('leads with the headline fact, with its q and the reason to read it with care', () => {
    const model = buildProfileModel(profileInputs({ headlineFacts: [grewWhileAreaFell()] }));
    const first = model.deck!.summary.lines[0]!;
    expect(first).toMatch(/^Hotspot 1\b.* rose from 62 to 106 /);
    expect(first).toMatch(/\(q = [0-9.<\s]+; chosen for being high now\)$/);
  });
});

describe('summary changes', () => {
  it('say the regression caveat in full once, then refer to it', () => {
    const first = grewWhileAreaFell();
    const second = { ...first, rank: 2, against: 'lastYear' as const, from: 70 };
    const model = buildProfileModel(profileInputs({ headlineFacts: [first, second] }));
    const findings = section(model, 'summary').findings!;
    expect(findings.slice(0, 3).map((f) => f.id)).toEqual([
      'summary:headline',
      'summary:counts',
      'summary:change-1',
    ]);
    expect(findings[0]!.text).toContain(profileInputs().regressionCaveat);
    expect(findings[2]!.text).toMatch(
      /^Hotspot 2\b.* rose from 70 to 106 burglaries against the same period last year/,
    );
    expect(findings[2]!.text).toContain('(Regression to the mean applies: see above.)');
  });
});

describe('the title of a hotspot profile', () => {
  it('names the categories and the hotspot’s place: "Problem profile: Burglary in hotspot 1 (Castle)"', () => {
    const model = buildProfileModel(
      profileInputs({
        subject: { kind: 'hotspot', rank: 1 },
        subjectLabel: 'Hotspot 1 (Burglary, all datasets)',
        subjectHotspotRank: 1,
        kde: kdeRun([hotspot()]),
        front: { ...profileInputs().front, title: '' },
      }),
    );
    expect(model.front.title).toBe('Problem profile: Burglary in hotspot 1 (Castle)');
  });
});
