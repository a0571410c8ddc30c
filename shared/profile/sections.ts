/**
 * Section texts: the analyst's saved text per stable section id, merged over what the builder
 * generates. A saved text wins (also an empty one: the analyst deleted the suggestions on purpose);
 * a section never saved shows its generated suggestion (response strands) or nothing (commentary).
 * The analyst's rewording of single findings travels in the same stored object under `findings`
 * (findings.ts), so one column of the project file holds every word the analyst wrote.
 */
import { type ResponseStrand, SECTION_IDS, type SectionId } from './model.js';

/** The analyst's rewording of one generated finding, with the wording they reworded. */
export interface FindingEdit {
  text: string;
  /** The generated wording when the analyst edited it (to notice figures that changed since). */
  basedOn: string;
}

export type SavedTexts = Partial<Record<SectionId, string>> & {
  findings?: Record<string, FindingEdit>;
};

export function isSectionId(id: string): id is SectionId {
  return (SECTION_IDS as readonly string[]).includes(id);
}

export function responseSectionId(strand: ResponseStrand): SectionId {
  return `response-${strand}` as SectionId;
}

export function sectionText(
  saved: SavedTexts,
  id: SectionId,
  generated: string,
): { text: string; edited: boolean } {
  const text = saved[id];
  return text === undefined ? { text: generated, edited: false } : { text, edited: true };
}

/** Recommendation lines of a response text: one per non-empty line, bullets stripped. */
export function recommendationLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-•*]|\d+[.)])\s*/, '').trim())
    .filter((line) => line.length > 0);
}
