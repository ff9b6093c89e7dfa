/** A line of a byte stream: its text, or only its number when it was longer than the limit (and not kept). */
export type Line = { number: number; text: string } | { number: number; tooLong: true };

/**
 * Splits chunks into lines (LF or CRLF) keeping at most `maxBytes` of a line in memory: a longer line is dropped
 * as it streams and reported by number, so one runaway line never buffers whole.
 */
export async function* linesOf(chunks: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Line> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let tooLong = false;
  let number = 0;
  const line = (last: Buffer): Line => {
    number += 1;
    const size = pendingBytes + last.length;
    let result: Line = { number, tooLong: true };
    // maxBytes + 1 leaves room for the CR of a CRLF, which is not part of the line.
    if (!tooLong && size <= maxBytes + 1) {
      pending.push(last);
      const text = Buffer.concat(pending).toString('utf8');
      const crlf = text.endsWith('\r');
      if (size - (crlf ? 1 : 0) <= maxBytes) result = { number, text: crlf ? text.slice(0, -1) : text };
    }
    pending = [];
    pendingBytes = 0;
    tooLong = false;
    return result;
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (let end = chunk.indexOf(10, start); end !== -1; end = chunk.indexOf(10, start)) {
      yield line(chunk.subarray(start, end));
      start = end + 1;
    }
    const rest = chunk.subarray(start);
    if (tooLong || rest.length === 0) continue;
    pendingBytes += rest.length;
    if (pendingBytes > maxBytes + 1) {
      // Past the limit (a CR may still follow): drop what is kept and skip to the end of the line.
      tooLong = true;
      pending = [];
    } else pending.push(rest);
  }
  if (pendingBytes > 0 || tooLong) yield line(Buffer.alloc(0));
}
