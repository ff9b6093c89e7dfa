import { type FileHandle, open } from 'node:fs/promises';
import { extname } from 'node:path';
import { InvalidOptionError } from '../invalidOption.js';
import { OutputError } from '../report/writeReports.js';
import type { HeaderPair } from '../targets/exchange.js';
import { displayUrl, isSecretName } from '../targets/secrets.js';
import { TOOL_VERSION } from '../version.js';

/** One checked exchange, as the recording keeps it. */
export type RecordedExchange = {
  method: string;
  /** The upstream URL the request went to. */
  url: URL;
  requestHeaders: readonly HeaderPair[];
  status: number;
  statusText: string;
  responseHeaders: readonly HeaderPair[];
  /** The decoded response body, credentials it echoed already redacted. */
  body: string;
  /** The checked document (what an NDJSON line holds). */
  document: unknown;
  /** When the response arrived, as the check judged it (ms). */
  observedAt: number;
  /** How long the upstream took to answer, in ms. */
  waitMs: number;
};

/** Where checked traffic goes: a HAR or NDJSON file that `check` replays. */
export type TrafficRecording = {
  add: (exchange: RecordedExchange) => void;
  /** Ends the file; throws an {@link OutputError} naming the path when any write failed. */
  close: () => Promise<void>;
};

/** What stands for a credential in a recording. */
const PLACEHOLDER = '***';

/**
 * Opens a recording: `.har` keeps each exchange (request, headers, time, body) so `check` judges it at the time it
 * arrived and under its API version; `.ndjson` keeps one checked document a line. Credentials (Authorization,
 * cookies, `token` parameters, `X-Api-Key` and every credential-like header) are replaced by `***`.
 */
export async function openTrafficRecording(path: string): Promise<TrafficRecording> {
  const format = extname(path).toLowerCase();
  if (format !== '.har' && format !== '.ndjson')
    throw new InvalidOptionError(`a recording is a .har or .ndjson file, got ${JSON.stringify(path)}`);
  let file: FileHandle;
  try {
    file = await open(path, 'w');
  } catch (error) {
    throw new OutputError('the recording', path, error);
  }
  // Writes are queued in order; the first failure is kept for close() to report.
  let queue: Promise<unknown> = Promise.resolve();
  let failure: unknown;
  const write = (text: string) => {
    queue = queue
      .then(() => (failure === undefined ? file.write(text) : undefined))
      .catch((error) => {
        failure ??= error;
      });
  };
  let entries = 0;
  if (format === '.har')
    write(
      `{"log":{"version":"1.2","creator":{"name":"clerk-conformance proxy","version":"${TOOL_VERSION}"},"entries":[`,
    );
  return {
    add: (exchange) => {
      if (format === '.ndjson') write(`${JSON.stringify(exchange.document)}\n`);
      else write(`${entries === 0 ? '\n' : ',\n'}${JSON.stringify(harEntry(exchange))}`);
      entries += 1;
    },
    close: async () => {
      if (format === '.har') write('\n]}}\n');
      await queue;
      await file.close().catch((error: unknown) => {
        failure ??= error;
      });
      if (failure !== undefined) throw new OutputError('the recording', path, failure);
    },
  };
}

/** A HAR 1.2 entry; `startedDateTime` is when the response arrived, the time `check` judges it at. */
function harEntry(exchange: RecordedExchange): unknown {
  const url = displayUrl(exchange.url);
  return {
    startedDateTime: new Date(exchange.observedAt).toISOString(),
    time: exchange.waitMs,
    request: {
      method: exchange.method,
      url,
      httpVersion: 'HTTP/1.1',
      headers: exchange.requestHeaders.map(redactedHeader),
      queryString: [...new URL(url).searchParams].map(([name, value]) => ({ name, value })),
      cookies: [],
      headersSize: -1,
      bodySize: -1,
    },
    response: {
      status: exchange.status,
      statusText: exchange.statusText,
      httpVersion: 'HTTP/1.1',
      headers: exchange.responseHeaders.map(redactedHeader),
      cookies: [],
      content: { size: Buffer.byteLength(exchange.body), mimeType: 'application/json', text: exchange.body },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: exchange.waitMs, receive: 0 },
  };
}

function redactedHeader({ name, value }: HeaderPair): HeaderPair {
  return { name, value: isSecretName(name) ? PLACEHOLDER : value };
}
