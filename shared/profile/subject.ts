/**
 * The subject of a problem profile (DESIGN.md §1, NIM problem profile: "a place, a crime type, or a
 * series"), as the CLI and the renderer name it:
 *
 *   hotspot:N     hotspot number N of the period's kernel density run (1 = most events)
 *   area:NAME     a boundary feature, by name or code (e.g. a ward)
 *   category:NAME an offence or incident category (e.g. Burglary)
 *   chain:ID      near-repeat chain number ID of the period's chains run
 */

export type ProfileSubject =
  | { kind: 'hotspot'; rank: number }
  | { kind: 'area'; name: string }
  | { kind: 'category'; name: string }
  | { kind: 'chain'; id: number };

export const SUBJECT_KINDS = ['hotspot', 'area', 'category', 'chain'] as const;

/** Parses "hotspot:1", "area:Abbey Fields", "category:Burglary", "chain:3"; throws RangeError. */
export function parseSubject(text: string): ProfileSubject {
  const colon = text.indexOf(':');
  const kind = colon < 0 ? text.trim() : text.slice(0, colon).trim().toLowerCase();
  const value = colon < 0 ? '' : text.slice(colon + 1).trim();
  const expect = 'hotspot:N, area:NAME, category:NAME or chain:ID';
  if (value === '') throw new RangeError(`subject must be ${expect}, got '${text}'`);
  switch (kind) {
    case 'hotspot':
    case 'chain': {
      if (!/^\d+$/.test(value) || Number(value) < 1) {
        throw new RangeError(`${kind}:N needs a whole number >= 1, got '${value}'`);
      }
      return kind === 'hotspot' ? { kind, rank: Number(value) } : { kind, id: Number(value) };
    }
    case 'area':
    case 'category':
      return { kind, name: value };
    default:
      throw new RangeError(`subject must be ${expect}, got '${text}'`);
  }
}

/** The inverse of parseSubject. */
export function subjectText(subject: ProfileSubject): string {
  switch (subject.kind) {
    case 'hotspot':
      return `hotspot:${subject.rank}`;
    case 'chain':
      return `chain:${subject.id}`;
    default:
      return `${subject.kind}:${subject.name}`;
  }
}
