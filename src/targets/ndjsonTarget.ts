import { createReadStream } from 'node:fs';
import { boundedChunks } from './boundedChunks.js';
import { linesOf } from './lines.js';
import { parseJson } from './parseJson.js';
import { readErrorMessage } from './readCapped.js';
import type { ReadOptions, TargetItem } from './types.js';

/**
 * One document per line of an NDJSON file, streamed: memory stays bounded by the size limit (a longer line is
 * dropped as it streams), a bad line is an error naming its line number, and the other lines are still read.
 * Blank lines are skipped. Each read waits at most `timeoutMs` for data.
 */
export async function* ndjsonTarget(
  path: string,
  { maxBytes, timeoutMs, signal }: ReadOptions,
): AsyncGenerator<TargetItem> {
  const chunks = boundedChunks(createReadStream(path), { timeoutMs, signal });
  let lineNumber = 0;
  try {
    for await (const line of linesOf(chunks, maxBytes)) {
      lineNumber = line.number;
      const source = `${path}:${lineNumber}`;
      if ('tooLong' in line) {
        yield { kind: 'error', source, message: `line larger than the size limit of ${maxBytes} bytes` };
        continue;
      }
      if (line.text.trim() === '') continue;
      const parsed = parseJson(line.text);
      yield parsed.ok
        ? { kind: 'document', source, value: parsed.value }
        : { kind: 'error', source, message: parsed.message.replace(/ at line 1, column /, ' at column ') };
    }
  } catch (error) {
    yield {
      kind: 'error',
      source: lineNumber === 0 ? path : `${path}:${lineNumber + 1}`,
      message: readErrorMessage(error),
    };
  } finally {
    await chunks.return(undefined);
  }
}
