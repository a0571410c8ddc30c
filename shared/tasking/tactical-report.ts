/**
 * The tactical assessment as the profile's blocks (shared/profile/model.ts Block), in the order a JAG
 * reads it: what changed overall, where the hotspots moved, which series are running, the tables by
 * crime type and by area, then the caveats and an appendix with the method and a glossary. Every
 * change cell carries its test (q across the table, p) through the profile's one wording
 * (period-words.ts changeCellShort, whole percentages); "no data" periods say so. Pure: the engine
 * renders the blocks (HTML, PDF); the slides' words are tactical-slides.ts.
 */

import type { TableRow } from '../analysis/tactical/comparison-table.js';
import { CHANGE_RULE, isSharplyUp } from '../analysis/tactical/hotspot-change.js';
import type { TacticalHotspot, TacticalResult, TacticalSeries } from '../api/tactical-api.js';
import { formatCount, formatP } from '../profile/format.js';
import type { Block } from '../profile/model.js';
import { countOrNoData, TEST_IN_WORDS } from '../profile/period-words.js';
import { differenceSvg } from './difference-svg.js';
import { changeCell, dmy, hotspotLabel, hotspotName, km2Value, percentChange } from './tactical-format.js';
import { GLOSSARY, methodLines, seriesRunLines } from './tactical-glossary.js';
import { hotspotRise, type RiseKind, tacticalHeadlines } from './tactical-headline.js';

export { tacticalHeadlines } from './tactical-headline.js';

const STATUS_WORDS: Record<TacticalHotspot['status'], string> = {
  new: 'New',
  grown: 'Grown',
  persisting: 'Persisting',
  shrunk: 'Shrunk',
  gone: 'Gone',
};

function at(x: number, y: number): string {
  return `${Math.round(x)}, ${Math.round(y)}`;
}

/** The outline class, with "sharply up" where the events rose significantly (hotspot-change.ts). */
export function classWords(h: TacticalHotspot): string {
  if (!isSharplyUp(h)) return STATUS_WORDS[h.status];
  const season = SEASON_WORDS[hotspotRise(h) ?? 'both'];
  return `${STATUS_WORDS[h.status]}, sharply up${season}`;
}

/** What last year says of a sharp rise (tactical-headline.ts riseKind). */
const SEASON_WORDS: Record<RiseKind, string> = {
  both: '',
  'previous-only': ' (likely seasonal)',
  'no-last-year': ' (no last-year data)',
};

/** "+183%, significant rise (q < 0.001)": the events test of one hotspot, short enough for a cell. */
function hotspotChangeCell(h: TacticalHotspot): string {
  if (h.qValue === null) return 'not tested: no data';
  const reading =
    h.verdict === 'significant increase'
      ? 'significant rise'
      : h.verdict === 'significant decrease'
        ? 'significant fall'
        : 'not significant';
  return `${percentChange(h.percentChange)}, ${reading} (q ${formatP(h.qValue)})`;
}

/** "Criminal damage and arson 135, Burglary 20, Violence 15": the hotspot's commonest crime types. */
function crimeMixWords(h: TacticalHotspot): string {
  return h.crimeMix.map((c) => `${c.name} ${formatCount(c.count)}`).join(', ');
}

/** The hotspot's name and its commonest location (the centre is in the JSON and on the figure). */
function whereWords(h: TacticalHotspot): string {
  return h.commonestLocation ? `${hotspotName(h)}; ${h.commonestLocation}` : hotspotName(h);
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
      changeCell(r.previous, r.vsPrevious),
      countOrNoData(r.lastYear),
      changeCell(r.lastYear, r.vsLastYear),
    ]),
    note,
  };
}

function hotspotTable(hotspots: readonly TacticalHotspot[]): Block {
  return {
    kind: 'table',
    caption: 'Hotspots of this period against the previous period',
    columns: [
      { label: 'No.', align: 'right' },
      { label: 'Class', align: 'left' },
      { label: 'Hotspot; commonest location', align: 'left' },
      { label: 'Main crime types now', align: 'left' },
      // Right-aligned headers do not wrap (profile css): short labels leave room for the words.
      { label: 'Now', align: 'right' },
      { label: 'Before', align: 'right' },
      { label: 'Last year', align: 'right' },
      { label: 'Change on previous', align: 'left' },
      { label: 'Area km², now / before', align: 'left' },
      { label: 'Jaccard', align: 'right' },
    ],
    rows: hotspots.map((h) => [
      hotspotLabel(h),
      classWords(h),
      whereWords(h),
      crimeMixWords(h),
      formatCount(h.events),
      countOrNoData(h.previousEvents),
      countOrNoData(h.lastYearEvents),
      hotspotChangeCell(h),
      `${km2Value(h.areaKm2)} / ${km2Value(h.previousAreaKm2)}`,
      h.jaccard.toFixed(2),
    ]),
    highlight: hotspots.flatMap((h, i) =>
      h.status === 'new' || h.status === 'grown' || isSharplyUp(h) ? [i] : [],
    ),
    note: `No.: the hotspot's number on the figure (P: a previous period's hotspot that is gone). ${CHANGE_RULE} Events are counted inside the same outline in all three periods (this period's, or the previous one's for a gone hotspot).`,
  };
}

/** Live series first (they can still grow), then the largest, then the earliest. */
export function seriesOrder(items: readonly TacticalSeries[]): TacticalSeries[] {
  return [...items].sort(
    (a, b) => Number(b.live) - Number(a.live) || b.size - a.size || a.firstDate.localeCompare(b.firstDate),
  );
}

const LINK_WORDS: Record<'knox' | 'default' | 'analyst', string> = {
  knox: 'Knox test',
  default: 'default (no Knox signal)',
  analyst: 'set by the analyst',
};

function seriesTable(result: TacticalResult): Block | null {
  if (result.series.items.length === 0) return null;
  const fromOf = new Map(result.series.byType.map((r) => [r.crimeType, r.thresholdFrom]));
  return {
    kind: 'table',
    caption: 'Near-repeat series candidates: new this period or still live, by crime type',
    columns: [
      { label: 'Crime type', align: 'left' },
      { label: 'Series', align: 'left' },
      { label: 'Link from', align: 'left' },
      { label: 'Events', align: 'right' },
      { label: 'First', align: 'left' },
      { label: 'Last', align: 'left' },
      { label: 'New this period', align: 'left' },
      { label: 'Live', align: 'left' },
      { label: 'Centre (x, y)', align: 'left', wrap: 'nowrap' },
    ],
    rows: seriesOrder(result.series.items).map((s) => [
      s.crimeType,
      String(s.id),
      LINK_WORDS[fromOf.get(s.crimeType) ?? 'default'],
      formatCount(s.size),
      dmy(s.firstDate),
      dmy(s.lastDate),
      s.isNew ? 'Yes' : 'No',
      s.live ? 'Yes' : 'No',
      at(s.centroidX, s.centroidY),
    ]),
    note:
      'Live: could still grow on the last day of the period. Live series first, then the largest. ' +
      'Series are numbered within their crime type. Link from: the Knox test of that type, or the default 200 m and 7 days ' +
      'when that test found no near-repeat signal (weaker evidence). Chains flagged hotspot-like are not listed as series.',
  };
}

/** One line when there is no area table, saying why; null when there is one. */
export function areaTableNote(result: TacticalResult): string | null {
  if (result.areaLayer === null)
    return 'No table by area: the project has no boundary layer (import wards or beats to count by area).';
  if (result.byArea.length === 0)
    return `No table by area: no feature of ${result.areaLayer} holds an event in any of the three periods.`;
  return null;
}

/** The difference figure, its hotspots numbered as in the tables. */
export function differenceFigure(result: TacticalResult, caption: string): string | null {
  if (!result.density) return null;
  return differenceSvg(
    result.density.difference,
    result.hotspots.map((h) => ({ polygon: h.polygon, dashed: h.status === 'gone', label: hotspotLabel(h) })),
    caption,
  );
}

function seriesBlocks(result: TacticalResult): Block[] {
  const blocks: Block[] = [];
  if (result.series.byType.length > 0) blocks.push({ kind: 'list', items: seriesRunLines(result) });
  const table = seriesTable(result);
  if (table) blocks.push(table);
  else
    blocks.push({
      kind: 'paragraph',
      text: result.series.note ?? 'No series candidate started or was live in this period.',
    });
  return blocks;
}

function areaBlocks(result: TacticalResult, testNote: string): Block[] {
  const why = areaTableNote(result);
  if (why !== null) return [{ kind: 'paragraph', text: why }];
  const layer = result.areaLayer!;
  const blocks: Block[] = [countTable(`Events by area (${layer})`, 'Area', result.byArea, testNote)];
  if (result.withoutArea && result.withoutArea.current > 0)
    blocks.push({
      kind: 'paragraph',
      text: `${formatCount(result.withoutArea.current)} events this period lie in no area of ${layer}; they are in the totals but in no area row.`,
    });
  return blocks;
}

function appendixBlocks(result: TacticalResult): Block[] {
  return [
    { kind: 'heading', text: 'Appendix: method' },
    // How each crime type was linked is under "Near-repeat series" already.
    { kind: 'list', items: methodLines(result, { seriesRuns: false }) },
    {
      kind: 'facts',
      rows: [
        { label: 'Records', value: result.provenance.filterText },
        { label: 'Datasets', value: result.provenance.datasets.map((d) => d.name).join(', ') || 'none' },
        {
          label: 'Data cover',
          value:
            result.coverage.from && result.coverage.to
              ? `${dmy(result.coverage.from)} to ${dmy(result.coverage.to)}`
              : 'no records',
        },
        { label: 'Coordinates', value: `${result.provenance.crs} metres` },
      ],
    },
    { kind: 'heading', text: 'Appendix: glossary' },
    { kind: 'facts', rows: GLOSSARY.map((g) => ({ label: g.term, value: g.meaning })) },
  ];
}

/** Every caveat once: the assessment's own and those of the data (police.uk, month-only, windows). */
export function allCaveats(result: TacticalResult): string[] {
  return [...new Set([...result.caveats, ...result.provenance.caveats])];
}

export function tacticalBlocks(result: TacticalResult): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', text: 'What changed' },
    { kind: 'list', items: tacticalHeadlines(result) },
    { kind: 'heading', text: 'Hotspots' },
  ];
  const caption =
    'Density this period minus the previous period, events per km² (red: more this period; blue: fewer), ' +
    'with this period’s hotspots (solid, numbered as in the table) and gone ones (dashed, P and their previous number)';
  const figure = differenceFigure(result, caption);
  if (figure) blocks.push(hotspotTable(result.hotspots), { kind: 'figure', caption, svg: figure });
  else blocks.push({ kind: 'paragraph', text: result.densityNote ?? 'No density comparison.' });
  blocks.push({ kind: 'heading', text: 'Near-repeat series' }, ...seriesBlocks(result));
  const testNote = `Counts by window midpoint; ${TEST_IN_WORDS}; q: Benjamini–Hochberg across the rows of the table, each column separately.`;
  blocks.push(
    { kind: 'heading', text: 'By crime type' },
    countTable('Events by category', 'Category', result.byCategory, testNote),
    { kind: 'heading', text: result.areaLayer ? `By area (${result.areaLayer})` : 'By area' },
    ...areaBlocks(result, testNote),
    { kind: 'heading', text: 'Caveats' },
    { kind: 'list', items: allCaveats(result) },
    ...appendixBlocks(result),
  );
  return blocks;
}
