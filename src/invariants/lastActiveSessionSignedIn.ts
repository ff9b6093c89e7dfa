import { isObject, sessionsOf } from './_internals/read.js';
import { SESSION_STATUSES } from './_internals/statuses.js';
import type { Invariant } from './types.js';

const SIGNED_IN = ['active', 'pending'];

/** The last active session is one the user is still signed in to. */
export const lastActiveSessionSignedIn = {
  id: 'last-active-session-signed-in',
  description: "The last active session's status is `active` or `pending`.",
  severity: { default: 'warning', strict: 'error' },
  evidence: 'Real data: 8/8 Clients. Undocumented; clerk-js tolerates other statuses.',
  check(client) {
    if (!isObject(client) || typeof client.last_active_session_id !== 'string') return [];
    const found = sessionsOf(client).find(({ session }) => session.id === client.last_active_session_id);
    const status = found?.session.status;
    // An unknown status is the schema's finding, not this rule's.
    if (found === undefined || typeof status !== 'string' || !SESSION_STATUSES.includes(status)) return [];
    if (SIGNED_IN.includes(status)) return [];
    return [
      {
        path: '/last_active_session_id',
        message: 'must name an active or pending session',
        params: { id: client.last_active_session_id, status, sessionIndex: found.index },
      },
    ];
  },
} satisfies Invariant;
