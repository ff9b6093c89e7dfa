import { createReadStream } from 'node:fs';
import { holdsSubjects } from '../documents/subjectsOf.js';
import { isObject, type JsonObject } from '../jsonValue.js';
import { parseJson } from './parseJson.js';
import { readCapped, readErrorMessage } from './readCapped.js';
import { displayUrl, redactDocument, secretValuesOf } from './secrets.js';
import type { ReadOptions, TargetItem } from './types.js';

/** Backend API paths whose 200 responses are Clients, Sessions or lists of them, whatever their body looks like. */
const BACKEND_API_PATH = /\/v1\/(?:clients(?:\/verify|\/[^/]+)?|sessions(?:\/[^/]+(?:\/revoke)?)?)\/?$/;
/** Frontend API paths: every answer is JSON (most piggyback the Client), so an unreadable body is an error. */
const FRONTEND_API_PATH = /\/v1\/(?:client|me)(?:\/|$)/;

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
  const backendPath = url !== undefined && BACKEND_API_PATH.test(url.pathname);
  if (response.status !== 200)
    return { kind: 'skipped', source, reason: `status ${String(response.status)}` };
  const content = isObject(response.content) ? response.content : {};
  if (typeof content.text !== 'string')
    return { kind: 'skipped', source, reason: 'no response body recorded' };
  const body =
    content.encoding === 'base64' ? Buffer.from(content.text, 'base64').toString('utf8') : content.text;
  const parsed = parseJson(body);
  if (!parsed.ok) {
    const clerkPath = backendPath || (url !== undefined && FRONTEND_API_PATH.test(url.pathname));
    return clerkPath ? { kind: 'error', source, message: `response body: ${parsed.message}` } : skip(source);
  }
  if (!backendPath && !holdsSubjects(parsed.value)) return skip(source);
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
  const apiVersion = apiVersionOf(request, url);
  return {
    kind: 'document',
    source,
    value,
    ...(Number.isFinite(observedAt) ? { observedAt } : {}),
    ...(apiVersion === undefined ? {} : { apiVersion }),
  };
}

function skip(source: string): TargetItem {
  return { kind: 'skipped', source, reason: 'not a Clerk Client or Session response' };
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** The version a request asked for: the Backend API's `Clerk-API-Version` header, the Frontend API's query. */
function apiVersionOf(request: JsonObject, url: URL | undefined): string | undefined {
  const headers = Array.isArray(request.headers) ? request.headers : [];
  for (const header of headers) {
    if (
      isObject(header) &&
      typeof header.name === 'string' &&
      header.name.toLowerCase() === 'clerk-api-version' &&
      typeof header.value === 'string'
    )
      return header.value;
  }
  return url?.searchParams.get('__clerk_api_version') ?? undefined;
}
