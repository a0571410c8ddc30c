/**
 * A selection of a point snapshot's rows as a bit mask (map-api's filterRecords): row k is bit
 * k & 7 (least significant first) of byte k >> 3, so 200,000 points take 25,000 bytes. The one
 * definition of that layout: the engine sets bits, the renderer reads positions back.
 */

/** A mask for `size` rows with none set. */
export function emptyMask(size: number): Uint8Array {
  if (!Number.isInteger(size) || size < 0)
    throw new RangeError(`size must be a whole number >= 0, got ${size}`);
  return new Uint8Array(Math.ceil(size / 8));
}

export function setMaskBit(mask: Uint8Array, row: number): void {
  mask[row >> 3]! |= 1 << (row & 7);
}

/** The rows set in `mask`, ascending; bits past `size` are ignored. */
export function maskPositions(mask: Uint8Array, size: number): Uint32Array {
  if (mask.length < Math.ceil(size / 8))
    throw new RangeError(`mask of ${mask.length} bytes is too short for ${size} rows`);
  let n = 0;
  for (let b = 0; b < mask.length; b++) {
    let byte = mask[b]!;
    for (; byte !== 0; byte &= byte - 1) n++;
  }
  const out = new Uint32Array(n);
  let found = 0;
  for (let b = 0; b < mask.length; b++) {
    const byte = mask[b]!;
    if (byte === 0) continue;
    for (let bit = 0; bit < 8; bit++) {
      const row = (b << 3) + bit;
      if (row < size && (byte & (1 << bit)) !== 0) out[found++] = row;
    }
  }
  return found === n ? out : out.slice(0, found);
}
