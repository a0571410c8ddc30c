/**
 * The tactical PPTX on a result built here: every slide (title included) carries in its notes the
 * method, the glossary and every caveat, the data's own (police.uk snapping, month-only dates) as well
 * as the assessment's, and the marking on its face.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderTactical } from '../../../../../electron/engine/analysis/tactical-export.js';
import type { TacticalResult } from '../../../../../shared/api/tactical-api.js';

const SNAPPED = 'Street crime: points are snapped to anonymised map locations (police.uk).';
const MONTH_ONLY = 'Street crime: 40 records are dated to the month only.';
const OWN = 'The previous period is not covered by the data: hotspot changes against it are not meaningful.';

const result: TacticalResult = {
  periods: {
    current: { from: '2025-10-01', to: '2025-12-31' },
    previous: { from: '2025-07-01', to: '2025-09-30' },
    lastYear: { from: '2024-10-01', to: '2024-12-31' },
  },
  coverage: { from: '2025-01-01', to: '2025-12-31', missingMonths: [] },
  total: { label: 'All', current: 40, previous: null, lastYear: null, vsPrevious: null, vsLastYear: null },
  byCategory: [],
  byArea: [],
  areaLayer: null,
  withoutArea: null,
  hotspots: [],
  changeRule: '',
  density: null,
  densityNote: 'No density comparison: the previous period could not be mapped.',
  series: { byType: [], items: [], hotspotLike: 0, note: 'No events in either period to link into series.' },
  caveats: [OWN],
  provenance: {
    caveats: [SNAPPED, MONTH_ONLY],
    filterText: 'Street crime',
    datasets: [],
    crs: 'EPSG:27700',
  } as never,
};

async function texts(pptx: Uint8Array, prefix: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(pptx);
  const names = Object.keys(zip.files)
    .filter((n) => n.startsWith(prefix) && n.endsWith('.xml'))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  return Promise.all(
    names.map(async (n) =>
      [...(await zip.file(n)!.async('string')).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(' '),
    ),
  );
}

describe('tactical PPTX', () => {
  it('puts the method, the glossary and every caveat in the notes of every slide', async () => {
    const pptx = await renderTactical(result, 'pptx', {
      marking: 'OFFICIAL-SENSITIVE',
      appVersion: 'test',
      printPdf: async () => new Uint8Array(),
    });
    const slides = await texts(pptx, 'ppt/slides/slide');
    const notes = await texts(pptx, 'ppt/notesSlides/notesSlide');
    expect(slides.length).toBe(5);
    expect(notes.length).toBe(slides.length);
    for (const [k, n] of notes.entries()) {
      expect(slides[k]).toContain('OFFICIAL-SENSITIVE');
      expect(n).toContain(
        'Counting: each record counts once, in the period holding the midpoint of its date window.',
      );
      expect(n).toContain(
        'A period the data do not cover is shown as &quot;no data&quot;, never as zero, and is not tested.',
      );
      expect(n).toContain('Jaccard index: ');
      expect(n).toContain('PAI: ');
      for (const caveat of [SNAPPED, MONTH_ONLY, OWN]) expect(n).toContain(caveat);
    }
  });
});
