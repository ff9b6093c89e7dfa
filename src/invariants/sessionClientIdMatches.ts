import { pointer } from '../jsonPointer.js';
import { isObject, NO_FINDINGS, sessionsOf } from './_internals/read.js';
import type { Finding, Invariant } from './types.js';

/** Every session belongs to the Client that lists it. */
export const sessionClientIdMatches = {
  id: 'session-client-id-matches',
  description: 'Every `sessions[].client_id` equals the Client `id`.',
  severity: { default: 'error', strict: 'error' },
  evidence:
    'Spec: `Session.client_id` is the Client it belongs to; `GET /v1/sessions?client_id=` lists a Client’s sessions by it. Unverified on real data: the docs’ printouts show Sessions without their Client. Error: a session under the wrong Client is a data leak.',
  surfaces: ['bapi'],
  reads: ['/id', '/sessions/*/client_id'],
  dependsOn: ['id-prefixes'],
  check(client) {
    if (!isObject(client) || typeof client.id !== 'string') return NO_FINDINGS;
    let findings: Finding[] | undefined;
    const sessions = sessionsOf(client);
    for (let index = 0; index < sessions.length; index++) {
      const session = sessions[index];
      if (!isObject(session) || typeof session.client_id !== 'string' || session.client_id === client.id)
        continue;
      findings ??= [];
      findings.push({
        path: pointer('sessions', index, 'client_id'),
        message: 'must equal the client id',
        params: { expected: client.id, actual: session.client_id },
      });
    }
    return findings ?? NO_FINDINGS;
  },
} satisfies Invariant;
