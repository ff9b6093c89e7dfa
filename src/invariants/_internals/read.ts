/**
 * @internal Type-guarded reads of an unchecked Client, so a broken field never cascades into invariant noise.
 * Checks run on every Client of a run: the happy path allocates nothing and returns {@link NO_FINDINGS}.
 */
import { isObject, type JsonObject } from '../../jsonValue.js';
import type { Finding } from '../types.js';

export { isObject, type JsonObject };

/** The shared result of a check that found nothing. */
export const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

/** An integer timestamp; anything else is the schema's business. */
export function isTimestamp(value: unknown): value is number {
  return Number.isInteger(value);
}

/** 1e12 ms is 2001-09-09 and 1e13 ms is 2286-11-20: seconds fall below, microseconds above. */
export const MIN_MS = 1e12;
export const MAX_MS = 1e13;

/** A timestamp in milliseconds; one in seconds or microseconds is `timestamps-in-milliseconds`' finding. */
export function isMillisecondTimestamp(value: unknown): value is number {
  return isTimestamp(value) && value >= MIN_MS && value < MAX_MS;
}

/** `client.sessions` when it is an array (its items may be anything), else an empty list. */
export function sessionsOf(client: unknown): readonly unknown[] {
  return isObject(client) && Array.isArray(client.sessions) ? client.sessions : NO_FINDINGS;
}

/**
 * The ids of `sessions`, or undefined when any session or id is malformed (the schema reports that, and the
 * set of ids is then unknown).
 */
export function sessionIdsOf(client: unknown): string[] | undefined {
  if (!isObject(client) || !Array.isArray(client.sessions)) return undefined;
  const ids: string[] = [];
  for (const session of client.sessions) {
    if (!isObject(session) || typeof session.id !== 'string') return undefined;
    ids.push(session.id);
  }
  return ids;
}

/** `session_ids` when it is an array of strings, else undefined. */
export function listedSessionIdsOf(client: unknown): string[] | undefined {
  if (!isObject(client) || !Array.isArray(client.session_ids)) return undefined;
  for (const id of client.session_ids) if (typeof id !== 'string') return undefined;
  return client.session_ids as string[];
}

/** True when `session_ids` lists the ids of `sessions` in order: the common case, checked without allocating. */
export function sessionIdsInOrder(client: unknown): boolean {
  if (!isObject(client) || !Array.isArray(client.session_ids) || !Array.isArray(client.sessions))
    return false;
  const { session_ids: listed, sessions } = client;
  if (listed.length !== sessions.length) return false;
  for (let i = 0; i < listed.length; i++) {
    const session = sessions[i];
    if (typeof listed[i] !== 'string' || !isObject(session) || session.id !== listed[i]) return false;
  }
  return true;
}
