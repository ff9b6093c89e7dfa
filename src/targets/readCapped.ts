import { boundedChunks, ReadAbortedError, type ReadBounds, ReadTimeoutError } from './boundedChunks.js';

/** Thrown when a document is larger than the size limit; the read stops at the limit. */
export class SizeLimitError extends Error {
  constructor(maxBytes: number) {
    super(`larger than the size limit of ${maxBytes} bytes (raise it with --max-size)`);
    this.name = 'SizeLimitError';
  }
}

/**
 * Reads a byte stream as UTF-8 text, stopping (and destroying the stream) as soon as it exceeds `maxBytes`, when
 * no data comes for `bounds.timeoutMs`, or when `bounds.signal` aborts.
 */
export async function readCapped(
  stream: AsyncIterable<Uint8Array | string>,
  maxBytes: number,
  bounds: ReadBounds = {},
): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const bytes of boundedChunks(stream, bounds)) {
    total += bytes.length;
    if (total > maxBytes) throw new SizeLimitError(maxBytes);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A one-line reason a file or stream could not be read. */
export function readErrorMessage(error: unknown): string {
  if (
    error instanceof SizeLimitError ||
    error instanceof ReadTimeoutError ||
    error instanceof ReadAbortedError
  )
    return error.message;
  // A FIFO or device named as a config file or baseline (regularFile.ts).
  if ((error as Error).name === 'NotRegularFileError') return (error as Error).message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return `cannot read: ${(error as Error).message}`;
}
