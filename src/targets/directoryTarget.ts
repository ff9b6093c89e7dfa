import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readErrorMessage } from './readCapped.js';
import type { TargetItem } from './types.js';

/** A file found below a directory, or why something there that looks like one cannot be read. */
type Found = { path: string; error?: string };

/**
 * Every file below `dir` whose name ends in one of `extensions`, recursively and in sorted order. Symbolic links
 * are followed (a directory reached twice, as through a loop, is read once); a broken link or a FIFO, socket or
 * device with such a name is an input error naming it, never skipped silently.
 */
export async function* directoryTarget(
  dir: string,
  extensions: readonly string[],
  openFile: (path: string) => AsyncIterable<Iterable<TargetItem>>,
): AsyncGenerator<Iterable<TargetItem>> {
  const found: Found[] = [];
  try {
    await walk(dir, extensions, found, new Set([await realpath(dir)]));
  } catch (error) {
    yield [{ kind: 'error', source: dir, message: readErrorMessage(error) }];
    return;
  }
  found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (found.length === 0) {
    yield [{ kind: 'error', source: dir, message: `no ${extensions.join(', ')} files in this directory` }];
  }
  for (const { path, error } of found) {
    if (error === undefined) yield* openFile(path);
    else yield [{ kind: 'error', source: path, message: error }];
  }
}

async function walk(
  dir: string,
  extensions: readonly string[],
  found: Found[],
  seen: Set<string>,
): Promise<void> {
  const entries: Dirent[] = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const named = extensions.some((extension) => entry.name.endsWith(extension));
    let kind: Dirent | Stats = entry;
    if (entry.isSymbolicLink()) {
      try {
        kind = await stat(path);
      } catch (error) {
        if (named)
          found.push({ path, error: `symbolic link to nothing readable: ${readErrorMessage(error)}` });
        continue;
      }
    }
    if (kind.isDirectory()) {
      const real = await realpath(path);
      if (seen.has(real)) continue;
      seen.add(real);
      await walk(path, extensions, found, seen);
    } else if (named) {
      found.push(kind.isFile() ? { path } : { path, error: notRegular(kind) });
    }
  }
}

/** Why a path that is no regular file or directory is refused: reading a FIFO would block forever. */
export function notRegular(kind: Dirent | Stats): string {
  const what = kind.isFIFO()
    ? 'a FIFO'
    : kind.isSocket()
      ? 'a socket'
      : kind.isCharacterDevice() || kind.isBlockDevice()
        ? 'a device'
        : 'not a regular file';
  return `${what}: not read (give a regular file, a directory or - for stdin)`;
}
