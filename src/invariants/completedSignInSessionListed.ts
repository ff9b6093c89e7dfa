import { pointer } from '../jsonPointer.js';
import { addFinding } from './_internals/perSession.js';
import { isObject, NO_FINDINGS, sessionIdsOf } from './_internals/read.js';
import type { Finding, Invariant } from './types.js';

/** A sign-in or sign-up that completed made a session, and the Client holds it. */
export const completedSignInSessionListed = {
  id: 'completed-sign-in-session-listed',
  description:
    'When `sign_in` or `sign_up` has status `complete`, its `created_session_id` is the id of one of `sessions`.',
  severity: { default: 'warning', strict: 'warning' },
  evidence:
    'Real Frontend API Clients: 1/1 (clerk-sdk-flutter capture). A session removed by a later sign-out leaves the Client, so it is never an error.',
  surfaces: ['fapi'],
  reads: [
    '/sign_in/status',
    '/sign_in/created_session_id',
    '/sign_up/status',
    '/sign_up/created_session_id',
    '/sessions/*/id',
  ],
  dependsOn: [],
  check(client) {
    if (!isObject(client)) return NO_FINDINGS;
    const ids = sessionIdsOf(client);
    if (ids === undefined) return NO_FINDINGS;
    let found: Finding[] | undefined;
    for (const attempt of ['sign_in', 'sign_up'] as const) {
      const value = client[attempt];
      if (!isObject(value) || value.status !== 'complete') continue;
      const created = value.created_session_id;
      if (typeof created !== 'string' || ids.includes(created)) continue;
      found = addFinding(found, {
        path: pointer(attempt, 'created_session_id'),
        message: 'must be the id of one of sessions',
        params: { id: created },
      });
    }
    return found ?? NO_FINDINGS;
  },
} satisfies Invariant;
