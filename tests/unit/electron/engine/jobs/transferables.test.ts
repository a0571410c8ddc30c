import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { portsIn, transferablesOf } from '../../../../../electron/engine/jobs/transferables.js';

describe('transferablesOf', () => {
  it('finds the buffers of typed arrays at any depth, each shared buffer once', () => {
    const shared = new ArrayBuffer(64);
    const a = new Float64Array(shared, 0, 4);
    const b = new Int32Array(shared, 32, 8);
    const c = new Uint8Array(3);
    const found = transferablesOf({ grid: { values: a }, list: [b, { deep: c }], label: 'kde', n: 3 });
    expect(found).toHaveLength(2);
    expect(found).toContain(shared);
    expect(found).toContain(c.buffer);
  });

  it('finds nothing in plain data, empty arrays or shared memory', () => {
    expect(transferablesOf({ a: 1, b: 'x', c: [null, true] })).toEqual([]);
    expect(transferablesOf(new Float64Array(0))).toEqual([]);
    expect(transferablesOf(new Float64Array(new SharedArrayBuffer(16)))).toEqual([]);
  });

  it('copes with cycles', () => {
    const node: { self?: unknown; data: Uint16Array } = { data: new Uint16Array(2) };
    node.self = node;
    expect(transferablesOf(node)).toEqual([node.data.buffer]);
  });
});

describe('portsIn', () => {
  it('finds the message ports among the top-level parameters only', () => {
    const { port1, port2 } = new MessageChannel();
    try {
      expect(portsIn({ a: 1, port: port1, nested: { port: port2 } })).toEqual([port1]);
      expect(portsIn({ a: new Float64Array(2) })).toEqual([]);
      expect(portsIn(null)).toEqual([]);
      expect(portsIn(7)).toEqual([]);
    } finally {
      port1.close();
    }
  });
});
