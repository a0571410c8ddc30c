/**
 * A one-line progress bar for long CLI commands (DESIGN.md §4b): drawn on stderr when it is a
 * terminal, silent when piped (`io.interactive` false). Redraws at most every 100 ms, so a tight
 * loop reporting every row costs nothing, and always draws the final state.
 *
 *   const bar = createProgressBar(io, 'Importing');
 *   bar.update(done, total, 'rows');   // a ProgressFn
 *   bar.finish();                      // clears the line
 */
import type { ProgressFn } from '../../shared/jobs/progress.js';
import type { CliIo } from './command.js';

export interface ProgressBar {
  update: ProgressFn;
  /** Clears the bar's line; call once when the work has ended, successfully or not. */
  finish(): void;
}

export interface ProgressBarOptions {
  write?: (raw: string) => void;
  columns?: number;
  now?: () => number;
}

const REDRAW_MS = 100;

/** The text of the bar for `done` of `total`, fitted to `columns` characters. */
export function renderProgressLine(
  label: string,
  done: number,
  total: number,
  message: string,
  columns: number,
) {
  const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const percent = total > 0 ? `${Math.floor(fraction * 100)}%`.padStart(4) : '   …';
  const tail = message === '' ? '' : ` ${message}`;
  const barWidth = Math.max(10, Math.min(40, columns - label.length - percent.length - tail.length - 5));
  const filled = Math.round(fraction * barWidth);
  const line = `${label} [${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${percent}${tail}`;
  return line.length > columns - 1 ? line.slice(0, Math.max(0, columns - 1)) : line;
}

export function createProgressBar(io: CliIo, label: string, options: ProgressBarOptions = {}): ProgressBar {
  if (!io.interactive) return { update: () => {}, finish: () => {} };
  const write = options.write ?? ((raw: string) => process.stderr.write(raw));
  const columns = options.columns ?? process.stderr.columns ?? 80;
  const now = options.now ?? Date.now;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let drawn = false;
  return {
    update(done, total, message = '') {
      const t = now();
      if (t - lastDraw < REDRAW_MS && done < total) return;
      lastDraw = t;
      drawn = true;
      write(`\r\x1b[2K${renderProgressLine(label, done, total, message, columns)}`);
    },
    finish() {
      if (drawn) write('\r\x1b[2K');
      drawn = false;
    },
  };
}
