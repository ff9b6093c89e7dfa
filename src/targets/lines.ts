import { isAscii } from 'node:buffer';

/** A line of a byte stream: its text, or only its number when it was longer than the limit (and not kept). */
export type Line = { number: number; text: string } | { number: number; tooLong: true };

const NEWLINE = 0x0a;
const NOTHING = Buffer.alloc(0);

/**
 * Splits a byte stream into lines (LF or CRLF) as its chunks arrive, keeping at most `maxBytes` of an unfinished
 * line: a longer line is dropped as it streams and reported by number, so one runaway line never buffers whole.
 * A line inside one chunk is decoded without a copy of its bytes, and only when its chunk's lines are reached: the
 * lines of an ASCII span (the usual case) are slices of one decoding of it; a span with any other byte is decoded
 * line by line.
 */
export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private tooLong = false;
  private number = 0;

  constructor(private readonly maxBytes: number) {}

  /** How many lines the chunks so far have ended. */
  get lines(): number {
    return this.number;
  }

  /** The lines that `chunk` ends, in order; the rest of it waits for the next chunk. */
  push(chunk: Buffer): Iterable<Line> {
    const ends: number[] = [];
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, end + 1)) ends.push(end);
    if (ends.length === 0) {
      this.keep(chunk, 0);
      return [];
    }
    // The first line may have begun in earlier chunks: it is finished now, while they are kept.
    const first = this.line(chunk, ends[0] as number);
    this.number += ends.length - 1;
    this.keep(chunk, (ends[ends.length - 1] as number) + 1);
    return linesOf(chunk, ends, first, this.maxBytes);
  }

  /** The last line, when the stream does not end with a newline. */
  end(): Line[] {
    return this.pendingBytes > 0 || this.tooLong ? [this.line(NOTHING, 0)] : [];
  }

  /** Keeps `chunk` from `start` as the beginning of the next line, unless that line is already past the limit. */
  private keep(chunk: Buffer, start: number): void {
    if (this.tooLong || start === chunk.length) return;
    this.pendingBytes += chunk.length - start;
    if (this.pendingBytes > this.maxBytes + 1) {
      // Past the limit (a CR may still follow): drop what is kept and skip to the end of the line.
      this.tooLong = true;
      this.pending = [];
    } else this.pending.push(chunk.subarray(start));
  }

  /** Ends the line that the kept bytes begin and `chunk` finishes at `end`. */
  private line(chunk: Buffer, end: number): Line {
    this.number += 1;
    const { number, maxBytes, pending } = this;
    const size = this.pendingBytes + end;
    const line: Line =
      this.tooLong || size > maxBytes + 1
        ? { number, tooLong: true }
        : pending.length === 0
          ? lineOf(chunk, 0, end, number, maxBytes)
          : lineOf(Buffer.concat([...pending, chunk.subarray(0, end)]), 0, size, number, maxBytes);
    this.pending = [];
    this.pendingBytes = 0;
    this.tooLong = false;
    return line;
  }
}

/** The lines of `chunk` after `first`, each ending at the next of `ends`. */
function* linesOf(chunk: Buffer, ends: readonly number[], first: Line, maxBytes: number): Generator<Line> {
  yield first;
  // ASCII bytes (a byte is a char) are decoded a span of lines at a time, their lines sliced from it: 0.7x the time
  // of a decoding per line (CPU profile). Spans stay within 64 KiB (but for one longer line): longer strings are
  // allocated outside V8's young generation, and decoding whole 256 KiB chunks took 2x a decoding per line.
  let span: string | undefined;
  let spanStart = 0;
  let spanEnd = -1;
  for (let index = 1; index < ends.length; index++) {
    const from = (ends[index - 1] as number) + 1;
    const to = ends[index] as number;
    if (to > spanEnd) {
      let last = index;
      while (last + 1 < ends.length && (ends[last + 1] as number) - from <= SPAN_BYTES) last++;
      spanEnd = ends[last] as number;
      spanStart = from;
      span = isAscii(chunk.subarray(from, spanEnd)) ? chunk.toString('latin1', from, spanEnd) : undefined;
    }
    yield lineOf(chunk, from, to, first.number + index, maxBytes, span, spanStart);
  }
}

const SPAN_BYTES = 64 * 1024;

/**
 * The line in `bytes` from `start` to `end`, without the CR of a CRLF; too long past `maxBytes`. Its text is sliced
 * from `span`, those bytes decoded from `spanStart` on, when given.
 */
function lineOf(
  bytes: Buffer,
  start: number,
  end: number,
  number: number,
  maxBytes: number,
  span?: string,
  spanStart = 0,
): Line {
  const last = end > start && bytes[end - 1] === 0x0d ? end - 1 : end;
  if (last - start > maxBytes) return { number, tooLong: true };
  const text =
    span === undefined
      ? bytes.toString('utf8', start, last)
      : span.slice(start - spanStart, last - spanStart);
  return { number, text };
}
