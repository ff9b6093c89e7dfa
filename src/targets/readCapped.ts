/** Thrown when a document is larger than the size limit; the read stops at the limit. */
export class SizeLimitError extends Error {
  constructor(maxBytes: number) {
    super(`larger than the size limit of ${maxBytes} bytes (raise it with --max-size)`);
    this.name = 'SizeLimitError';
  }
}

/** Reads a byte stream as UTF-8 text, stopping (and destroying the stream) as soon as it exceeds `maxBytes`. */
export async function readCapped(
  stream: AsyncIterable<Uint8Array | string>,
  maxBytes: number,
): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    total += bytes.length;
    if (total > maxBytes) throw new SizeLimitError(maxBytes);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A one-line reason a file or stream could not be read. */
export function readErrorMessage(error: unknown): string {
  if (error instanceof SizeLimitError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return `cannot read: ${(error as Error).message}`;
}
