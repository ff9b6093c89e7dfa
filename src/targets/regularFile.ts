import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { notRegular } from './directoryTarget.js';

/** Thrown for a path that is a FIFO, socket or device: reading it could block forever. */
export class NotRegularFileError extends Error {
  override name = 'NotRegularFileError';
}

/**
 * Reads a text file the user named (a config file, a baseline). Opened without blocking and checked to be a regular
 * file before reading, so a FIFO is refused with a message instead of a hang.
 */
export async function readRegularFile(path: string): Promise<string> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new NotRegularFileError(notRegular(stats));
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}
