/** A line of a byte stream: its text, or only its number when it was longer than the limit (and not kept). */
export type Line = { number: number; text: string } | { number: number; tooLong: true };

const NEWLINE = 0x0a;
const NOTHING = Buffer.alloc(0);

/**
 * Splits a byte stream into lines (LF or CRLF) as its chunks arrive, keeping at most `maxBytes` of an unfinished
 * line: a longer line is dropped as it streams and reported by number, so one runaway line never buffers whole.
 * A line inside one chunk is decoded from it directly, without a copy.
 */
export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private tooLong = false;
  private number = 0;

  constructor(private readonly maxBytes: number) {}

  /** The lines that `chunk` ends, in order; the rest of it waits for the next chunk. */
  push(chunk: Buffer): Line[] {
    const lines: Line[] = [];
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      lines.push(this.line(chunk, start, end));
      start = end + 1;
    }
    if (this.tooLong || start === chunk.length) return lines;
    this.pendingBytes += chunk.length - start;
    if (this.pendingBytes > this.maxBytes + 1) {
      // Past the limit (a CR may still follow): drop what is kept and skip to the end of the line.
      this.tooLong = true;
      this.pending = [];
    } else this.pending.push(chunk.subarray(start));
    return lines;
  }

  /** The last line, when the stream does not end with a newline. */
  end(): Line[] {
    return this.pendingBytes > 0 || this.tooLong ? [this.line(NOTHING, 0, 0)] : [];
  }

  private line(chunk: Buffer, start: number, end: number): Line {
    this.number += 1;
    const number = this.number;
    const size = this.pendingBytes + end - start;
    let line: Line = { number, tooLong: true };
    // maxBytes + 1 leaves room for the CR of a CRLF, which is not part of the line.
    if (!this.tooLong && size <= this.maxBytes + 1) {
      const text =
        this.pending.length === 0
          ? chunk.toString('utf8', start, end)
          : Buffer.concat([...this.pending, chunk.subarray(start, end)]).toString('utf8');
      const crlf = text.charCodeAt(text.length - 1) === 0x0d;
      if (size - (crlf ? 1 : 0) <= this.maxBytes) line = { number, text: crlf ? text.slice(0, -1) : text };
    }
    this.pending = [];
    this.pendingBytes = 0;
    this.tooLong = false;
    return line;
  }
}
