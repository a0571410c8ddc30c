/**
 * The tactical assessment as the profile's blocks (shared/profile/model.ts Block) and slide words, in
 * the order a JAG reads it: what changed overall, where the hotspots moved, which series are running,
 * the tables by crime type and by area, then the caveats and method. Every change cell carries its
 * test (q across the table, p) through the profile's one wording (period-words.ts changeCellShort);
 * "no data" periods say so. Pure: the engine renders the blocks (HTML, PDF) and the slides.
 */

import type { TableRow } from '../analysis/tactical/comparison-table.js';
import { CHANGE_RULE, isSharplyUp } from '../analysis/tactical/hotspot-change.js';
import type { TacticalHotspot, TacticalResult } from '../api/tactical-api.js';
import { ukDate } from '../model/time.js';
import { formatAreaKm2, formatChange, formatCount, formatP } from '../profile/format.js';
import type { Block, SlideWords } from '../profile/model.js';
import { changeCellShort, countOrNoData, TEST_IN_WORDS } from '../profile/period-words.js';
import { differenceSvg } from './difference-svg.js';

const STATUS_WORDS: Record<TacticalHotspot['status'], string> = {
  new: 'New',
  grown: 'Grown',
  persisting: 'Persisting',
  shrunk: 'Shrunk',
  gone: 'Gone',
};

/** dd/mm/yyyy of an ISO date. */
function formatDate(iso: string): string {
  return ukDate(Date.parse(`${iso}T00:00:00Z`));
}

function formatRange(range: { from: string; to: string }): string {
  return `${formatDate(range.from)} to ${formatDate(range.to)}`;
}

function at(x: number, y: number): string {
  return `${Math.round(x)}, ${Math.round(y)}`;
}

/** The outline class, with "sharply up" where the events rose significantly (hotspot-change.ts). */
function classWords(h: TacticalHotspot): string {
  return isSharplyUp(h) ? `${STATUS_WORDS[h.status]}, sharply up` : STATUS_WORDS[h.status];
}

/** "+182.6%, significant rise (q < 0.001)": the events test of one hotspot, short enough for a cell. */
function hotspotChangeCell(h: TacticalHotspot): string {
  if (h.qValue === null) return 'not tested: no data';
  const reading =
    h.verdict === 'significant increase'
      ? 'significant rise'
      : h.verdict === 'significant decrease'
        ? 'significant fall'
        : 'not significant';
  return `${formatChange(h.percentChange)}, ${reading} (q ${formatP(h.qValue)})`;
}

/** "Criminal damage and arson 135, Burglary 20, Violence 15": the hotspot's commonest crime types. */
function crimeMixWords(h: TacticalHotspot): string {
  return h.crimeMix.map((c) => `${c.name} ${formatCount(c.count)}`).join(', ');
}

/** Where it is in words: its commonest location, then the centre in project coordinates. */
function whereWords(h: TacticalHotspot): string {
  const centre = `centre ${at(h.centroidX, h.centroidY)}`;
  return h.commonestLocation ? `${h.commonestLocation} (${centre})` : centre;
}

function hotspotName(h: TacticalHotspot): string {
  const where = h.places.length > 0 ? `, ${h.places.join(' / ')}` : '';
  return h.rank !== null ? `Hotspot ${h.rank}${where}` : `Previous hotspot ${h.previousRanks.join(', ')}`;
}

function countTable(caption: string, label: string, rows: readonly TableRow[], note: string): Block {
  return {
    kind: 'table',
    caption,
    columns: [
      { label, align: 'left' },
      { label: 'This period', align: 'right' },
      { label: 'Previous', align: 'right' },
      { label: 'Change on previous', align: 'left' },
      { label: 'Last year', align: 'right' },
      { label: 'Change on last year', align: 'left' },
    ],
    rows: rows.map((r) => [
      r.label,
      formatCount(r.current),
      countOrNoData(r.previous),
      changeCellShort(r.previous, r.vsPrevious),
      countOrNoData(r.lastYear),
      changeCellShort(r.lastYear, r.vsLastYear),
    ]),
    note,
  };
}

function hotspotTable(hotspots: readonly TacticalHotspot[]): Block {
  return {
    kind: 'table',
    caption: 'Hotspots of this period against the previous period',
    columns: [
      { label: 'Class', align: 'left' },
      { label: 'Hotspot', align: 'left' },
      { label: 'Commonest location', align: 'left' },
      { label: 'Commonest crime types (events now)', align: 'left' },
      { label: 'Events now', align: 'right' },
      { label: 'Events before', align: 'right' },
      { label: 'Events last year', align: 'right' },
      { label: 'Change on previous', align: 'left' },
      { label: 'Area now / before', align: 'right' },
      { label: 'Jaccard', align: 'right' },
    ],
    rows: hotspots.map((h) => [
      classWords(h),
      hotspotName(h),
      whereWords(h),
      crimeMixWords(h),
      formatCount(h.events),
      countOrNoData(h.previousEvents),
      countOrNoData(h.lastYearEvents),
      hotspotChangeCell(h),
      `${formatAreaKm2(h.areaKm2)} / ${formatAreaKm2(h.previousAreaKm2)}`,
      h.jaccard.toFixed(2),
    ]),
    highlight: hotspots.flatMap((h, i) =>
      h.status === 'new' || h.status === 'grown' || isSharplyUp(h) ? [i] : [],
    ),
    note: `${CHANGE_RULE} Events are counted inside the same outline in both periods (this period's, or the previous one's for a gone hotspot).`,
  };
}

/** Most series rows in the table: the live ones first, then the largest new ones. */
export const SERIES_ROWS = 15;

function seriesTable(result: TacticalResult): Block | null {
  if (result.series.items.length === 0) return null;
  const ordered = [...result.series.items].sort(
    (a, b) => Number(b.live) - Number(a.live) || b.size - a.size || a.firstDate.localeCompare(b.firstDate),
  );
  const shown = ordered.slice(0, SERIES_ROWS);
  const more = ordered.length - shown.length;
  return {
    kind: 'table',
    caption: `Near-repeat series (${result.series.linkRule})`,
    columns: [
      { label: 'Series', align: 'left' },
      { label: 'Events', align: 'right' },
      { label: 'First', align: 'left' },
      { label: 'Last', align: 'left' },
      { label: 'New this period', align: 'left' },
      { label: 'Live', align: 'left' },
      { label: 'Centre (x, y)', align: 'left', wrap: 'nowrap' },
    ],
    rows: shown.map((s) => [
      `Series ${s.id}`,
      formatCount(s.size),
      formatDate(s.firstDate),
      formatDate(s.lastDate),
      s.isNew ? 'Yes' : 'No',
      s.live ? 'Yes' : 'No',
      at(s.centroidX, s.centroidY),
    ]),
    note:
      'Live: could still grow on the last day of the period. Live series first, then the largest new ones. ' +
      (more > 0 ? `${more} more new series are not listed. ` : '') +
      'Chains flagged hotspot-like are not listed as series.',
  };
}

/**
 * The hotspots whose outline persists but whose events rose significantly, named with their counts:
 * the outline class alone would hide an emerging problem behind "0 new".
 */
function sharplyUpLine(surges: readonly TacticalHotspot[]): string {
  const named = surges.map(
    (h) =>
      `${hotspotName(h)} (${classWords(h).toLowerCase()}: ${countOrNoData(h.previousEvents)} → ${formatCount(h.events)} events, ${formatChange(h.percentChange)}, q ${formatP(h.qValue!)}` +
      `${h.commonestLocation ? `; commonest location ${h.commonestLocation}` : ''}${h.crimeMix.length > 0 ? `; mostly ${crimeMixWords(h)}` : ''})`,
  );
  const one = surges.length === 1;
  return (
    `${surges.length} ${one ? 'hotspot keeps its outline but its' : 'hotspots keep their outlines but their'} events rose significantly on the previous period: ` +
    `${named.join('; ')}. Treat ${one ? 'it' : 'them'} as emerging.`
  );
}

/** The headline lines: what changed overall, in hotspots and in series. */
export function tacticalHeadlines(result: TacticalResult): string[] {
  const { total, periods } = result;
  const lines = [
    `${formatCount(total.current)} events in ${formatRange(periods.current)}: ${changeCellShort(total.previous, total.vsPrevious)} on the previous period; ${changeCellShort(total.lastYear, total.vsLastYear)} on the same period last year.`,
  ];
  const count = (s: TacticalHotspot['status']) => result.hotspots.filter((h) => h.status === s).length;
  if (result.density) {
    lines.push(
      `Hotspots: ${count('new')} new, ${count('grown')} grown, ${count('persisting')} persisting, ${count('shrunk')} shrunk, ${count('gone')} gone.`,
    );
    const surges = result.hotspots.filter(isSharplyUp);
    if (surges.length > 0) lines.push(sharplyUpLine(surges));
    const rise = result.density.largestRise;
    if (rise)
      lines.push(
        `The largest rise in density is centred near ${at(rise.x, rise.y)} (+${rise.value.toFixed(0)} events per km²).`,
      );
  } else if (result.densityNote) lines.push(result.densityNote);
  const fresh = result.series.items.filter((s) => s.isNew).length;
  const live = result.series.items.filter((s) => s.live).length;
  lines.push(
    result.series.note ?? `Near-repeat series: ${fresh} started this period, ${live} still live at its end.`,
  );
  const significant = result.byCategory.filter((r) => r.vsPrevious?.verdict === 'significant increase');
  if (significant.length > 0)
    lines.push(`Significant rises on the previous period: ${significant.map((r) => r.label).join(', ')}.`);
  return lines;
}

export function tacticalBlocks(result: TacticalResult): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', text: 'What changed' },
    { kind: 'list', items: tacticalHeadlines(result) },
  ];
  blocks.push({ kind: 'heading', text: 'Hotspots' });
  if (result.density) {
    blocks.push(hotspotTable(result.hotspots));
    const caption =
      'Density this period minus the previous period (red: denser now; blue: less dense), with this period’s hotspots (solid) and gone ones (dashed)';
    blocks.push({
      kind: 'figure',
      caption,
      svg: differenceSvg(
        result.density.difference,
        result.hotspots.map((h) => ({ polygon: h.polygon, dashed: h.status === 'gone' })),
        caption,
      ),
    });
  } else blocks.push({ kind: 'paragraph', text: result.densityNote ?? 'No density comparison.' });
  blocks.push({ kind: 'heading', text: 'Near-repeat series' });
  const series = seriesTable(result);
  blocks.push(
    series ?? {
      kind: 'paragraph',
      text: result.series.note ?? 'No series started or was live in this period.',
    },
  );
  const testNote = `Counts by window midpoint; ${TEST_IN_WORDS}; q: Benjamini–Hochberg across the rows of the table, each column separately.`;
  blocks.push({ kind: 'heading', text: 'By crime type' });
  blocks.push(countTable('Events by category', 'Category', result.byCategory, testNote));
  if (result.areaLayer) {
    blocks.push({ kind: 'heading', text: `By area (${result.areaLayer})` });
    blocks.push(countTable(`Events by area (${result.areaLayer})`, 'Area', result.byArea, testNote));
    if (result.withoutArea && result.withoutArea.current > 0)
      blocks.push({
        kind: 'paragraph',
        text: `${formatCount(result.withoutArea.current)} events this period lie in no area of ${result.areaLayer}; they are in the totals but in no area row.`,
      });
  }
  blocks.push({ kind: 'heading', text: 'Caveats' });
  blocks.push({ kind: 'list', items: [...new Set([...result.caveats, ...result.provenance.caveats])] });
  blocks.push({ kind: 'heading', text: 'Method and data' });
  blocks.push({
    kind: 'facts',
    rows: [
      { label: 'Records', value: result.provenance.filterText },
      { label: 'Datasets', value: result.provenance.datasets.map((d) => d.name).join(', ') || 'none' },
      {
        label: 'Data cover',
        value:
          result.coverage.from && result.coverage.to
            ? `${formatDate(result.coverage.from)} to ${formatDate(result.coverage.to)}`
            : 'no records',
      },
      { label: 'Coordinates', value: `${result.provenance.crs} metres` },
      ...(result.density
        ? [
            {
              label: 'Density',
              value: `${result.density.kernel} kernel, ${result.density.cellSizeM.toFixed(0)} m cells, ${result.density.bandwidthM.toFixed(0)} m bandwidth, one grid for both periods`,
            },
          ]
        : []),
    ],
  });
  return blocks;
}

/** The slides' words: short on each face, the detail in the notes. */
export function tacticalSlides(result: TacticalResult): {
  summary: SlideWords;
  hotspots: SlideWords;
  series: SlideWords;
} {
  const headlines = tacticalHeadlines(result);
  return {
    summary: { title: 'What changed', lines: headlines, notes: result.caveats },
    hotspots: {
      title: 'Hotspots: this period against the previous',
      lines: result.hotspots
        .filter((h) => h.status !== 'persisting' || isSharplyUp(h))
        .slice(0, 6)
        .map(
          (h) =>
            `${classWords(h)}: ${hotspotName(h)} (${formatCount(h.events)} events, ${countOrNoData(h.previousEvents)} before${h.crimeMix[0] ? `; mostly ${h.crimeMix[0].name}` : ''})`,
        ),
      notes: [CHANGE_RULE],
    },
    series: {
      title: 'Near-repeat series',
      lines: result.series.items
        .slice(0, 6)
        .map(
          (s) =>
            `Series ${s.id}: ${s.size} events, ${formatDate(s.firstDate)} to ${formatDate(s.lastDate)}${s.live ? ', live' : ''}`,
        ),
      notes: [result.series.linkRule || (result.series.note ?? '')],
    },
  };
}
