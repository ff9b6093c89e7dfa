/** Reading a byte stream that may never answer (a FIFO, a stalled pipe or socket) without ever waiting forever. */

/** Thrown when no data arrived for `timeoutMs`: the stream is destroyed. */
export class ReadTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`no data within ${timeoutMs} ms (--timeout)`);
    this.name = 'ReadTimeoutError';
  }
}

/** Thrown when the run was interrupted (SIGINT/SIGTERM) while waiting for data. */
export class ReadAbortedError extends Error {
  constructor() {
    super('interrupted');
    this.name = 'ReadAbortedError';
  }
}

type Stream = AsyncIterable<Uint8Array | string> & { destroy?: () => void };

/** How long one read may wait for data, and what interrupts it. */
export type ReadBounds = { timeoutMs?: number | undefined; signal?: AbortSignal | undefined };

/**
 * The chunks of `stream`, each read bounded by `timeoutMs` of silence and by `signal`; when either ends the
 * read, the stream is destroyed and the error thrown. Without bounds it is the stream itself.
 */
export async function* boundedChunks(
  stream: Stream,
  { timeoutMs, signal }: ReadBounds,
): AsyncGenerator<Buffer> {
  const iterator = stream[Symbol.asyncIterator]();
  try {
    while (true) {
      const next = await bounded(iterator.next(), timeoutMs, signal);
      if (next.done) return;
      yield asBuffer(next.value);
    }
  } finally {
    // A pending read never settles on a FIFO: end the stream rather than wait for the iterator to return.
    stream.destroy?.();
    iterator.return?.()?.catch(() => {});
  }
}

/** A chunk as a Buffer, without copying bytes that already are one. */
function asBuffer(chunk: Uint8Array | string): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk);
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

function bounded<T>(
  read: Promise<T>,
  timeoutMs: number | undefined,
  signal: AbortSignal | undefined,
): Promise<T> {
  if (timeoutMs === undefined && signal === undefined) return read;
  if (signal?.aborted) return Promise.reject(new ReadAbortedError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => finish(() => reject(new ReadAbortedError()));
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => finish(() => reject(new ReadTimeoutError(timeoutMs))), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      settle();
    };
    read.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  });
}
