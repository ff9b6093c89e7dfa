import { isObject, NO_FINDINGS, sessionsOf } from './_internals/read.js';
import { SESSION_STATUSES } from './_internals/statuses.js';
import type { Invariant } from './types.js';

/** The last active session is one the user is still signed in to. */
export const lastActiveSessionSignedIn = {
  id: 'last-active-session-signed-in',
  description: "The last active session's status is `active` or `pending`.",
  severity: { default: 'warning', strict: 'error' },
  evidence:
    'Real data: 8/8 Clients; undocumented, and clerk-js tolerates another status (it treats the Client as signed out). Warning by default.',
  surfaces: ['bapi', 'fapi'],
  reads: ['/last_active_session_id', '/sessions/*/id', '/sessions/*/status'],
  dependsOn: ['session-ids-unique', 'last-active-session-listed'],
  check(client) {
    if (!isObject(client) || typeof client.last_active_session_id !== 'string') return NO_FINDINGS;
    const sessions = sessionsOf(client);
    const index = sessions.findIndex(
      (session) => isObject(session) && session.id === client.last_active_session_id,
    );
    const status = (sessions[index] as { status?: unknown } | undefined)?.status;
    // An unknown status is the schema's finding, not this rule's.
    if (typeof status !== 'string' || !SESSION_STATUSES.includes(status)) return NO_FINDINGS;
    if (status === 'active' || status === 'pending') return NO_FINDINGS;
    return [
      {
        path: '/last_active_session_id',
        message: 'must name an active or pending session',
        params: { id: client.last_active_session_id, status, sessionIndex: index },
      },
    ];
  },
} satisfies Invariant;
