import { createReadStream } from 'node:fs';
import { parseJson } from './parseJson.js';
import { readCapped, readErrorMessage } from './readCapped.js';
import type { ReadOptions, TargetItem } from './types.js';

/** One JSON document from a file (or `-` for stdin): a Client, an array of Clients or a paginated list. */
export async function* fileTarget(
  path: string,
  { maxBytes, timeoutMs, signal }: ReadOptions,
): AsyncGenerator<TargetItem> {
  const source = path;
  let text: string;
  try {
    const stream = path === '-' ? process.stdin : createReadStream(path);
    text = await readCapped(stream, maxBytes, { timeoutMs, signal });
  } catch (error) {
    yield { kind: 'error', source, message: readErrorMessage(error) };
    return;
  }
  const parsed = parseJson(text);
  yield parsed.ok
    ? { kind: 'document', source, value: parsed.value }
    : { kind: 'error', source, message: parsed.message };
}
