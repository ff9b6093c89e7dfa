import { pointer } from '../jsonPointer.js';
import { isObject, type JsonObject } from '../jsonValue.js';
import { WEBHOOK_SESSION_EVENTS } from '../schema/derived/index.js';
import type { SubjectKind } from './subjectKinds.js';

/** One object to check, where it stands in its document (a JSON Pointer, '' for the whole document). */
export type Subject = { kind: SubjectKind; at: string; value: unknown };

/** What a document holds: the objects to check, or why it holds none that can be checked. */
export type DocumentContents = { subjects: Subject[] } | { error: string };

/** Fields only a Backend API Client has, and fields only a Frontend API Client has. */
const BAPI_CLIENT_FIELDS = ['session_ids', 'sign_in_id', 'sign_up_id'];
const FAPI_CLIENT_FIELDS = ['sign_in', 'sign_up', 'cookie_expires_at', 'captcha_bypass'];
const BAPI_SESSION_FIELDS = ['client_id', 'user_id'];
const FAPI_SESSION_FIELDS = ['public_user_data', 'last_active_token', 'factor_verification_age'];

/**
 * The Clients and Sessions of a document, recognised from the document itself: a bare object, an array or a
 * paginated list (`{data, total_count}`) of them, a `session.*` webhook event, or a Frontend API envelope
 * (`{response, client}`), or lists of these. `kind` forces what each object whose kind its fields decide is judged
 * as; the slots of envelopes and events keep the kind their position gives.
 */
export function subjectsOf(document: unknown, kind?: SubjectKind): DocumentContents {
  if (isObject(document) && isObject(document.log) && Array.isArray(document.log.entries))
    return { error: 'a HAR recording: name the file .har to check its entries' };
  if (isObject(document) && isClerkError(document))
    return { error: `a Clerk error response${errorCode(document)}, not a document to check` };
  if (Array.isArray(document)) return { subjects: itemsOf(document, [], kind) };
  if (isObject(document) && isPaginatedList(document))
    return { subjects: itemsOf(document.data, ['data'], kind) };
  return { subjects: contained(document, [], kind) };
}

/** True when a document holds something to check (how a HAR entry is told apart from other traffic). */
export function holdsSubjects(document: unknown): boolean {
  const contents = subjectsOf(document);
  if ('error' in contents || contents.subjects.length === 0) return false;
  // An envelope's or event's slots are Clerk objects by position, whatever they hold (a broken one included).
  if (isObject(document) && (isEnvelope(document) || isSessionEvent(document))) return true;
  return contents.subjects.every(
    ({ value }) => isObject(value) && (value.object === 'client' || value.object === 'session'),
  );
}

/** The items of a list, each unwrapped if it is an envelope or an event itself. */
function itemsOf(
  items: readonly unknown[],
  at: ReadonlyArray<string | number>,
  kind: SubjectKind | undefined,
): Subject[] {
  return items.flatMap((item, index) => contained(item, [...at, index], kind));
}

/**
 * The objects of one value: a Frontend API envelope's `response` and `client`, a `session.*` event's `data` (their
 * kinds known by position), or else the value itself, its kind recognised from its fields unless `kind` forces it.
 */
function contained(
  value: unknown,
  at: ReadonlyArray<string | number>,
  kind: SubjectKind | undefined,
): Subject[] {
  if (isObject(value) && isEnvelope(value)) return envelopeSubjects(value, at);
  if (isObject(value) && value.object === 'event')
    return isSessionEvent(value) ? [{ kind: 'webhook', at: pointer(...at, 'data'), value: value.data }] : [];
  return [subject(value, at, kind)];
}

function subject(
  value: unknown,
  tokens: ReadonlyArray<string | number>,
  kind: SubjectKind | undefined,
): Subject {
  return { kind: kind ?? kindOf(value), at: pointer(...tokens), value };
}

/** A Session or a Client of either API by the fields only one has; anything else is judged as the contract's Client. */
function kindOf(value: unknown): SubjectKind {
  if (!isObject(value)) return 'client';
  if (value.object === 'session' || (value.object === undefined && looksLikeSession(value))) {
    if (hasAny(value, BAPI_SESSION_FIELDS)) return 'session';
    return hasAny(value, FAPI_SESSION_FIELDS) ? 'fapi-session' : 'session';
  }
  if (hasAny(value, BAPI_CLIENT_FIELDS)) return 'client';
  // A Frontend API Client that lost its `object` is still one: only its own fields decide.
  const fapi = (value.object === 'client' || value.object === undefined) && hasAny(value, FAPI_CLIENT_FIELDS);
  return fapi ? 'fapi-client' : 'client';
}

/** A Session that lost its `object` (an SDK's printout): a session's own ids, and no sessions of its own. */
function looksLikeSession(value: JsonObject): boolean {
  return hasAny(value, BAPI_SESSION_FIELDS) && !hasAny(value, ['sessions', 'session_ids']);
}

function hasAny(value: JsonObject, fields: readonly string[]): boolean {
  return fields.some((field) => Object.hasOwn(value, field));
}

function isPaginatedList(value: JsonObject): value is { data: unknown[]; total_count: number } {
  return (
    Array.isArray(value.data) && typeof value.total_count === 'number' && !Object.hasOwn(value, 'object')
  );
}

/** Clerk's error body: `{ errors: [{ message, code, … }] }`. */
function isClerkError(value: JsonObject): boolean {
  return Array.isArray(value.errors) && !Object.hasOwn(value, 'object');
}

function errorCode(value: JsonObject): string {
  const first = Array.isArray(value.errors) ? value.errors[0] : undefined;
  return isObject(first) && typeof first.code === 'string' ? ` (${JSON.stringify(first.code)})` : '';
}

/** The Frontend API's `{response, client}`: `response` is the requested resource, `client` the current Client. */
function isEnvelope(value: JsonObject): boolean {
  return (
    Object.hasOwn(value, 'response') && Object.hasOwn(value, 'client') && !Object.hasOwn(value, 'object')
  );
}

function envelopeSubjects({ response, client }: JsonObject, at: ReadonlyArray<string | number>): Subject[] {
  const subjects: Subject[] = [];
  if (isObject(response) && (response.object === 'client' || response.object === 'session')) {
    const kind = response.object === 'client' ? 'fapi-client' : 'fapi-session';
    subjects.push({ kind, at: pointer(...at, 'response'), value: response });
  }
  if (client !== null) subjects.push({ kind: 'fapi-client', at: pointer(...at, 'client'), value: client });
  return subjects;
}

/** A `session.*` event, whose `data` is a Session; other events hold no Client or Session. */
function isSessionEvent(value: JsonObject): boolean {
  return value.object === 'event' && (WEBHOOK_SESSION_EVENTS as readonly unknown[]).includes(value.type);
}
