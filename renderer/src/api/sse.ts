/**
 * An incremental parser for a text/event-stream (WHATWG HTML §9.2.6), enough for the web host:
 * `data:` lines joined with newlines, dispatched at a blank line; comments (`:`) and other fields
 * ignored. Chunks may split lines and CRLF pairs anywhere.
 */
export class SseParser {
  private buffer = '';
  private data: string[] = [];

  constructor(private readonly onData: (data: string) => void) {}

  push(chunk: string): void {
    this.buffer += chunk;
    let start = 0;
    for (;;) {
      const end = this.buffer.slice(start).search(/\r\n|\r|\n/);
      if (end < 0) break;
      const lineEnd = start + end;
      // A lone CR at the very end might be the first half of CRLF: wait for the next chunk.
      if (this.buffer[lineEnd] === '\r' && lineEnd + 1 === this.buffer.length) break;
      const breakLength = this.buffer.startsWith('\r\n', lineEnd) ? 2 : 1;
      this.line(this.buffer.slice(start, lineEnd));
      start = lineEnd + breakLength;
    }
    this.buffer = this.buffer.slice(start);
  }

  private line(line: string): void {
    if (line === '') {
      if (this.data.length > 0) this.onData(this.data.join('\n'));
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
  }
}
