/**
 * Extra attributes of imported records, stored compactly: each record's attributes as a JSON array
 * of values aligned with `keys` (kept once on the imports row as attr_keys_json), so a million
 * police.uk rows do not repeat the same six header names a million times. Keys are numbered in the
 * order first seen; a record without a key has '' in its place (or a shorter array).
 *
 * Speed (issue 15 item 3): one reused slot array and string concatenation, not an array and a
 * JSON.stringify per record; only a value that JSON must escape goes through JSON.stringify.
 */

/** Characters JSON.stringify escapes in a string: quote, backslash, controls, (lone) surrogates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** `value` as a JSON string literal, exactly as JSON.stringify writes it. */
function jsonString(value: string): string {
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
}

export class AttrEncoder {
  readonly keys: string[] = [];
  private readonly index = new Map<string, number>();
  /** One slot per key, '' between records. */
  private readonly slots: string[] = [];

  /** The record's attributes as a JSON array, or null when it has none. */
  encode(attrs: Record<string, string>): string | null {
    const slots = this.slots;
    let length = 0;
    for (const key in attrs) {
      let at = this.index.get(key);
      if (at === undefined) {
        at = this.keys.length;
        this.keys.push(key);
        this.index.set(key, at);
        slots.push('');
      }
      slots[at] = attrs[key]!;
      if (at >= length) length = at + 1;
    }
    if (length === 0) return null;
    let json = `[${jsonString(slots[0]!)}`;
    slots[0] = '';
    for (let i = 1; i < length; i++) {
      json += `,${jsonString(slots[i]!)}`;
      slots[i] = '';
    }
    return `${json}]`;
  }
}
