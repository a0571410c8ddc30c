import { describe, expect, it } from 'vitest';
import { SseParser } from '../../../../renderer/src/api/sse.js';

function parse(chunks: string[]): string[] {
  const out: string[] = [];
  const parser = new SseParser((data) => out.push(data));
  for (const chunk of chunks) parser.push(chunk);
  return out;
}

describe('SseParser', () => {
  it('dispatches each data block at its blank line, skipping comments', () => {
    expect(parse([': connected\n\ndata: {"a":1}\n\n: heartbeat\n\ndata: {"b":2}\n\n'])).toEqual([
      '{"a":1}',
      '{"b":2}',
    ]);
  });

  it('joins multi-line data with newlines and ignores other fields', () => {
    expect(parse(['event: job\nid: 7\ndata: one\ndata:two\n\n'])).toEqual(['one\ntwo']);
  });

  it('copes with chunks split anywhere, including between CR and LF', () => {
    const text = 'data: {"type":"job"}\r\n\r\ndata: x\r\n\r\n';
    for (let cut = 1; cut < text.length; cut++) {
      expect(parse([text.slice(0, cut), text.slice(cut)]), `cut at ${cut}`).toEqual(['{"type":"job"}', 'x']);
    }
  });

  it('holds back an unterminated block until its blank line arrives', () => {
    const out: string[] = [];
    const parser = new SseParser((data) => out.push(data));
    parser.push('data: partial');
    expect(out).toEqual([]);
    parser.push('\n\n');
    expect(out).toEqual(['partial']);
  });
});
