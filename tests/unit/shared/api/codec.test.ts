import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  bytesToBase64,
  decodeJson,
  encodeJson,
  encodeTyped,
} from '../../../../shared/api/codec.js';

describe('bytesToBase64', () => {
  it('matches the RFC 4648 §10 test vectors', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(bytesToBase64(new TextEncoder().encode(plain))).toBe(encoded);
      expect(new TextDecoder().decode(base64ToBytes(encoded))).toBe(plain);
    }
  });

  it('agrees with Node Buffer on 100 000 random bytes (crosses the chunk boundary)', () => {
    const bytes = new Uint8Array(100_001);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + (i >> 3)) & 255;
    const encoded = bytesToBase64(bytes);
    expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
    expect(base64ToBytes(encoded)).toEqual(bytes);
  });

  it('base64ToBytes rejects a bad length and a bad character', () => {
    expect(() => base64ToBytes('abc')).toThrow(/multiple of 4/);
    expect(() => base64ToBytes('ab*d')).toThrow(/invalid base64 character at 2/);
    expect(() => base64ToBytes('a=bc')).toThrow(/invalid base64 character at 1/);
  });
});

describe('encodeJson / decodeJson', () => {
  it('round-trips every typed array kind inside nested objects', () => {
    const value = {
      grid: {
        width: 2,
        values: new Float64Array([0, -1.5, Number.MAX_VALUE, Number.NaN, Number.NEGATIVE_INFINITY]),
      },
      f32: new Float32Array([1.25, -3]),
      ids: new Int32Array([-2147483648, 0, 2147483647]),
      mask: new Uint8Array([0, 255, 7]),
      list: [new Uint16Array([65535]), new Int8Array([-128])],
      plain: [1, 'two', null, { three: 3 }],
    };
    const back = decodeJson(encodeJson(value)) as typeof value;
    expect(back.grid.values).toBeInstanceOf(Float64Array);
    expect(Array.from(back.grid.values)).toEqual(Array.from(value.grid.values));
    expect(back.f32).toEqual(value.f32);
    expect(back.ids).toEqual(value.ids);
    expect(back.mask).toEqual(value.mask);
    expect(back.list[0]).toEqual(value.list[0]);
    expect(back.list[1]).toEqual(value.list[1]);
    expect(back.plain).toEqual(value.plain);
  });

  it('encodes only the viewed bytes of a subarray', () => {
    const whole = new Float64Array([1, 2, 3, 4]);
    const view = whole.subarray(1, 3);
    const encoded = encodeTyped(view);
    expect(encoded.$typed).toBe('Float64Array');
    expect(base64ToBytes(encoded.b64).byteLength).toBe(16);
    expect(Array.from(decodeJson(encodeJson(view)) as Float64Array)).toEqual([2, 3]);
  });

  it('writes a typed array as a {$typed, b64} object on the wire', () => {
    expect(JSON.parse(encodeJson({ a: new Uint8Array([102, 111, 111]) }))).toEqual({
      a: { $typed: 'Uint8Array', b64: 'Zm9v' },
    });
  });

  it('encodes a Node Buffer as a Uint8Array, not as its toJSON form', () => {
    expect(JSON.parse(encodeJson({ b: Buffer.from('foo') }))).toEqual({
      b: { $typed: 'Uint8Array', b64: 'Zm9v' },
    });
  });

  it('leaves look-alike objects with extra keys or unknown kinds alone', () => {
    const text = '{"a":{"$typed":"Float64Array","b64":"","x":1},"b":{"$typed":"BigInt64Array","b64":""}}';
    expect(decodeJson(text)).toEqual(JSON.parse(text));
  });

  it('refuses a byte count that does not fit the element size', () => {
    expect(() => decodeJson('{"$typed":"Float64Array","b64":"Zm9v"}')).toThrow(/multiple of 8 bytes, got 3/);
  });
});
