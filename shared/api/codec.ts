/**
 * JSON with typed arrays, for transports that carry text (the loopback web host). Electron's IPC
 * uses structured clone and needs none of this.
 *
 * A typed array becomes `{"$typed":"Float64Array","b64":"…"}`: its bytes, little-endian as every
 * platform we run on stores them, in standard base64 (RFC 4648 §4, with padding). Decoding copies
 * the bytes into a fresh, aligned buffer, so the result is a plain typed array of the same kind and
 * length. Objects of exactly that shape are reserved: nothing else in the Api may use a `$typed` key.
 *
 * Base64 is hand-written over byte arrays: `btoa`/`atob` work on strings of one char per byte, which
 * costs a large intermediate string for the multi-megabyte grids a KDE returns.
 */
import { type AnyTypedArray, TYPED_ARRAY_KINDS, type TypedArrayKind } from '../util/typed-arrays.js';

export interface EncodedTyped {
  $typed: TypedArrayKind;
  b64: string;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  // Chunks keep each String.fromCharCode call well under engines' argument limits.
  const chunkBytes = 3 * 8192;
  for (let start = 0; start < bytes.length; start += chunkBytes) {
    const end = Math.min(start + chunkBytes, bytes.length);
    const codes: number[] = [];
    let i = start;
    for (; i + 2 < end; i += 3) {
      const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
      codes.push(
        ALPHABET.charCodeAt(n >> 18),
        ALPHABET.charCodeAt((n >> 12) & 63),
        ALPHABET.charCodeAt((n >> 6) & 63),
        ALPHABET.charCodeAt(n & 63),
      );
    }
    const rest = end - i;
    if (rest === 1) {
      const n = bytes[i] << 16;
      codes.push(ALPHABET.charCodeAt(n >> 18), ALPHABET.charCodeAt((n >> 12) & 63), 61, 61);
    } else if (rest === 2) {
      const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
      codes.push(
        ALPHABET.charCodeAt(n >> 18),
        ALPHABET.charCodeAt((n >> 12) & 63),
        ALPHABET.charCodeAt((n >> 6) & 63),
        61,
      );
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  if (text.length % 4 !== 0)
    throw new RangeError(`base64 length must be a multiple of 4, got ${text.length}`);
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let k = 0; k < 4; k++) {
      const code = text.charCodeAt(i + k);
      const isPad = code === 61 && i + k >= text.length - padding;
      const value = isPad ? 0 : code < 128 ? DECODE[code] : -1;
      if (value < 0) throw new RangeError(`invalid base64 character at ${i + k}`);
      n = (n << 6) | value;
    }
    if (o < out.length) out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

function typedKindOf(value: unknown): TypedArrayKind | null {
  if (!ArrayBuffer.isView(value) || value instanceof DataView) return null;
  // instanceof rather than constructor names, so subclasses (Node's Buffer) encode as their base kind.
  for (const kind of Object.keys(TYPED_ARRAY_KINDS) as TypedArrayKind[]) {
    if (value instanceof TYPED_ARRAY_KINDS[kind]) return kind;
  }
  return null;
}

export function encodeTyped(array: AnyTypedArray): EncodedTyped {
  const kind = typedKindOf(array);
  if (kind === null) throw new TypeError('encodeTyped needs a typed array');
  return {
    $typed: kind,
    b64: bytesToBase64(new Uint8Array(array.buffer, array.byteOffset, array.byteLength)),
  };
}

export function decodeTyped(encoded: EncodedTyped): AnyTypedArray {
  const Kind = TYPED_ARRAY_KINDS[encoded.$typed];
  const bytes = base64ToBytes(encoded.b64);
  if (bytes.byteLength % Kind.BYTES_PER_ELEMENT !== 0) {
    throw new RangeError(
      `${encoded.$typed} needs a multiple of ${Kind.BYTES_PER_ELEMENT} bytes, got ${bytes.byteLength}`,
    );
  }
  return new Kind(bytes.buffer, 0, bytes.byteLength / Kind.BYTES_PER_ELEMENT);
}

function isEncodedTyped(value: unknown): value is EncodedTyped {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.$typed === 'string' &&
    Object.hasOwn(TYPED_ARRAY_KINDS, record.$typed) &&
    typeof record.b64 === 'string' &&
    Object.keys(record).length === 2
  );
}

/** JSON.stringify that writes typed arrays as `{"$typed", "b64"}` objects. */
export function encodeJson(value: unknown): string {
  // The replacer reads the holder's raw value: JSON.stringify hands it the result of toJSON(), which
  // for a Node Buffer is already a plain object.
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    const raw = key === '' ? value : this[key];
    return typedKindOf(raw) !== null ? encodeTyped(raw as AnyTypedArray) : v;
  });
}

/** JSON.parse that turns `{"$typed", "b64"}` objects back into typed arrays. */
export function decodeJson(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => (isEncodedTyped(v) ? decodeTyped(v) : v));
}
