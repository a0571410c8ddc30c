/**
 * The PII guard's content rules (pii.ts): regexes and checks run on a preview sample of one column,
 * never per row of the import. The first rule that fits names the column's kind; see pii.ts for
 * the list and the thresholds' reasons.
 */

import { parseDecimal } from './cells.js';
import { parseDateCell } from './dates.js';
import { freeTextFinding } from './pii-text.js';
import type { PiiKind } from './pii-types.js';

const EMAIL = /[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[a-z]{2,}/i;
const FULL_POSTCODE = /^(GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})$/i;
const POSTCODE_IN_TEXT = /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/;
const NI_NUMBER = /^[A-CEGHJ-PR-TW-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]$/i;
const PHONE = /^(?:\+44\s?\(?0?\)?\s?|\(?0)[\d\s()-]{8,15}$/;
const STREET_ADDRESS =
  /^(flat\s+\d+[a-z]?,?\s+)?\d+[a-z]?,?\s+[a-z' -]+\s(street|st|road|rd|avenue|ave|lane|ln|close|drive|dr|way|crescent|court|ct|place|pl|gardens|terrace|grove|walk|square|mews|row|hill|view|park)\b/i;
const COMMON_FORENAMES = new Set(
  'james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark paul steven andrew kenneth joshua kevin brian george edward ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory frank alexander raymond patrick jack dennis jerry tyler aaron jose adam henry nathan douglas zachary peter kyle oliver harry charlie alfie leo freddie archie mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella charlotte rose alexis kayla amelia isla ava mia ivy lily poppy'.split(
    ' ',
  ),
);

function digitsOf(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) out += text[i];
  }
  return out;
}

/** NHS numbers: 10 digits, the last a mod-11 check digit over the first nine (weights 10…2). */
export function isValidNhsNumber(text: string): boolean {
  if (!/^\d{3} ?\d{3} ?\d{4}$/.test(text)) return false;
  const d = digitsOf(text);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(d[i]) * (10 - i);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(d[9]);
}

function isUkPhone(text: string): boolean {
  if (!PHONE.test(text)) return false;
  const d = digitsOf(text);
  return d.startsWith('44')
    ? d.length >= 11 && d.length <= 13
    : d.startsWith('0') && d.length >= 10 && d.length <= 11;
}

function looksLikeName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  const first = words[0]!.toLowerCase().replace(/[^a-z]/g, '');
  return COMMON_FORENAMES.has(first) && /^[A-Z][a-z'-]+$/.test(words[words.length - 1]!);
}

export interface DetectPiiOptions {
  /** Calendar year of "now", for the date-of-birth rule (default: the clock's year). */
  nowYear: number;
}

const DATE_OR_TIME_HEADER =
  /\b(date|dated|time|datetime|timestamp|month|year|day|from|to|when|committed|reported|created|occurred|period|start|end)\b/;
const CONTENT_SHARE = 0.3;
const DOB_MIN_AGE_YEARS = 10;
const NARRATIVE_MIN_CHARS = 60;
const NARRATIVE_MIN_WORDS = 10;

export function contentFinding(
  headerJoined: string,
  values: string[],
  options: DetectPiiOptions,
): { kind: PiiKind; example: string; reason: string } | null {
  const nonEmpty = values.filter((v) => v.trim().length > 0);
  if (nonEmpty.length === 0) return null;
  const share = (test: (v: string) => boolean): [number, string | undefined] => {
    let hits = 0;
    let example: string | undefined;
    for (const v of nonEmpty) {
      if (test(v.trim())) {
        hits++;
        example ??= v;
      }
    }
    return [hits / nonEmpty.length, example];
  };
  const anyOf = (test: (v: string) => boolean): string | undefined => nonEmpty.find((v) => test(v.trim()));

  const email = anyOf((v) => EMAIL.test(v));
  if (email) return { kind: 'email', example: email, reason: 'values contain e-mail addresses' };
  const ni = anyOf((v) => NI_NUMBER.test(v));
  if (ni) return { kind: 'ni_number', example: ni, reason: 'values are national insurance numbers' };
  const postcode = anyOf((v) => FULL_POSTCODE.test(v));
  if (postcode) {
    return {
      kind: 'postcode',
      example: postcode,
      reason: 'values are full unit postcodes (outward districts are allowed)',
    };
  }
  const [nhsShare, nhs] = share(isValidNhsNumber);
  if (nhsShare >= CONTENT_SHARE && nhs)
    return { kind: 'nhs_number', example: nhs, reason: 'values are valid NHS numbers' };
  const [phoneShare, phone] = share(isUkPhone);
  if (phoneShare >= CONTENT_SHARE && phone)
    return { kind: 'phone', example: phone, reason: 'values are UK phone numbers' };
  const [addressShare, address] = share((v) => STREET_ADDRESS.test(v) || POSTCODE_IN_TEXT.test(v));
  if (addressShare >= CONTENT_SHARE && address) {
    return {
      kind: 'address',
      example: address,
      reason: 'values are street addresses with house numbers or postcodes',
    };
  }
  const [nameShare, name] = share(looksLikeName);
  if (nameShare >= CONTENT_SHARE && name)
    return { kind: 'name', example: name, reason: "values look like people's names" };
  if (!DATE_OR_TIME_HEADER.test(headerJoined)) {
    const [dobShare, dob] = share((v) => {
      if (!Number.isNaN(parseDecimal(v))) return false; // plain numbers are counts, not Excel dates here
      const parsed = parseDateCell(v, { format: 'dmy', nowYear: options.nowYear });
      return (
        typeof parsed !== 'string' &&
        new Date(parsed.startMs).getUTCFullYear() <= options.nowYear - DOB_MIN_AGE_YEARS
      );
    });
    if (dobShare >= 0.5 && dob) {
      return {
        kind: 'date_of_birth',
        example: dob,
        reason: 'values are old dates in a column not named as a date (dates of birth?)',
      };
    }
  }
  const text = freeTextFinding(nonEmpty);
  if (text) return text;
  let chars = 0;
  let words = 0;
  for (const v of nonEmpty) {
    chars += v.length;
    words += v.trim().split(/\s+/).length;
  }
  if (chars / nonEmpty.length > NARRATIVE_MIN_CHARS && words / nonEmpty.length >= NARRATIVE_MIN_WORDS) {
    return {
      kind: 'narrative',
      example: nonEmpty[0]!,
      reason: `free text averaging ${Math.round(chars / nonEmpty.length)} characters (narratives identify people)`,
    };
  }
  return null;
}
