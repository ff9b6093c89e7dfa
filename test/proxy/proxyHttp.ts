/** Raw HTTP exchanges for the proxy's tests: bytes as they came, never decompressed, headers as sent. */
import { createHash } from 'node:crypto';
import { request } from 'node:http';

export type RawResponse = {
  status: number;
  statusMessage: string;
  rawHeaders: string[];
  body: Buffer;
};

/** One request with no agent (a fresh connection), the response body as raw bytes. */
export function rawRequest(
  url: string,
  {
    method = 'GET',
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    // A body always goes with its length: node sends an OPTIONS body without one, which no server can parse.
    const sized =
      body === undefined ? headers : { 'Content-Length': String(Buffer.byteLength(body)), ...headers };
    const outgoing = request(url, { method, headers: sized, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          statusMessage: response.statusMessage ?? '',
          rawHeaders: response.rawHeaders,
          body: Buffer.concat(chunks),
        }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** The end-to-end headers of a response (what a proxy must pass unchanged), in order. */
export function endToEnd(rawHeaders: readonly string[]): string[][] {
  const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding']);
  const pairs: string[][] = [];
  for (let i = 0; i < rawHeaders.length; i += 2)
    if (!hopByHop.has((rawHeaders[i] ?? '').toLowerCase()))
      pairs.push([rawHeaders[i] ?? '', rawHeaders[i + 1] ?? '']);
  return pairs;
}

export function header(rawHeaders: readonly string[], name: string): string | undefined {
  for (let i = 0; i < rawHeaders.length; i += 2)
    if (rawHeaders[i]?.toLowerCase() === name.toLowerCase()) return rawHeaders[i + 1];
  return undefined;
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
