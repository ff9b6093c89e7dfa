import { pointer } from '../jsonPointer.js';
import { addFinding } from './_internals/perSession.js';
import { isObject, NO_FINDINGS, sessionsOf } from './_internals/read.js';
import type { Finding, Invariant } from './types.js';

/** The browser's Client carries a token for each session it is signed in to. */
export const activeSessionHasToken = {
  id: 'active-session-has-token',
  description: 'Each `active` session of a Frontend API Client has a `last_active_token`.',
  severity: { default: 'warning', strict: 'error' },
  evidence:
    'Real Frontend API Clients: 7/7 active sessions carry a token (clerk-ios, clerk-fapi-rs, clerk-sdk-flutter captures). Sessions listed by `GET /v1/me/sessions/active` have it null (clerk-ios), so bare Sessions are not checked.',
  surfaces: ['fapi'],
  reads: ['/sessions/*/status', '/sessions/*/last_active_token'],
  dependsOn: [],
  check(client) {
    let found: Finding[] | undefined;
    const sessions = sessionsOf(client);
    for (let index = 0; index < sessions.length; index++) {
      const session = sessions[index];
      if (!isObject(session) || session.status !== 'active' || session.last_active_token !== null) continue;
      found = addFinding(found, {
        path: pointer('sessions', index, 'last_active_token'),
        message: 'must be a token while the session is active',
        params: { id: session.id },
      });
    }
    return found ?? NO_FINDINGS;
  },
} satisfies Invariant;
