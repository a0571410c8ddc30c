/**
 * The problem profile as data (DESIGN.md §1: NIM problem profile in SARA order; issue 6).
 *
 *   ProfileInputs  what the engine gathers for one subject and period: counts, the density run and its
 *                  hotspots, Knox, chains, aoristic table, provenance (electron/engine/profile/gather.ts)
 *   ProfileModel   front matter plus sections of typed blocks, built from the inputs and the analyst's
 *                  saved text (build-model.ts); what the renderer previews and every export renders
 *
 * Sections are keyed by stable ids (SECTION_IDS), so the analyst's text stored in the project under an
 * id survives a rebuild: generated blocks are refreshed, analyst text is kept.
 */

import type { PeriodComparison } from '../analysis/compare/period-comparison.js';
import type { RepeatLocation } from '../analysis/repeats/repeat-locations.js';
import type { ChainsRunResult, KdeRunResult, KnoxRunResult } from '../api/analysis-api.js';
import type { PrintBasemap } from '../cartography/basemap-tiles.js';
import type { ActionResultForProfile } from './assessment-results.js';
import type { HeadlineFact } from './headline-facts.js';
import type { ProfileSubject } from './subject.js';

export const MARKINGS = ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const;

export interface ProfileFront {
  title: string;
  /** e.g. "PP-2026-014". */
  reference: string;
  author: string;
  /** yyyy-mm-dd. */
  date: string;
  version: string;
  /** Protective marking on every page and slide: OFFICIAL, OFFICIAL-SENSITIVE or free text. */
  marking: string;
  /**
   * yyyy-mm-dd the analyst marked the profile reviewed (updateProfileFront); null or absent = not
   * reviewed, and no output may then say "reviewed by the analyst".
   */
  reviewedAt?: string | null;
}

/** Inclusive calendar dates, yyyy-mm-dd. */
export interface DateRange {
  from: string;
  to: string;
}

export const SECTION_IDS = [
  'summary',
  'scope',
  'scanning',
  'analysis',
  'gaps',
  'response-prevention',
  'response-intelligence',
  'response-enforcement',
  'response-reassurance',
  'assessment',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const RESPONSE_STRANDS = ['prevention', 'intelligence', 'enforcement', 'reassurance'] as const;
export type ResponseStrand = (typeof RESPONSE_STRANDS)[number];

/** Map geometry in project CRS metres. */
export type MultiPolygonCoords = number[][][][];

export interface MapLayers {
  crs: string;
  /** Boundary features (e.g. wards) with their names as labels. */
  boundaries: { polygons: MultiPolygonCoords; label: string }[];
  boundaryLayerName: string | null;
  /** Reference lines such as streets. */
  streets: { coords: number[][]; name?: string; major?: boolean }[];
  /** Water of the project's basemap (the bundled sample town's river), when it is drawn. */
  water?: { polygons: MultiPolygonCoords; label: string }[];
  /** The project's raster basemap file's tiles for the printed maps (engine: basemap/print-tiles.ts). */
  basemap?: PrintBasemap;
  /** The basemap's attribution, or why it is not printed (an intranet server). */
  basemapCredit?: string;
}

export interface DatasetProvenance {
  id: number;
  name: string;
  geometry: 'points' | 'areas';
  records: number;
  /** The dataset's records the profile is about (its subject in the period), by kind, for caveats and gaps. */
  inSubject?: { records: number; monthOnly: number; windows: number; areaOnly: number };
  /** Inclusive dates of the records' windows. */
  dateRange: DateRange | null;
  precision: { exact: number; window: number; date: number; month: number };
  imports: {
    fileName: string;
    sha256: string;
    importedAt: string;
    sourceCrs: string | null;
    rowsRead: number;
    rowsAccepted: number;
    rowsRejected: number;
  }[];
}

/**
 * Counts of one subject in the current period, the previous period and the same period last year,
 * each record counted once, in the period holding its window's midpoint (DESIGN.md §4 "Period
 * comparison"). A period the data do not fully cover is "no data": its count and test are null,
 * never 0 and never tested. Tests carry the Benjamini–Hochberg q-value over the rows of their table
 * (each comparison column separately) beside the unadjusted p; the verdict is based on q.
 * Defined in shared/analysis/compare/period-comparison.ts.
 */
export type { PeriodComparison };

/** Dates the datasets in scope cover: first and last record date, and calendar months with no record. */
export interface DataCoverage {
  /** yyyy-mm-dd of the first record (window start), null when there are no records. */
  from: string | null;
  /** yyyy-mm-dd of the last record (window end), null when there are no records. */
  to: string | null;
  /** yyyy-mm of the months between `from` and `to` that hold no record at all (monthly data's gaps). */
  missingMonths: string[];
}

/** A hotspot of the period's density run with its own period comparison (inside its outline). */
export type HotspotTrend = { rank: number } & PeriodComparison;

/** An identical point with two or more events (shared/analysis/repeats/repeat-locations.ts). */
export type { RepeatLocation };

export interface ChainEventRow {
  chainId: number;
  recordId: number;
  date: string;
  x: number;
  y: number;
  category: string | null;
  location: string | null;
}

export interface ProfileInputs {
  subject: ProfileSubject;
  /** e.g. "Hotspot 1 (Burglary, all datasets)", "Abbey Fields ward". */
  subjectLabel: string;
  front: ProfileFront;
  periods: { current: DateRange; previous: DateRange; lastYear: DateRange };
  /** Datasets and categories in scope, in words (e.g. "Police recorded crime: Burglary"). */
  scopeText: string;
  counts: PeriodComparison;
  /** JAG actions recorded in the project for the period (issue 13), one line each, by strand. */
  recordedActions?: { type: (typeof RESPONSE_STRANDS)[number]; text: string }[];
  /** Results analyses recorded against actions running or ended by the period's end (Assessment). */
  actionResults?: ActionResultForProfile[];
  /** What the data in scope cover; periods outside it are "no data". */
  coverage: DataCoverage;
  /** The whole scope (all datasets and categories in scope, everywhere): the area's own change. */
  scopeCounts: PeriodComparison;
  /** Each reported hotspot of the period's density run, BH across the hotspots. */
  hotspotTrends: HotspotTrend[];
  /** Why a change in a subject chosen for being high now must be read with care (regression to the mean). */
  regressionCaveat: string;
  /** The changes that matter, the headline first (shared/profile/headline-facts.ts). */
  headlineFacts: HeadlineFact[];
  /** Records of the current period that are area-only (counted, never drawn). */
  areaOnly: number;
  /** Records of the current period by category, most first. */
  byCategory: { category: string; count: number }[];
  /** Subject's records by calendar month (yyyy-mm) by window midpoint; null = a month with no data. */
  byMonth: { month: string; count: number | null }[];
  /** Hour × weekday aoristic table: 7 rows (Monday first) × 24 hours, events. */
  hourOfWeek: number[][];
  aoristicNote: string;
  /** Repeat locations: identical points with two or more events in the period, most first. */
  repeatLocations: RepeatLocation[];
  /** The period's density run the maps and hotspot statistics come from. */
  kde: KdeRunResult | null;
  kdeNote: string | null;
  /** Subject outline in project metres (hotspot, area or chain footprint); null for a crime type. */
  subjectArea: MultiPolygonCoords | null;
  /** Rank of the subject hotspot in `kde.hotspots`, when the subject is a hotspot. */
  subjectHotspotRank: number | null;
  knox: KnoxRunResult | null;
  /** Why there is no Knox result (too few events, month-only data…). */
  knoxNote: string | null;
  chains: ChainsRunResult | null;
  chainsNote: string | null;
  chainEvents: ChainEventRow[];
  /** The subject's current-period points, for the maps. */
  points: { x: number[]; y: number[] };
  layers: MapLayers;
  datasets: DatasetProvenance[];
  /** Everything the reader must know about the data (exclusions, geocoding, snapping, midpoints). */
  caveats: string[];
  /** Every parameter of every method, in words, for the appendix. */
  parameters: { method: string; name: string; value: string }[];
  appVersion: string;
  generatedAt: string;
  /** Record filter of the current period in words (shared/provenance/filter-words.ts). */
  filterText: string;
}

// ---- the model ----------------------------------------------------------------------------------

export type Align = 'left' | 'right' | 'center';

export type Block =
  /** The heading of one part of a section (rendered <h3>), e.g. "Near repeats (Knox test)". */
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; emphasis?: boolean }
  | { kind: 'facts'; rows: { label: string; value: string }[] }
  | {
      kind: 'table';
      caption: string;
      /** `wrap`: 'nowrap' keeps a cell on one line, 'anywhere' breaks long codes such as hashes. */
      columns: { label: string; align: Align; wrap?: 'nowrap' | 'anywhere' }[];
      rows: string[][];
      /** Row indices drawn highlighted (e.g. the subject hotspot, a significant Knox cell). */
      highlight?: number[];
      note?: string;
    }
  | {
      kind: 'heat';
      caption: string;
      rowLabels: string[];
      columnLabels: string[];
      values: number[][];
      note?: string;
    }
  | {
      kind: 'knox';
      caption: string;
      distanceLabels: string[];
      timeLabels: string[];
      observed: number[][];
      ratio: (number | null)[][];
      pValue: number[][];
      /** Benjamini–Hochberg q-values across the table's cells, shown beside p. */
      qValue?: number[][];
      /** The cells the Knox report calls significant (BH, ratio > 1): the only ones shaded. */
      significant?: boolean[][];
      note?: string;
    }
  | { kind: 'figure'; caption: string; svg: string }
  | { kind: 'list'; items: string[] };

/**
 * One generated finding (a summary bullet, an intelligence gap, a recommendation) under a stable id,
 * e.g. "summary:headline", "gaps:month-only", "prevention:cocooning". The analyst may reword it; the
 * edit is stored under the id and kept on rebuild (findings.ts).
 */
export interface Finding {
  id: string;
  /** What the reader sees: the analyst's wording when edited, else the generated one. */
  text: string;
  /** The wording generated from this build's figures. */
  generated: string;
  /** The analyst reworded this finding. */
  edited: boolean;
  /**
   * The figures changed since the analyst's edit (the generated wording now differs from the one
   * they edited): the edit is kept, and the profile asks for it to be checked.
   */
  stale: boolean;
}

/** Whether the analyst has marked the profile reviewed, and how much of it they reworded. */
export interface ReviewState {
  /** yyyy-mm-dd, or null while not reviewed. */
  reviewedAt: string | null;
  editedFindings: number;
  staleFindings: number;
}

export interface ProfileSection {
  id: SectionId;
  /** Heading, e.g. "Scanning". */
  title: string;
  /** Part heading it sits under (SARA stage), e.g. "Response". */
  group: string;
  blocks: Block[];
  /** The analyst's text; for response strands, one recommendation per line. */
  text: string;
  /** True when `text` was written or edited by the analyst (not the generated suggestion). */
  edited: boolean;
  /** What the text box invites, e.g. "Your reading of the scanning figures". */
  prompt: string;
  /** Generated findings of the section (summary bullets, gaps, recommendations), each editable. */
  findings?: Finding[];
}

export interface HotspotSlide {
  rank: number;
  title: string;
  facts: { label: string; value: string }[];
  /** Static map of the hotspot (SVG). */
  mapSvg: string;
  /** Bar chart: events by hour of day (aoristic); null when too few timed events to say. */
  chart: { title: string; labels: string[]; values: number[] } | null;
  /** Short sentences on the slide: the trend's test, and the regression-to-the-mean caveat in brief. */
  notes: string[];
  /** The same in full for the speaker notes: the regression caveat and the hotspot support rule. */
  details: string[];
  /** The slide's one message: how many events, their share and the PAI, e.g. "117 burglaries: 27.8% of all in 0.67 km²". */
  lead?: string;
  /** Where: its places (ward, neighbourhood, beat) and its commonest streets. */
  where?: string;
  /** When: peak hours and busiest days from enough timed events, else why not. */
  when?: string;
  /** What: its (sub-)categories with counts. */
  what?: string;
  /** The change on the previous period and on the same period last year, one line each. */
  change?: string[];
}

/** A slide's words: what is on its face (short) and what the presenter reads in its notes (in full). */
export interface SlideWords {
  title: string;
  lines: string[];
  notes: string[];
}

/** Monthly counts of the period beside the same months a year before; null = no data (a gap). */
export interface TrendSlide extends SlideWords {
  /** "Jul 2025"… the months of the current period. */
  months: string[];
  current: (number | null)[];
  lastYear: (number | null)[];
}

/**
 * The JAG deck (issue 12): one message per slide, short on the face, in full in the notes. Hotspot
 * slides are `ProfileModel.hotspotSlides` (at most five); the other supported hotspots share one table.
 */
export interface SlideDeck {
  summary: SlideWords;
  trend: TrendSlide | null;
  /** The overview map's slide words: what a hotspot, "3 × mean" and PAI mean, in plain words. */
  overview: SlideWords;
  otherHotspots: (SlideWords & { columns: string[]; rows: string[][] }) | null;
  series: SlideWords & { mapSvg: string | null };
  actions: SlideWords;
  appendix: SlideWords;
  /** The caveat footer, at most about 20 words; the caveats in full go to every slide's notes. */
  caveatFooter: string;
}

export interface ProfileModel {
  front: ProfileFront;
  subjectText: string;
  subjectLabel: string;
  periods: ProfileInputs['periods'];
  sections: ProfileSection[];
  appendix: Block[];
  /** One-sentence findings for the summary and the slides (the summary findings' texts). */
  headlines: string[];
  review: ReviewState;
  /** The data's caveats (inputs.caveats and the analyses' provenance), for every output's notes. */
  caveats: string[];
  nearRepeatHeadline: string | null;
  overviewMapSvg: string | null;
  hotspotSlides: HotspotSlide[];
  /** The JAG slides' words (shared/profile/slide-deck.ts); absent in models built before issue 12. */
  deck?: SlideDeck;
  /** Short provenance line printed under every map and on every slide. */
  provenanceLine: string;
  appVersion: string;
  generatedAt: string;
}
