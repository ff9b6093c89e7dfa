import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readErrorMessage } from './readCapped.js';
import type { TargetItem } from './types.js';

/** Every file below `dir` whose name ends in one of `extensions`, recursively and in sorted order. */
export async function* directoryTarget(
  dir: string,
  extensions: readonly string[],
  openFile: (path: string) => AsyncIterable<TargetItem>,
): AsyncGenerator<TargetItem> {
  let files: string[];
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    files = entries
      .filter((entry) => entry.isFile() && extensions.some((extension) => entry.name.endsWith(extension)))
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
  } catch (error) {
    yield { kind: 'error', source: dir, message: readErrorMessage(error) };
    return;
  }
  if (files.length === 0) {
    yield { kind: 'error', source: dir, message: `no ${extensions.join(', ')} files in this directory` };
  }
  for (const file of files) yield* openFile(file);
}
