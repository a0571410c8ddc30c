import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildSlides } from '../../../../../electron/engine/profile/slides.js';
import { buildProfileModel } from '../../../../../shared/profile/build-model.js';
import {
  change,
  hotspot,
  kdeRun,
  POLICE_UK_CAVEAT,
  profileInputs,
} from '../../../shared/profile/profile-fixtures.js';

/** Text of every slide (a:t runs) and of every notes page, in slide order. */
async function slideTexts(pptx: Uint8Array): Promise<{ slides: string[]; notes: string[] }> {
  const zip = await JSZip.loadAsync(pptx);
  const read = async (prefix: string) => {
    const names = Object.keys(zip.files)
      .filter((n) => n.startsWith(prefix) && n.endsWith('.xml'))
      .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
    return Promise.all(
      names.map(async (n) =>
        [...(await zip.file(n)!.async('string')).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(' '),
      ),
    );
  };
  return { slides: await read('ppt/slides/slide'), notes: await read('ppt/notesSlides/notesSlide') };
}

describe('buildSlides', () => {
  it('puts the data caveat in every slide’s footer and in full in every slide’s notes', async () => {
    const inputs = profileInputs({
      kde: kdeRun([hotspot()]),
      caveats: [POLICE_UK_CAVEAT],
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
    const { slides, notes } = await slideTexts(await buildSlides(buildProfileModel(inputs)));
    expect(slides.length).toBeGreaterThanOrEqual(5);
    for (const text of slides) expect(text).toContain('Caveat: Street crime: police.uk data: month only');
    expect(notes).toHaveLength(slides.length);
    for (const text of notes) expect(text).toContain(POLICE_UK_CAVEAT);
  });

  it('gives the hotspot slide its trend with q and the regression-to-the-mean caveat', async () => {
    const inputs = profileInputs({
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
    const { slides, notes } = await slideTexts(await buildSlides(buildProfileModel(inputs)));
    const index = slides.findIndex((s) => s.includes('Hotspot 1: Castle'));
    const slide = slides[index]!;
    // The caveat in full, and the support rule, in the slide's speaker notes.
    expect(notes[index]).toContain(inputs.regressionCaveat);
    expect(notes[index]).toContain('Hotspots are reported only with ≥ 5 events');
    expect(slide).toContain('significant increase (q = 0.020');
    expect(slide).toMatch(/On last year \(no data\):\s+not tested: no data/);
    expect(slide).toContain('regression to the mean');
  });

  it('says draft until the analyst marks the profile reviewed', async () => {
    const inputs = profileInputs();
    const draft = await slideTexts(await buildSlides(buildProfileModel(inputs)));
    expect(draft.slides[0]).toContain('Draft: not yet marked reviewed by the analyst');
    const reviewed = await slideTexts(
      await buildSlides(
        buildProfileModel({ ...inputs, front: { ...inputs.front, reviewedAt: '2026-01-06' } }),
      ),
    );
    expect(reviewed.slides[0]).toContain('Reviewed by the analyst on 6 January 2026');
  });
});
