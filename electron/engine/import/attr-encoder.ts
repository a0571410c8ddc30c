/**
 * Extra attributes of imported records, stored compactly: each record's attributes as a JSON array
 * of values aligned with `keys` (kept once on the imports row as attr_keys_json), so a million
 * police.uk rows do not repeat the same six header names a million times. Keys are numbered in the
 * order first seen; a record without a key has '' in its place (or a shorter array).
 */
export class AttrEncoder {
  readonly keys: string[] = [];
  private readonly index = new Map<string, number>();

  /** The record's attributes as a JSON array, or null when it has none. */
  encode(attrs: Record<string, string>): string | null {
    let values: string[] | null = null;
    for (const key in attrs) {
      let at = this.index.get(key);
      if (at === undefined) {
        at = this.keys.length;
        this.keys.push(key);
        this.index.set(key, at);
      }
      values ??= [];
      while (values.length < at) values.push('');
      values[at] = attrs[key]!;
    }
    return values === null ? null : JSON.stringify(values);
  }
}
