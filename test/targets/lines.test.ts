import fc from 'fast-check';
import { expect, test } from 'vitest';
import { type Line, LineSplitter } from '../../src/targets/lines.js';

/** What splitting the whole text at once gives: the reference the chunked splitter must match. */
function reference(lines: readonly string[], maxBytes: number): Line[] {
  return lines.map((text, index) =>
    Buffer.byteLength(text) <= maxBytes ? { number: index + 1, text } : { number: index + 1, tooLong: true },
  );
}

/** The bytes of `text` cut at `cuts` (offsets, in any order, repeats allowed). */
function chunksOf(bytes: Buffer, cuts: readonly number[]): Buffer[] {
  const offsets = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let start = 0;
  for (const offset of offsets) {
    chunks.push(bytes.subarray(start, offset));
    start = offset;
  }
  chunks.push(bytes.subarray(start));
  return chunks;
}

test('chunked anywhere, even inside a character or a CRLF, the lines are those of the whole text', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.string({ unit: 'grapheme', maxLength: 12 }).filter((text) => !/[\r\n]/.test(text)),
        {
          minLength: 1,
          maxLength: 8,
        },
      ),
      fc.constantFrom('\n', '\r\n'),
      fc.boolean(),
      fc.array(fc.nat(), { maxLength: 12 }),
      fc.integer({ min: 0, max: 40 }),
      (lines, newline, endsWithNewline, cuts, maxBytes) => {
        const text = lines.join(newline) + (endsWithNewline ? newline : '');
        const splitter = new LineSplitter(maxBytes);
        // Each chunk's lines are read only after every chunk is pushed: reading them late changes nothing.
        const batches = chunksOf(Buffer.from(text), cuts).map((chunk) => splitter.push(chunk));
        const found: Line[] = [...batches.flatMap((batch) => [...batch]), ...splitter.end()];
        // A last empty line without its newline is no line.
        const kept = endsWithNewline || lines.at(-1) !== '' ? lines : lines.slice(0, -1);
        expect(found).toEqual(reference(kept, maxBytes));
      },
    ),
    { numRuns: 1000 },
  );
});

test('lines of large chunks, decoded a span of ASCII lines at a time, are those of the whole text', () => {
  // Spans of up to 64 KiB: short lines, lines longer than a span, non-ASCII lines among them, and CRLF endings.
  fc.assert(
    fc.property(
      fc.array(
        fc.oneof(
          fc.integer({ min: 0, max: 3000 }).map((length) => 'a'.repeat(length)),
          fc.integer({ min: 60_000, max: 140_000 }).map((length) => 'b'.repeat(length)),
          fc.string({ unit: 'grapheme', maxLength: 12 }).filter((text) => !/[\r\n]/.test(text)),
        ),
        { minLength: 1, maxLength: 120 },
      ),
      fc.constantFrom('\n', '\r\n'),
      fc.array(fc.nat(), { maxLength: 4 }),
      fc.constantFrom(100_000, 10 * 1024 * 1024),
      (lines, newline, cuts, maxBytes) => {
        const text = lines.map((line) => line + newline).join('');
        const splitter = new LineSplitter(maxBytes);
        const found = chunksOf(Buffer.from(text), cuts).flatMap((chunk) => [...splitter.push(chunk)]);
        expect([...found, ...splitter.end()]).toEqual(reference(lines, maxBytes));
      },
    ),
    { numRuns: 60 },
  );
});

test('a runaway line keeps at most the limit in memory, however long it grows', () => {
  const splitter = new LineSplitter(10);
  const pending = () => (splitter as unknown as { pending: Buffer[] }).pending;
  splitter.push(Buffer.from('0123456789'));
  expect(pending().length).toBe(1);
  for (let i = 0; i < 100; i++) {
    splitter.push(Buffer.alloc(1000, 0x61));
    expect(pending()).toEqual([]);
  }
  expect([...splitter.push(Buffer.from('\nok\n'))]).toEqual([
    { number: 1, tooLong: true },
    { number: 2, text: 'ok' },
  ]);
  expect(splitter.end()).toEqual([]);
});

test('the CR of a CRLF does not count toward the limit, a CR inside the line does', () => {
  const splitter = new LineSplitter(3);
  expect([...splitter.push(Buffer.from('abc\r\nab\rc\r\nabcd\n'))]).toEqual([
    { number: 1, text: 'abc' },
    { number: 2, tooLong: true },
    { number: 3, tooLong: true },
  ]);
});
