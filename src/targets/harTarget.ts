import { createReadStream } from 'node:fs';
import { isObject } from '../invariants/_internals/read.js';
import { parseJson } from './parseJson.js';
import { readCapped, readErrorMessage } from './readCapped.js';
import { displayUrl, redactDocument, secretValuesOf } from './secrets.js';
import type { ReadOptions, TargetItem } from './types.js';

/** Backend API paths whose 200 responses are Clients or lists of them. */
const CLIENT_PATH = /\/v1\/clients(?:\/verify|\/[^/]+)?\/?$/;

/**
 * The Client responses recorded in a HAR file (a browser's or proxy's export): each entry whose response body is a
 * Client, a list or a paginated list of them, or that answered a Backend API Client path. Other entries are skipped
 * and counted. A document's source names the entry and its request; its observation time is the entry's.
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
  const clientPath = url !== undefined && CLIENT_PATH.test(url.pathname);
  if (response.status !== 200)
    return { kind: 'skipped', source, reason: `status ${String(response.status)}` };
  const content = isObject(response.content) ? response.content : {};
  if (typeof content.text !== 'string')
    return { kind: 'skipped', source, reason: 'no response body recorded' };
  const body =
    content.encoding === 'base64' ? Buffer.from(content.text, 'base64').toString('utf8') : content.text;
  const parsed = parseJson(body);
  if (!parsed.ok) {
    return clientPath ? { kind: 'error', source, message: `response body: ${parsed.message}` } : skip(source);
  }
  if (!clientPath && !looksLikeClients(parsed.value)) return skip(source);
  const observedAt =
    typeof entry.startedDateTime === 'string' ? Date.parse(entry.startedDateTime) : Number.NaN;
  // The recording holds the credentials it sent: a body that echoes one must not show it in a report.
  const secrets = [
    ...secretValuesOf(request.headers),
    ...secretValuesOf(request.queryString),
    ...secretValuesOf(request.cookies, true),
    ...secretValuesOf(response.cookies, true),
  ];
  const value = redactDocument(body, parsed.value, secrets);
  return Number.isFinite(observedAt)
    ? { kind: 'document', source, value, observedAt }
    : { kind: 'document', source, value };
}

function skip(source: string): TargetItem {
  return { kind: 'skipped', source, reason: 'not a Clerk Client response' };
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** A Client, a non-empty array of Clients, or a paginated list of Clients. */
function looksLikeClients(value: unknown): boolean {
  const isClient = (item: unknown) => isObject(item) && item.object === 'client';
  if (isClient(value)) return true;
  if (Array.isArray(value)) return value.length > 0 && value.every(isClient);
  return isObject(value) && Array.isArray(value.data) && value.data.length > 0 && value.data.every(isClient);
}
