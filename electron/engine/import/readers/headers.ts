/**
 * Header rows as the mapping sees them: trimmed, never empty ("Column 3"), never repeated (a
 * second "Date" becomes "Date (2)"), so a column can always be named unambiguously.
 */
import { parseDecimal } from '../../../../shared/import/cells.js';

export function cleanHeaders(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  return raw.map((cell, i) => {
    const base = cell.replace(/^\uFEFF/, '').trim() || `Column ${i + 1}`;
    let name = base;
    for (let k = 2; seen.has(name); k++) name = `${base} (${k})`;
    seen.add(name);
    return name;
  });
}

/** Headers of a headerless file: "1", "2", … */
export function numberedHeaders(count: number): string[] {
  return Array.from({ length: count }, (_, i) => String(i + 1));
}

/** True when a would-be header row is plainly data: every non-empty cell is a number (e.g. 365535.5,563965.2). */
export function looksLikeData(cells: readonly string[]): boolean {
  let nonEmpty = 0;
  for (const cell of cells) {
    if (cell.trim() === '') continue;
    nonEmpty++;
    if (Number.isNaN(parseDecimal(cell))) return false;
  }
  return nonEmpty > 0;
}

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.length === 1 && cells[0]!.trim() === '';
}
