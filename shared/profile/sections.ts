/**
 * Section texts: the analyst's saved text per stable section id, merged over what the builder
 * generates. A saved text wins (also an empty one: the analyst deleted the suggestions on purpose);
 * a section never saved shows its generated suggestion (response strands) or nothing (commentary).
 */
import { type ResponseStrand, SECTION_IDS, type SectionId } from './model.js';

export type SavedTexts = Partial<Record<SectionId, string>>;

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
