import { addFinding, perSession, sessionPath } from './_internals/perSession.js';
import { MAX_MS, MIN_MS } from './_internals/read.js';
import type { Finding, Invariant } from './types.js';

/** Timestamps are milliseconds since the epoch, not seconds or microseconds. */
export const timestampsInMilliseconds = {
  id: 'timestamps-in-milliseconds',
  description:
    'Every timestamp of the Client (`cookie_expires_at` of a Frontend API Client too) and its sessions is in `[1e12, 1e13)`: milliseconds between 2001-09-09 and 2286-11-20.',
  severity: { default: 'error', strict: 'error' },
  evidence:
    'Real 2024-2025 data (every capture), the FAPI spec examples (`1700690400000`) and the SDKs (`new Date(n)`); only 2021-era docs used seconds, which the SDKs would read as 1970. Error.',
  surfaces: ['bapi', 'fapi'],
  reads: [
    '/created_at',
    '/updated_at',
    '/cookie_expires_at',
    '/sessions/*/created_at',
    '/sessions/*/updated_at',
    '/sessions/*/expire_at',
    '/sessions/*/abandon_at',
    '/sessions/*/last_active_at',
  ],
  dependsOn: [],
  // Named reads and paths built only on failure: this rule runs on every Client and stays cheap that way.
  ...perSession(
    (session, _context, index, found) => {
      const { last_active_at: lastActive, expire_at: expire, abandon_at: abandon } = session;
      const { updated_at: updated, created_at: created } = session;
      if (outOfRange(lastActive)) found = add(found, sessionPath(index, 'last_active_at'), lastActive);
      if (outOfRange(expire)) found = add(found, sessionPath(index, 'expire_at'), expire);
      if (outOfRange(abandon)) found = add(found, sessionPath(index, 'abandon_at'), abandon);
      if (outOfRange(updated)) found = add(found, sessionPath(index, 'updated_at'), updated);
      if (outOfRange(created)) found = add(found, sessionPath(index, 'created_at'), created);
      return found;
    },
    (client, _context, found) => {
      if (outOfRange(client.created_at)) found = add(found, '/created_at', client.created_at);
      if (outOfRange(client.updated_at)) found = add(found, '/updated_at', client.updated_at);
      if (outOfRange(client.cookie_expires_at))
        found = add(found, '/cookie_expires_at', client.cookie_expires_at);
      return found;
    },
  ),
} satisfies Invariant;

/** An integer outside the millisecond range; any other value is the schema's finding. */
function outOfRange(value: unknown): boolean {
  return Number.isInteger(value) && ((value as number) < MIN_MS || (value as number) >= MAX_MS);
}

function add(found: Finding[] | undefined, path: string, value: unknown): Finding[] {
  return addFinding(found, {
    path,
    message: 'must be milliseconds since the epoch, in [1e12, 1e13)',
    params: { value },
  });
}
