import { pointer } from '../jsonPointer.js';
import { addFinding } from './_internals/perSession.js';
import { isMillisecondTimestamp, isObject, NO_FINDINGS, sessionsOf } from './_internals/read.js';
import type { Finding, Invariant } from './types.js';

/** A session is made on a Client that already exists. */
export const sessionsAfterClient = {
  id: 'sessions-after-client',
  description:
    "Each session of a Frontend API Client has `created_at >= ` the Client's `created_at - clockSkewMs`.",
  severity: { default: 'warning', strict: 'error' },
  evidence: 'Real Frontend API Clients: 7/7 sessions (clerk-ios, clerk-fapi-rs, clerk-sdk-flutter captures).',
  surfaces: ['fapi'],
  reads: ['/created_at', '/sessions/*/created_at'],
  dependsOn: ['timestamps-in-milliseconds', 'timestamps-ordered'],
  check(client, { clockSkewMs }) {
    if (!isObject(client) || !isMillisecondTimestamp(client.created_at)) return NO_FINDINGS;
    const earliest = client.created_at - clockSkewMs;
    let found: Finding[] | undefined;
    const sessions = sessionsOf(client);
    for (let index = 0; index < sessions.length; index++) {
      const session = sessions[index];
      // A time in seconds is timestamps-in-milliseconds' finding, not a session older than its Client.
      if (!isObject(session) || !isMillisecondTimestamp(session.created_at) || session.created_at >= earliest)
        continue;
      found = addFinding(found, {
        path: pointer('sessions', index, 'created_at'),
        message: `must not be more than ${clockSkewMs} ms before the client's created_at`,
        params: { client_created_at: client.created_at, created_at: session.created_at, clockSkewMs },
      });
    }
    return found ?? NO_FINDINGS;
  },
} satisfies Invariant;
