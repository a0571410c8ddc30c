/**
 * What a job's message must transfer rather than copy: the ArrayBuffers behind its typed arrays
 * (moved instead of copied) and its MessagePorts (which cannot be copied at all).
 */
import { MessagePort } from 'node:worker_threads';

/** The MessagePorts among a job's parameters (top level only), which must be transferred. */
export function portsIn(params: unknown): MessagePort[] {
  if (params === null || typeof params !== 'object') return [];
  return Object.values(params).filter((value): value is MessagePort => value instanceof MessagePort);
}

/**
 * The ArrayBuffers behind the typed arrays in a value. Each buffer appears once even when several
 * views share it; SharedArrayBuffers are left out (they are shared, not moved).
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
