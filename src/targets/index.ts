import { stat } from 'node:fs/promises';
import { directoryTarget } from './directoryTarget.js';
import { fileTarget } from './fileTarget.js';
import { readErrorMessage } from './readCapped.js';
import type { ReadOptions, TargetItem } from './types.js';

export type { ReadOptions, TargetDocument, TargetError, TargetItem } from './types.js';
export { DEFAULT_MAX_BYTES } from './types.js';

/** File names a directory target reads. */
const DOCUMENT_EXTENSIONS = ['.json'];

/** The documents of one target: a file, a directory (recursively) or `-` for stdin. */
export async function* openTarget(spec: string, options: ReadOptions): AsyncGenerator<TargetItem> {
  if (spec === '-') {
    yield* fileTarget('-', options);
    return;
  }
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(spec)).isDirectory();
  } catch (error) {
    yield { kind: 'error', source: spec, message: readErrorMessage(error) };
    return;
  }
  if (isDirectory) yield* directoryTarget(spec, DOCUMENT_EXTENSIONS, (file) => fileTarget(file, options));
  else yield* fileTarget(spec, options);
}
