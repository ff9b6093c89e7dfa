import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseJson } from './parseJson.js';
import { readErrorMessage } from './readCapped.js';
import type { ReadOptions, TargetItem } from './types.js';

/**
 * One document per line of an NDJSON file, streamed: memory stays bounded by the longest line, a bad line is an
 * error naming its line number, and the other lines are still read. Blank lines are skipped.
 */
export async function* ndjsonTarget(path: string, { maxBytes }: ReadOptions): AsyncGenerator<TargetItem> {
  const stream = createReadStream(path);
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber += 1;
      const source = `${path}:${lineNumber}`;
      if (line.trim() === '') continue;
      if (Buffer.byteLength(line) > maxBytes) {
        yield { kind: 'error', source, message: `line larger than the size limit of ${maxBytes} bytes` };
        continue;
      }
      const parsed = parseJson(line);
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
    lines.close();
    stream.destroy();
  }
}
