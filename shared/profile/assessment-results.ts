/**
 * The results analyses recorded against JAG actions, in the profile's Assessment section (issue 13
 * item 6): for each action running or ended by the end of the period, its latest recorded result —
 * counts in the target, buffer and control before and after, the change against the control (and a
 * warning when the control itself moved by more than half), the WDQ with its reading, the WDD with its
 * standard error and 95 % interval — with the result's caveats, regression to the mean first. The
 * wording is the Results panel's (shared/analysis/results/results-text.ts).
 */
import type { ResultsAnalysis } from '../analysis/results/results-analysis.js';
import { changeAgainstControl, percentChange, wddLines, wdqLines } from '../analysis/results/results-text.js';
import { ukDate } from '../model/time.js';
import type { Block, DateRange } from './model.js';

/** One recorded result as the profile reports it. */
export interface ActionResultForProfile {
  /** e.g. "A3: Evening patrols". */
  action: string;
  /** e.g. "Prevention, completed, 01/04/2025 to 30/06/2025, against Area: Market Square". */
  actionFacts: string;
  areaNames: { target: string; buffer: string; control: string };
  before: DateRange;
  after: DateRange;
  /** When the result was recorded (ISO date-time). */
  recordedAt: string;
  result: Pick<ResultsAnalysis, 'counts' | 'wdq' | 'wdd' | 'wddText' | 'caveats'>;
}

function uk(iso: string): string {
  return ukDate(Date.parse(iso.slice(0, 10)));
}

function span(range: DateRange): string {
  return `${uk(range.from)} to ${uk(range.to)}`;
}

function countsTable(r: ActionResultForProfile): Block {
  const roles = ['target', 'buffer', 'control'] as const;
  const label = { target: 'Target', buffer: 'Buffer (outside the target)', control: 'Control' };
  return {
    kind: 'table',
    caption: `Events before (${span(r.before)}) and after (${span(r.after)})`,
    columns: [
      { label: 'Area', align: 'left' },
      { label: 'Before', align: 'right' },
      { label: 'After', align: 'right' },
      { label: 'Change', align: 'right', wrap: 'nowrap' },
    ],
    rows: roles.map((role) => {
      const c = r.result.counts[role];
      return [`${label[role]}: ${r.areaNames[role]}`, String(c.before), String(c.after), percentChange(c)];
    }),
  };
}

/** The blocks of one recorded result. */
export function actionResultBlocks(r: ActionResultForProfile): Block[] {
  return [
    { kind: 'heading', text: `Result of ${r.action}` },
    {
      kind: 'paragraph',
      text: `${r.actionFacts}. Result recorded on ${uk(r.recordedAt)}.`,
    },
    countsTable(r),
    { kind: 'paragraph', text: changeAgainstControl(r.result.counts) },
    ...wdqLines(r.result.wdq).map((text) => ({ kind: 'paragraph' as const, text })),
    ...wddLines(r.result).map((text) => ({ kind: 'paragraph' as const, text })),
    { kind: 'list', items: r.result.caveats },
  ];
}
