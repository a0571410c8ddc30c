/**
 * Finds the ArrayBuffers behind the typed arrays in a value, so they can be moved (transferred)
 * to another thread instead of copied. Each buffer appears once even when several views share it;
 * SharedArrayBuffers are left out (they are shared, not moved).
 */
export function transferablesOf(value: unknown): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  collect(value, found, new Set());
  return [...found];
}

function collect(value: unknown, found: Set<ArrayBuffer>, seen: Set<object>): void {
  if (value === null || typeof value !== 'object') return;
  if (seen.has(value)) return;
  seen.add(value);
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer && value.buffer.byteLength > 0) found.add(value.buffer);
    return;
  }
  if (value instanceof ArrayBuffer) {
    if (value.byteLength > 0) found.add(value);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) collect(item, found, seen);
    return;
  }
  if (value instanceof Map) {
    for (const [k, v] of value) {
      collect(k, found, seen);
      collect(v, found, seen);
    }
    return;
  }
  for (const item of Object.values(value)) collect(item, found, seen);
}
