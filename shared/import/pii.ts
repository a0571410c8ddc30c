/**
 * The PII guard (DESIGN.md §5): finds columns that identify people, by header and by content, and
 * checks the analyst's decision for each (exclude the column, or override with a reason).
 *
 * Header rules (normalised to lower-case words): names (forename, surname, first/last/full name …
 * but not "LSOA name", "ward name", "street name" and other place or category names), date of
 * birth / DOB, phone / telephone / mobile, e-mail, address / house number, full or unit postcode,
 * NHS number, national insurance number, a person's role alone ("Suspect"); free text by words within
 * the header (MO, notes, comments, details, description, summary, remarks, circumstances, narrative,
 * free text — unless a place or category word stands beside them). Age alone is not
 * identifying and is left alone. A plain "Postcode" header is judged by content: outward districts
 * ("LS6", "SW1A") are the hospital data's location and are allowed; full unit postcodes are not.
 *
 * Content rules on a sample (any column): an e-mail address, a full unit postcode (whole cell or
 * inside text → address), a national insurance number, at least 30 % UK phone numbers, valid NHS
 * numbers (mod-11 check digit), house-number street addresses, common forenames followed by a
 * surname; dates 0–110 years before another date column's in the same rows (pii-dob.ts) and dates
 * more than 10 years old in a column whose header says neither date nor time (dates of birth);
 * free text that names people or differs row to row (pii-text.ts), or averages over 60 characters
 * and 10 words (narratives). Regexes run on the
 * preview sample only (a few hundred rows), never per row of the import.
 */
import { contentFinding, type DetectPiiOptions } from './pii-content.js';
import { birthDateColumns } from './pii-dob.js';
import type { PiiDecision, PiiFinding, PiiKind, PiiResolution } from './pii-types.js';
import { PII_OVERRIDE_MIN_REASON } from './pii-types.js';

const PLACE_OR_THING_WORDS = new Set(
  'lsoa msoa oa ward beat street road area location district borough force station place neighbourhood neighborhood town city county category crime offence offense type premises site business dataset file layer sector team division unit region parish constituency authority la council outcome sub subcategory organisation organization hospital school shop venue'.split(
    ' ',
  ),
);

/** A header that is only a person's role ("Suspect", "Victims") holds who they are. */
const PERSON_ROLE_HEADERS = new Set(
  'victim victims suspect suspects offender offenders witness witnesses caller informant complainant person persons driver patient'.split(
    ' ',
  ),
);

const HEADER_RULES: { kind: PiiKind; test: (words: string[], joined: string) => boolean; reason: string }[] =
  [
    {
      kind: 'name',
      reason: 'the header names a person',
      test: (w, j) =>
        /\b(forename|forenames|surname|firstname|lastname|fullname|givenname|familyname|middlename|maidenname|nickname|alias)\b/.test(
          j,
        ) ||
        /\b(first|last|given|family|full|middle|maiden|victim|suspect|offender|person|patient|caller|witness|owner|contact)\s+names?\b/.test(
          j,
        ) ||
        ((w.includes('name') || w.includes('names')) && !w.some((word) => PLACE_OR_THING_WORDS.has(word))) ||
        PERSON_ROLE_HEADERS.has(j),
    },
    {
      kind: 'date_of_birth',
      reason: 'the header says date of birth',
      test: (_w, j) => /\b(dob|d o b|birth|births|birthdate|born|birthday)\b/.test(j),
    },
    {
      kind: 'phone',
      reason: 'the header says phone number',
      test: (_w, j) => /\b(phone|telephone|tel|mobile|landline|contact number|tel no|phone no)\b/.test(j),
    },
    {
      kind: 'email',
      reason: 'the header says e-mail',
      test: (_w, j) => /\b(e ?mail|email address)\b/.test(j),
    },
    {
      kind: 'address',
      reason: 'the header says address (a street address identifies a household)',
      test: (_w, j) =>
        /\b(address|addr|house number|house no|house name|flat number|flat no|door number)\b/.test(j),
    },
    {
      kind: 'postcode',
      reason: 'the header says full / unit postcode',
      test: (_w, j) => /\b(full|unit|home|victim|suspect|offender|patient) ?post ?codes?\b/.test(j),
    },
    {
      kind: 'nhs_number',
      reason: 'the header says NHS number',
      test: (_w, j) => /\bnhs (number|no|num)\b|^nhs$/.test(j),
    },
    {
      kind: 'ni_number',
      reason: 'the header says national insurance number',
      test: (_w, j) => /\b(national insurance|ni number|ni no|nino)\b/.test(j),
    },
    {
      kind: 'narrative',
      reason: 'the header says notes, narrative or MO (free text about people)',
      // Words within the header ("MO Notes", "Officer comments"); a place or category word beside
      // them ("Location Description", "Offence Details") leaves the column to the content rules.
      test: (w, j) =>
        (/^(mo|m o)$|\b(mo|modus operandi|narrative|narratives|free ?text|circumstances|notes?|comments?|details?|description|descriptions|summary|remarks?|observations?|synopsis|storyline)\b/.test(
          j,
        ) &&
          !w.some((word) => PLACE_OR_THING_WORDS.has(word))) ||
        /^(mo|m o)( notes?)?$|\b(modus operandi|narrative|free ?text|circumstances)\b/.test(j),
    },
  ];

function headerWords(header: string): string[] {
  return header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** Masks a sample value so the report can show its shape without the data: "j***@e*****.uk". */
export function maskValue(kind: PiiKind, value: string): string {
  const text = value.trim();
  if (kind === 'email') {
    const at = text.indexOf('@');
    const dot = text.lastIndexOf('.');
    if (at > 0 && dot > at) {
      return `${text[0]}***@${text[at + 1]}***${text.slice(dot)}`;
    }
  }
  if (kind === 'postcode') {
    const compact = text.replace(/\s+/g, '').toUpperCase();
    return `${compact.slice(0, -3)} ${compact.slice(-3, -2)}**`;
  }
  if (kind === 'phone' || kind === 'nhs_number' || kind === 'ni_number') {
    return text.replace(/[0-9A-Za-z]/g, (ch, i: number) => (i < 2 || i >= text.length - 2 ? ch : '*'));
  }
  const masked = text.replace(
    /([A-Za-z0-9])([A-Za-z0-9]*)/g,
    (_m, head: string, rest: string) => head + '*'.repeat(rest.length),
  );
  return masked.length > 40 ? `${masked.slice(0, 40)}…` : masked;
}

/**
 * Finds identifying columns from the header and a sample of rows (e.g. previewTable's 20 to a few
 * hundred rows). At most one finding per column: header evidence first, else content.
 *
 *   detectPii(['Crime ID', 'Surname', 'Notes'], rows, { nowYear: 2025 })
 *   // → [{ column: 'Surname', kind: 'name', evidence: 'header', … }, …]
 */
export function detectPii(
  headers: readonly string[],
  sampleRows: readonly (readonly string[])[],
  options: DetectPiiOptions = { nowYear: new Date().getUTCFullYear() },
): PiiFinding[] {
  const findings: PiiFinding[] = [];
  const births = birthDateColumns(sampleRows, headers.length, options.nowYear);
  headers.forEach((header, column) => {
    const words = headerWords(header);
    const joined = words.join(' ');
    const values = sampleRows.map((row) => row[column] ?? '');
    const byHeader = HEADER_RULES.find((rule) => rule.test(words, joined));
    if (byHeader) {
      const example = values.find((v) => v.trim().length > 0);
      findings.push({
        column: header,
        kind: byHeader.kind,
        evidence: 'header',
        example: example === undefined ? null : maskValue(byHeader.kind, example),
        reason: byHeader.reason,
      });
      return;
    }
    const birth = births.get(column);
    if (birth !== undefined) {
      findings.push({
        column: header,
        kind: 'date_of_birth',
        evidence: 'content',
        example: maskValue('date_of_birth', birth),
        reason: 'values are dates 0–110 years before the record dates in the same rows (dates of birth)',
      });
      return;
    }
    const byContent = contentFinding(joined, values, options);
    if (byContent) {
      findings.push({
        column: header,
        kind: byContent.kind,
        evidence: 'content',
        example: maskValue(byContent.kind, byContent.example),
        reason: byContent.reason,
      });
    }
  });
  return findings;
}

/**
 * Checks the analyst's decisions: every finding's column needs one, either 'exclude' or 'override'
 * with a reason of at least PII_OVERRIDE_MIN_REASON characters (trimmed). Until then the import is
 * refused (`ok: false`, with one sentence per unresolved column).
 */
export function resolvePii(
  findings: readonly PiiFinding[],
  decisions: readonly PiiDecision[],
): PiiResolution {
  const byColumn = new Map<string, PiiDecision>();
  for (const decision of decisions) byColumn.set(decision.column, decision);
  const kindsByColumn = new Map<string, PiiKind[]>();
  for (const f of findings) kindsByColumn.set(f.column, [...(kindsByColumn.get(f.column) ?? []), f.kind]);
  const excluded: string[] = [];
  const overrides: { column: string; kinds: PiiKind[]; reason: string }[] = [];
  const unresolved: PiiFinding[] = [];
  const problems: string[] = [];
  for (const [column, kinds] of kindsByColumn) {
    const decision = byColumn.get(column);
    if (decision?.action === 'exclude') {
      excluded.push(column);
    } else if (decision?.action === 'override' && decision.reason.trim().length >= PII_OVERRIDE_MIN_REASON) {
      overrides.push({ column, kinds, reason: decision.reason.trim() });
    } else {
      unresolved.push(...findings.filter((f) => f.column === column));
      problems.push(
        decision?.action === 'override'
          ? `column "${column}" (${kinds.join(', ')}): an override needs a reason of at least ${PII_OVERRIDE_MIN_REASON} characters`
          : `column "${column}" looks like ${kinds.join(', ')}: exclude it, or override with a reason`,
      );
    }
  }
  return unresolved.length > 0 ? { ok: false, unresolved, problems } : { ok: true, excluded, overrides };
}
