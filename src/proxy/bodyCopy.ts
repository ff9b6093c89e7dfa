import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

/** A copy of a response body for the check, bounded: the bytes passed on are never touched. */
export type BodyCopy = {
  /** Adds a chunk; false once the copy is over `maxBytes` (it is then dropped and stays dropped). */
  add: (chunk: Buffer) => boolean;
  /** The raw bytes copied, or undefined when the body was larger than `maxBytes`. */
  bytes: () => Buffer | undefined;
};

export function bodyCopy(maxBytes: number): BodyCopy {
  let chunks: Buffer[] | undefined = [];
  let size = 0;
  return {
    add: (chunk) => {
      if (chunks === undefined) return false;
      size += chunk.length;
      if (size > maxBytes) {
        chunks = undefined;
        return false;
      }
      chunks.push(chunk);
      return true;
    },
    bytes: () => (chunks === undefined ? undefined : Buffer.concat(chunks, size)),
  };
}

/** What a body decodes to: its text, too large once decoded, or why it cannot be decoded. */
export type Decoded = { text: string } | { oversized: true } | { error: string };

/**
 * The text of a body sent with `Content-Encoding` (gzip, deflate, br or none), decoded from a copy and never
 * beyond `maxBytes`.
 */
export function decodeBody(bytes: Buffer, contentEncoding: string | undefined, maxBytes: number): Decoded {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  let decoded = bytes;
  // Codings are listed in the order they were applied: undone from the last.
  for (const coding of codings.reverse()) {
    const decode = DECODERS[coding];
    if (decode === undefined)
      return { error: `content-encoding ${JSON.stringify(coding)} cannot be decoded` };
    try {
      decoded = decode(decoded, { maxOutputLength: maxBytes });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return { oversized: true };
      return { error: `cannot decode its ${coding} content-encoding: ${(error as Error).message}` };
    }
  }
  if (decoded.length > maxBytes) return { oversized: true };
  return { text: decoded.toString('utf8') };
}

const DECODERS: Record<string, (bytes: Buffer, options: { maxOutputLength: number }) => Buffer> = {
  gzip: gunzipSync,
  'x-gzip': gunzipSync,
  // HTTP's deflate is zlib-wrapped, but some servers send it raw.
  deflate: (bytes, options) => {
    try {
      return inflateSync(bytes, options);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'Z_DATA_ERROR') throw error;
      return inflateRawSync(bytes, options);
    }
  },
  br: brotliDecompressSync,
};
