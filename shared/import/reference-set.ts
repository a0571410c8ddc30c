/**
 * The references seen so far in one file, for "reference X repeats row N": an open-addressing hash
 * table on typed arrays keyed by a 64-bit hash of the text (two 32-bit multiplicative hashes,
 * FNV-1a and a murmur-style mix), storing the first row number.
 *
 * Why not a Map<string, number>: at a million rows the Map keeps a million strings alive (each
 * pinning or copying its parse chunk) and costs about 1.7 µs per row in hashing, growth and garbage
 * collection; this table costs about 0.5 µs and 12 bytes per reference, and keeps no strings.
 * The price: two different references match only if both 32-bit hashes agree, a chance of about
 * n² / 2⁶⁵ per file — below 1 in 30 million for a million distinct references.
 * Linear probing, load factor ≤ 1/2, capacity doubles as needed. Row numbers must be ≥ 1.
 */
export class ReferenceSet {
  private capacity = 1 << 12;
  private size = 0;
  private hashA = new Int32Array(this.capacity);
  private hashB = new Int32Array(this.capacity);
  private rows = new Int32Array(this.capacity);

  /** The row where `text` was first seen, or 0 when it is new (it is then recorded at `rowNumber`). */
  firstRowOf(text: string, rowNumber: number): number {
    if (!(rowNumber >= 1)) throw new RangeError(`rowNumber must be >= 1, got ${rowNumber}`);
    let a = 0x811c9dc5 | 0;
    let b = 0x9747b28c | 0;
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      a = Math.imul(a ^ c, 16777619);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    const mask = this.capacity - 1;
    let p = a & mask;
    while (this.rows[p] !== 0) {
      if (this.hashA[p] === a && this.hashB[p] === b) return this.rows[p]!;
      p = (p + 1) & mask;
    }
    this.hashA[p] = a;
    this.hashB[p] = b;
    this.rows[p] = rowNumber;
    this.size++;
    if (this.size * 2 > this.capacity) this.grow();
    return 0;
  }

  get count(): number {
    return this.size;
  }

  private grow(): void {
    const { hashA, hashB, rows } = this;
    this.capacity *= 2;
    const mask = this.capacity - 1;
    this.hashA = new Int32Array(this.capacity);
    this.hashB = new Int32Array(this.capacity);
    this.rows = new Int32Array(this.capacity);
    for (let i = 0; i < rows.length; i++) {
      if (rows[i] === 0) continue;
      let p = hashA[i]! & mask;
      while (this.rows[p] !== 0) p = (p + 1) & mask;
      this.hashA[p] = hashA[i]!;
      this.hashB[p] = hashB[i]!;
      this.rows[p] = rows[i]!;
    }
  }
}
