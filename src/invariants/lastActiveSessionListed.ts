import { isObject, NO_FINDINGS, sessionsOf } from './_internals/read.js';
import type { Invariant } from './types.js';

/** `last_active_session_id` names one of the Client's sessions. */
export const lastActiveSessionListed = {
  id: 'last-active-session-listed',
  description: '`last_active_session_id` is null or the id of one of `sessions`.',
  severity: { default: 'error', strict: 'error' },
  evidence:
    'Real data: 14/14 Clients (FAPI and BAPI printouts); `@clerk/clerk-js` looks the id up in `sessions` to set the active session. Error.',
  surfaces: ['bapi', 'fapi'],
  reads: ['/last_active_session_id', '/sessions/*/id'],
  dependsOn: ['session-ids-unique', 'id-prefixes'],
  check(client) {
    if (
      !isObject(client) ||
      typeof client.last_active_session_id !== 'string' ||
      !Array.isArray(client.sessions)
    ) {
      return NO_FINDINGS;
    }
    const id = client.last_active_session_id;
    for (const session of sessionsOf(client)) {
      // A malformed session leaves the set of ids unknown: the schema reports it.
      if (!isObject(session) || typeof session.id !== 'string' || session.id === id) return NO_FINDINGS;
    }
    return [
      { path: '/last_active_session_id', message: 'must be the id of one of sessions', params: { id } },
    ];
  },
} satisfies Invariant;
