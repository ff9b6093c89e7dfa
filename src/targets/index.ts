import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { directoryTarget, notRegular } from './directoryTarget.js';
import { fileTarget } from './fileTarget.js';
import { harTarget } from './harTarget.js';
import { ndjsonTarget } from './ndjsonTarget.js';
import { readErrorMessage } from './readCapped.js';
import type { ReadOptions, TargetItem } from './types.js';
import { urlTarget } from './urlTarget.js';

export type { ReadOptions, TargetDocument, TargetError, TargetItem, TargetSkip } from './types.js';
export { DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, DEFAULT_TIMEOUT_MS, itemSource } from './types.js';

/** File names a directory target reads. */
const DOCUMENT_EXTENSIONS = ['.json', '.ndjson', '.har'];

/** The documents of one target: an http(s) URL, a .json, .ndjson or .har file, a directory of them, or `-` (stdin). */
export async function* openTarget(spec: string, options: ReadOptions): AsyncGenerator<TargetItem> {
  for await (const batch of openTargetBatches(spec, options)) yield* batch;
}

/**
 * The documents of one target in batches, for a reader of many (the CLI): an NDJSON file gives the lines of each
 * chunk read at once, so a line costs no await; any other item comes alone. A batch is read once, in order, before
 * the next is asked for (an NDJSON batch parses each line as it is reached).
 */
export async function* openTargetBatches(
  spec: string,
  options: ReadOptions,
): AsyncGenerator<Iterable<TargetItem>> {
  if (/^https?:\/\//i.test(spec)) {
    yield* alone(urlTarget(spec, options));
    return;
  }
  if (spec === '-') {
    yield* alone(fileTarget('-', options));
    return;
  }
  let kind: Stats;
  try {
    kind = await stat(spec);
  } catch (error) {
    yield [{ kind: 'error', source: spec, message: readErrorMessage(error) }];
    return;
  }
  if (kind.isDirectory())
    yield* directoryTarget(spec, DOCUMENT_EXTENSIONS, (file) => openFile(file, options));
  else if (kind.isFile()) yield* openFile(spec, options);
  else yield [{ kind: 'error', source: spec, message: notRegular(kind) }];
}

/** A file by its extension; anything but .ndjson and .har is read as one JSON document. */
function openFile(path: string, options: ReadOptions): AsyncGenerator<Iterable<TargetItem>> {
  if (path.endsWith('.ndjson')) return ndjsonTarget(path, options);
  if (path.endsWith('.har')) return alone(harTarget(path, options));
  return alone(fileTarget(path, options));
}

/** Each item as a batch of its own. */
async function* alone(items: AsyncIterable<TargetItem>): AsyncGenerator<TargetItem[]> {
  for await (const item of items) yield [item];
}
