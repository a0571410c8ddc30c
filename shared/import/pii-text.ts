/**
 * The PII guard's free-text rules (pii.ts, issue 14): narratives and people's names inside text.
 * A column of sentences is free text whatever its header: "MO Notes" holding "Offender
 * Quillfeather forced rear door, neighbour saw Quillfeather leave" names people. Place and category
 * values are not sentences: "On or near Oak Drive" and "Theft from a Motor Vehicle" have no
 * lower-case words besides connectives, so a location or offence column is never read as text.
 *
 *   sentence-like  ≥ 3 words, of which ≥ 2 start lower-case and are not connectives (on, or, near,
 *                  of, a, from …): verbs and nouns of a description, not a title-cased place or category
 *   narrative      ≥ 30 % of values sentence-like, and ≥ 60 % of those distinct (a pick-list of
 *                  phrases repeats; analysts' notes do not), at least 3 distinct
 *   named person   a capitalised token inside a sentence-like value (not its first word, not after
 *                  . ! ?, not a street, day, month or common word), in ≥ 2 rows or ≥ 30 % of them;
 *                  or, in shorter text, a capitalised name after a person cue ("seen with Dazza",
 *                  "Mr Ashdown") in ≥ 2 rows with ≥ 3 different names
 */

const CONNECTIVES = new Set(
  'on or near of the and at in by to a an with from for upon under off over into onto via de le la du y'.split(
    ' ',
  ),
);

/** Capitalised words that are not people: places, times, common sentence starters and agencies. */
const NOT_A_NAME = new Set(
  'street st road rd avenue ave lane ln close drive dr way crescent court ct place pl gardens terrace grove walk square mews row hill view park green bridge station centre center car park estate house flats flat shop store pub bar club school church hospital market retail high north south east west upper lower old new monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december mon tue wed thu fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec am pm i police pc ps dc ds insp officer officers ambulance fire council uk nhs cctv asb mo tesco asda aldi lidl sainsburys co op morrisons mcdonalds the a an and but he she they it his her their we unknown male female nfa tic no yes n/a na none'.split(
    ' ',
  ),
);

const SHARE = 0.3;
const DISTINCT_SHARE = 0.6;
const MIN_DISTINCT = 3;

function wordsOf(value: string): string[] {
  return value.split(/\s+/).filter((w) => /[A-Za-z]/.test(w));
}

function bare(word: string): string {
  return word.replace(/^[^A-Za-z]+|[^A-Za-z'-]+$/g, '');
}

/** ≥ 3 words, ≥ 2 of them lower-case and not connectives: a description rather than a name. */
export function isSentenceLike(value: string): boolean {
  const words = wordsOf(value);
  if (words.length < 3) return false;
  let content = 0;
  for (const word of words) {
    const w = bare(word);
    if (/^[a-z]/.test(w) && !CONNECTIVES.has(w)) content++;
  }
  return content >= 2;
}

/** Capitalised tokens of a sentence-like value that could be people: "Quillfeather", "Dazza". */
export function nameLikeTokens(value: string): string[] {
  const tokens = value.split(/\s+/).filter((w) => w.length > 0);
  const found: string[] = [];
  for (let i = 1; i < tokens.length; i++) {
    if (/[.!?:;]$/.test(tokens[i - 1]!)) continue; // a new sentence starts capitalised
    const w = bare(tokens[i]!);
    if (!/^[A-Z][a-z'-]{1,}$/.test(w)) continue;
    if (NOT_A_NAME.has(w.toLowerCase())) continue;
    // "Station Road", "Abbey Fields Estate": a capitalised word before a place word is a place.
    const next = tokens[i + 1] === undefined ? '' : bare(tokens[i + 1]!).toLowerCase();
    if (NOT_A_NAME.has(next) && /^[A-Z]/.test(tokens[i + 1] ?? '')) continue;
    found.push(w);
  }
  return found;
}

/** Words that introduce a person in short text: "seen with Dazza Pemberton", "Mr Ashdown". */
const PERSON_CUES = new Set(
  'with by named called aka mr mrs ms miss dr saw seen victim suspect offender witness friend partner boyfriend girlfriend brother sister son daughter mother father husband wife ex'.split(
    ' ',
  ),
);

/** Capitalised tokens right after a person cue, in text of at least two words. */
export function cuedNameTokens(value: string): string[] {
  const tokens = value.split(/\s+/).filter((w) => w.length > 0);
  const found: string[] = [];
  for (let i = 1; i < tokens.length; i++) {
    if (!PERSON_CUES.has(bare(tokens[i - 1]!).toLowerCase())) continue;
    const w = bare(tokens[i]!);
    if (/^[A-Z][a-z'-]{1,}$/.test(w) && !NOT_A_NAME.has(w.toLowerCase())) found.push(w);
  }
  return found;
}

export interface TextFinding {
  kind: 'narrative' | 'name';
  example: string;
  reason: string;
}

/** The free-text finding of one column's non-empty sample values, or null. */
export function freeTextFinding(nonEmpty: readonly string[]): TextFinding | null {
  const cued = shortTextNaming(nonEmpty);
  if (cued) return cued;
  const sentences = nonEmpty.filter(isSentenceLike);
  if (sentences.length === 0) return null;
  const rowsByToken = new Map<string, number>();
  let rowsWithNames = 0;
  let namedExample: string | undefined;
  for (const sentence of sentences) {
    const tokens = new Set(nameLikeTokens(sentence));
    if (tokens.size === 0) continue;
    rowsWithNames++;
    namedExample ??= sentence;
    for (const token of tokens) rowsByToken.set(token, (rowsByToken.get(token) ?? 0) + 1);
  }
  const repeated = [...rowsByToken.values()].some((rows) => rows >= 2);
  if (namedExample && (repeated || rowsWithNames / nonEmpty.length >= SHARE)) {
    return {
      kind: 'name',
      example: namedExample,
      reason: 'free text that names people (capitalised names inside the text)',
    };
  }
  const distinct = new Set(sentences.map((s) => s.trim().toLowerCase())).size;
  if (
    sentences.length / nonEmpty.length >= SHARE &&
    distinct >= MIN_DISTINCT &&
    distinct / sentences.length >= DISTINCT_SHARE
  ) {
    return {
      kind: 'narrative',
      example: sentences[0]!,
      reason: 'free text: descriptions that differ row to row (notes and narratives identify people)',
    };
  }
  return null;
}

/**
 * Short text that names people: a capitalised name after a person cue in at least 2 rows, with at
 * least 3 different names over the column (one fixed phrase, "Assault by Penetration", is a
 * category, not a person).
 */
function shortTextNaming(nonEmpty: readonly string[]): TextFinding | null {
  const names = new Set<string>();
  let rows = 0;
  let example: string | undefined;
  for (const value of nonEmpty) {
    const found = cuedNameTokens(value);
    if (found.length === 0) continue;
    rows++;
    example ??= value;
    for (const name of found) names.add(name);
  }
  if (!example || rows < 2 || names.size < MIN_DISTINCT) return null;
  return { kind: 'name', example, reason: 'text that names people ("seen with …", "Mr …")' };
}
