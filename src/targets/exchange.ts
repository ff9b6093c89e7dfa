import { holdsSubjects } from '../documents/subjectsOf.js';
import { isObject } from '../jsonValue.js';
import { parseJson } from './parseJson.js';
import { redactDocument } from './secrets.js';
import type { TargetItem } from './types.js';

/** Backend API paths whose 200 responses are Clients, Sessions or lists of them, whatever their body looks like. */
const BACKEND_API_PATH = /\/v1\/(?:clients(?:\/verify|\/[^/]+)?|sessions(?:\/[^/]+(?:\/revoke)?)?)\/?$/;
/** Frontend API paths: every answer is JSON (most piggyback the Client), so an unreadable body is an error. */
const FRONTEND_API_PATH = /\/v1\/(?:client|me)(?:\/|$)/;

/** A `{ name, value }` header, as HAR records them. */
export type HeaderPair = { name: string; value: string };

/** One HTTP exchange, recorded (a HAR entry) or seen live (the proxy): what decides whether it holds a document. */
export type Exchange = {
  /** How reports name it. */
  source: string;
  /** The request's URL, when it parses. */
  url: URL | undefined;
  requestHeaders: readonly HeaderPair[];
  status: number;
  /** The response body as text (decoded), or undefined when it was not recorded. */
  body: string | undefined;
  /** When the response arrived (ms since the epoch), when known. */
  observedAt?: number;
  /** The credentials the exchange carried: a body that echoes one is redacted before it is checked. */
  secrets: readonly string[];
};

/** True when a request path is a Clerk API path whose answer is always JSON. */
export function isClerkApiPath(pathname: string): boolean {
  return BACKEND_API_PATH.test(pathname) || FRONTEND_API_PATH.test(pathname);
}

/**
 * The item an exchange yields: a document when its 200 response holds a Client or Session of either API (a Frontend
 * API envelope's `response` or piggybacked `client` included) or answered a Backend API Client or Session path,
 * judged at its time and under the API version its request asked for; an error when a Clerk API path answered
 * 200 with a body that is not JSON; else skipped.
 */
export function exchangeItem({
  source,
  url,
  requestHeaders,
  status,
  body,
  observedAt,
  secrets,
}: Exchange): TargetItem {
  if (status !== 200) return { kind: 'skipped', source, reason: `status ${String(status)}` };
  if (body === undefined) return { kind: 'skipped', source, reason: 'no response body recorded' };
  const backendPath = url !== undefined && BACKEND_API_PATH.test(url.pathname);
  const parsed = parseJson(body);
  if (!parsed.ok) {
    const clerkPath = url !== undefined && isClerkApiPath(url.pathname);
    return clerkPath ? { kind: 'error', source, message: `response body: ${parsed.message}` } : skip(source);
  }
  if (!backendPath && !holdsSubjects(parsed.value)) return skip(source);
  const value = redactDocument(body, parsed.value, secrets);
  const apiVersion = apiVersionOf(requestHeaders, url);
  return {
    kind: 'document',
    source,
    value,
    ...(observedAt !== undefined && Number.isFinite(observedAt) ? { observedAt } : {}),
    ...(apiVersion === undefined ? {} : { apiVersion }),
  };
}

function skip(source: string): TargetItem {
  return { kind: 'skipped', source, reason: 'not a Clerk Client or Session response' };
}

/** The version a request asked for: the Backend API's `Clerk-API-Version` header, the Frontend API's query. */
function apiVersionOf(headers: readonly HeaderPair[], url: URL | undefined): string | undefined {
  const header = headers.find((pair) => pair.name.toLowerCase() === 'clerk-api-version');
  return header?.value ?? url?.searchParams.get('__clerk_api_version') ?? undefined;
}

/** The `{ name, value }` pairs of a HAR list, leaving out anything else. */
export function headerPairs(pairs: unknown): HeaderPair[] {
  if (!Array.isArray(pairs)) return [];
  return pairs.filter(
    (pair): pair is HeaderPair =>
      isObject(pair) && typeof pair.name === 'string' && typeof pair.value === 'string',
  );
}
