import { isObject, sessionIdsOf } from './_internals/read.js';
import type { Invariant } from './types.js';

/** `last_active_session_id` names one of the Client's sessions. */
export const lastActiveSessionListed = {
  id: 'last-active-session-listed',
  description: '`last_active_session_id` is null or the id of one of `sessions`.',
  severity: { default: 'error', strict: 'error' },
  evidence: 'The design card; real data: 14/14 Clients.',
  check(client) {
    if (!isObject(client) || typeof client.last_active_session_id !== 'string') return [];
    const ids = sessionIdsOf(client);
    if (ids === undefined || ids.includes(client.last_active_session_id)) return [];
    return [
      {
        path: '/last_active_session_id',
        message: 'must be the id of one of sessions',
        params: { id: client.last_active_session_id },
      },
    ];
  },
} satisfies Invariant;
