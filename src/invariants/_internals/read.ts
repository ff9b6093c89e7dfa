/**
 * @internal Type-guarded reads of an unchecked Client, so a broken field never cascades into invariant noise.
 * Checks run on every Client of a run: the happy path allocates nothing and returns {@link NO_FINDINGS}.
 */
import type { Finding } from '../types.js';

export type JsonObject = Record<string, unknown>;

/** The shared result of a check that found nothing. */
export const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An integer timestamp; anything else is the schema's business. */
export function isTimestamp(value: unknown): value is number {
  return Number.isInteger(value);
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
