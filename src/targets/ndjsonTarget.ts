import { createReadStream } from 'node:fs';
import { boundedChunks } from './boundedChunks.js';
import { type Line, LineSplitter } from './lines.js';
import { parseJson } from './parseJson.js';
import { readErrorMessage } from './readCapped.js';
import type { ReadOptions, TargetItem } from './types.js';

/** Reads of 1 MiB: a sixteenth of the reads (and awaits) of the default 64 KiB; memory stays bounded all the same. */
const CHUNK_BYTES = 1 << 20;

/**
 * One document per line of an NDJSON file, streamed, in one batch per chunk read (so a line costs no await):
 * memory stays bounded by the size limit (a longer line is dropped as it streams), a bad line is an error naming its
 * line number, and the other lines are still read. Blank lines are skipped. Each read waits at most `timeoutMs`.
 */
export async function* ndjsonTarget(
  path: string,
  { maxBytes, timeoutMs, signal }: ReadOptions,
): AsyncGenerator<TargetItem[]> {
  const splitter = new LineSplitter(maxBytes);
  let lineNumber = 0;
  try {
    for await (const chunk of boundedChunks(createReadStream(path, { highWaterMark: CHUNK_BYTES }), {
      timeoutMs,
      signal,
    })) {
      const lines = splitter.push(chunk);
      if (lines.length > 0) lineNumber = (lines[lines.length - 1] as Line).number;
      yield itemsOf(path, lines, maxBytes);
    }
    yield itemsOf(path, splitter.end(), maxBytes);
  } catch (error) {
    yield [
      {
        kind: 'error',
        source: lineNumber === 0 ? path : `${path}:${lineNumber + 1}`,
        message: readErrorMessage(error),
      },
    ];
  }
}

/** The items of some lines: blank ones are left out. */
function itemsOf(path: string, lines: readonly Line[], maxBytes: number): TargetItem[] {
  const items: TargetItem[] = [];
  for (const line of lines) {
    const item = itemOf(path, line, maxBytes);
    if (item !== undefined) items.push(item);
  }
  return items;
}

/** The document on a line, the error that stops it being one, or nothing for a blank line. */
function itemOf(path: string, line: Line, maxBytes: number): TargetItem | undefined {
  const source = `${path}:${line.number}`;
  if ('tooLong' in line)
    return { kind: 'error', source, message: `line larger than the size limit of ${maxBytes} bytes` };
  try {
    return { kind: 'document', source, value: JSON.parse(line.text) };
  } catch {
    // The rare line JSON.parse refuses: blank (skipped), with a BOM, or invalid (located by parseJson).
    if (line.text.trim() === '') return undefined;
    const parsed = parseJson(line.text);
    return parsed.ok
      ? { kind: 'document', source, value: parsed.value }
      : { kind: 'error', source, message: parsed.message.replace(/ at line 1, column /, ' at column ') };
  }
}
