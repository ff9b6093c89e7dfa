import { pointer } from '../jsonPointer.js';
import { isObject, isTimestamp, NO_FINDINGS, sessionsOf } from './_internals/read.js';
import type { Finding, Invariant } from './types.js';

/** Nothing is updated, expires or is abandoned before it was created. */
export const timestampsOrdered = {
  id: 'timestamps-ordered',
  description:
    'Client `created_at <= updated_at`; each session `created_at <= updated_at`, `created_at < expire_at` and `created_at < abandon_at`.',
  severity: { default: 'error', strict: 'error' },
  evidence: 'Real data: 13/13 Clients, 14/14 and 11/11 sessions.',
  check(client) {
    if (!isObject(client)) return NO_FINDINGS;
    let found = afterCreation(
      undefined,
      client.created_at,
      client.updated_at,
      'updated_at',
      false,
      undefined,
    );
    const sessions = sessionsOf(client);
    for (let index = 0; index < sessions.length; index++) {
      const session = sessions[index];
      if (!isObject(session)) continue;
      const created = session.created_at;
      found = afterCreation(found, created, session.updated_at, 'updated_at', false, index);
      found = afterCreation(found, created, session.expire_at, 'expire_at', true, index);
      found = afterCreation(found, created, session.abandon_at, 'abandon_at', true, index);
    }
    return found ?? NO_FINDINGS;
  },
} satisfies Invariant;

/**
 * Adds a finding at `field` (of the Client, or of session `sessionIndex`) when it comes before `created_at`, or
 * equals it when `strict`. Non-timestamps are the schema's finding; the path is built only on failure, since this
 * rule runs on every Client.
 */
function afterCreation(
  found: Finding[] | undefined,
  created: unknown,
  later: unknown,
  field: string,
  strict: boolean,
  sessionIndex: number | undefined,
): Finding[] | undefined {
  if (!isTimestamp(created) || !isTimestamp(later) || (strict ? created < later : created <= later))
    return found;
  const path = sessionIndex === undefined ? pointer(field) : pointer('sessions', sessionIndex, field);
  const finding = {
    path,
    message: `must be ${strict ? 'after' : 'at or after'} created_at`,
    params: { created_at: created, [field]: later },
  };
  // One array per Client, appended to: copying it per finding made a Client with many broken sessions quadratic.
  if (found === undefined) return [finding];
  found.push(finding);
  return found;
}
