/**
 * The typed-array kinds a result may carry where structured clone does not reach: the web host's
 * JSON (shared/api/codec.ts) and the analysis cache's BLOBs (electron/engine/analysis-cache.ts).
 * Both write a kind as its constructor's name and look the constructor up here to read it back.
 * The order matters to codec.ts, which tries `instanceof` in this order.
 */
export const TYPED_ARRAY_KINDS = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
} as const;

export type TypedArrayKind = keyof typeof TYPED_ARRAY_KINDS;
export type AnyTypedArray = InstanceType<(typeof TYPED_ARRAY_KINDS)[TypedArrayKind]>;
