/**
 * Generated findings the analyst can reword (issue 10 item 9): summary bullets, intelligence gaps and
 * recommendations, each under a stable id. An edit is stored with the generated wording it replaced
 * (`basedOn`), so after a rebuild
 *
 *   edit present, basedOn = this build's wording   → the analyst's text, "edited by the analyst"
 *   edit present, basedOn ≠ this build's wording   → the analyst's text, also flagged stale: the
 *                                                     figures changed since, check the wording
 *   no edit                                        → the generated text
 *
 * An edit is never dropped by a rebuild; a finding that is no longer generated (e.g. a hotspot that
 * is gone) takes its edit with it from the output, and the edit stays stored in case it returns.
 */
import type { Finding, ReviewState } from './model.js';
import type { FindingEdit, SavedTexts } from './sections.js';

export interface GeneratedFinding {
  id: string;
  text: string;
}

/** Marks shown after an edited finding in every output. */
export const EDITED_MARK = 'edited by the analyst';
export const STALE_MARK = 'edited by the analyst before the figures changed: check against the figures';

export function applyEdits(generated: readonly GeneratedFinding[], saved: SavedTexts): Finding[] {
  const edits: Record<string, FindingEdit> = saved.findings ?? {};
  return generated.map((g) => {
    const edit = Object.hasOwn(edits, g.id) ? edits[g.id] : undefined;
    if (!edit) return { id: g.id, text: g.text, generated: g.text, edited: false, stale: false };
    return { id: g.id, text: edit.text, generated: g.text, edited: true, stale: edit.basedOn !== g.text };
  });
}

/** "(edited by the analyst)" or the stale note, for outputs that show a finding as plain text. */
export function findingMark(f: Finding): string | null {
  if (!f.edited) return null;
  return f.stale ? STALE_MARK : EDITED_MARK;
}

/** The finding's text with its mark in brackets, for slides and plain lists. */
export function findingWithMark(f: Finding): string {
  const mark = findingMark(f);
  return mark === null ? f.text : `${f.text} (${mark})`;
}

export function reviewState(
  reviewedAt: string | null | undefined,
  findings: readonly Finding[],
): ReviewState {
  return {
    reviewedAt: reviewedAt ?? null,
    editedFindings: findings.filter((f) => f.edited).length,
    staleFindings: findings.filter((f) => f.stale).length,
  };
}
