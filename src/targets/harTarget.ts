import { createReadStream } from 'node:fs';
import { isObject } from '../jsonValue.js';
import { exchangeItem, headerPairs } from './exchange.js';
import { parseJson } from './parseJson.js';
import { readCapped, readErrorMessage } from './readCapped.js';
import { displayUrl, secretValuesOf } from './secrets.js';
import type { ReadOptions, TargetItem } from './types.js';

/**
 * The Clerk documents recorded in a HAR file (a browser's or proxy's export): each entry whose response body holds
 * a Client or Session of either API (a Frontend API envelope's `response` or piggybacked `client` included), or
 * that answered a Backend API Client or Session path. Other entries are skipped and counted. A document's source
 * names the entry and its request; its observation time is the entry's; its API version is the request's.
 */
export async function* harTarget(
  path: string,
  { maxBytes, timeoutMs, signal }: ReadOptions,
): AsyncGenerator<TargetItem> {
  let text: string;
  try {
    text = await readCapped(createReadStream(path), maxBytes, { timeoutMs, signal });
  } catch (error) {
    yield { kind: 'error', source: path, message: readErrorMessage(error) };
    return;
  }
  const parsed = parseJson(text);
  if (!parsed.ok) {
    yield { kind: 'error', source: path, message: parsed.message };
    return;
  }
  const entries = isObject(parsed.value) && isObject(parsed.value.log) ? parsed.value.log.entries : undefined;
  if (!Array.isArray(entries)) {
    yield { kind: 'error', source: path, message: 'not a HAR file: no log.entries array' };
    return;
  }
  for (const [index, entry] of entries.entries()) yield entryItem(path, index, entry);
}

function entryItem(path: string, index: number, entry: unknown): TargetItem {
  const at = `${path}#/log/entries/${index}`;
  if (!isObject(entry) || !isObject(entry.request) || !isObject(entry.response)) {
    return { kind: 'error', source: at, message: 'not a HAR entry: no request or response' };
  }
  const { request, response } = entry;
  const url = typeof request.url === 'string' ? safeUrl(request.url) : undefined;
  const source = `${at} ${typeof request.method === 'string' ? request.method : 'GET'} ${url ? displayUrl(url) : '(no URL)'}`;
  const content = isObject(response.content) ? response.content : {};
  const body =
    typeof content.text !== 'string'
      ? undefined
      : content.encoding === 'base64'
        ? Buffer.from(content.text, 'base64').toString('utf8')
        : content.text;
  return exchangeItem({
    source,
    url,
    requestHeaders: headerPairs(request.headers),
    status: typeof response.status === 'number' ? response.status : Number.NaN,
    body,
    ...(typeof entry.startedDateTime === 'string' ? { observedAt: Date.parse(entry.startedDateTime) } : {}),
    // The recording holds the credentials it sent: a body that echoes one must not show it in a report.
    secrets: [
      ...secretValuesOf(request.headers),
      ...secretValuesOf(request.queryString),
      ...secretValuesOf(request.cookies, true),
      ...secretValuesOf(response.cookies, true),
    ],
  });
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
