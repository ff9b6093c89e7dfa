import { pointer } from '../jsonPointer.js';
import { isObject, sessionsOf } from './_internals/read.js';
import type { Invariant } from './types.js';

/** Every session belongs to the Client that lists it. */
export const sessionClientIdMatches = {
  id: 'session-client-id-matches',
  description: 'Every `sessions[].client_id` equals the Client `id`.',
  severity: { default: 'error', strict: 'error' },
  evidence: 'BAPI semantics: a session belongs to one Client.',
  check(client) {
    if (!isObject(client) || typeof client.id !== 'string') return [];
    const clientId = client.id;
    return sessionsOf(client)
      .filter(({ session }) => typeof session.client_id === 'string' && session.client_id !== clientId)
      .map(({ index, session }) => ({
        path: pointer('sessions', index, 'client_id'),
        message: 'must equal the client id',
        params: { expected: clientId, actual: session.client_id },
      }));
  },
} satisfies Invariant;
