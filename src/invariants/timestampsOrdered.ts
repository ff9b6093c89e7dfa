import { addFinding, perSession, sessionPath } from './_internals/perSession.js';
import { isTimestamp } from './_internals/read.js';
import type { Finding, Invariant } from './types.js';

/** Nothing is updated, expires or is abandoned before it was created. */
export const timestampsOrdered = {
  id: 'timestamps-ordered',
  description:
    'Client `created_at <= updated_at`; each session `created_at <= updated_at`, `created_at < expire_at` and `created_at < abandon_at`.',
  severity: { default: 'error', strict: 'error' },
  evidence:
    'Real data: 13/13 Clients, 14/14 and 11/11 sessions; the SDKs build `Date`s and compare them. Error.',
  surfaces: ['bapi', 'fapi'],
  reads: [
    '/created_at',
    '/updated_at',
    '/sessions/*/created_at',
    '/sessions/*/updated_at',
    '/sessions/*/expire_at',
    '/sessions/*/abandon_at',
  ],
  dependsOn: ['timestamps-in-milliseconds'],
  ...perSession(
    (session, _context, index, found) => {
      const created = session.created_at;
      found = afterCreation(found, created, session.updated_at, 'updated_at', false, index);
      found = afterCreation(found, created, session.expire_at, 'expire_at', true, index);
      return afterCreation(found, created, session.abandon_at, 'abandon_at', true, index);
    },
    (client, _context, found) =>
      afterCreation(found, client.created_at, client.updated_at, 'updated_at', false, undefined),
  ),
} satisfies Invariant;

/**
 * Adds a finding at `field` when it comes before `created_at`, or equals it when `strict`. Non-timestamps are the
 * schema's finding; the path is built only on failure, since this rule runs on every Client.
 */
function afterCreation(
  found: Finding[] | undefined,
  created: unknown,
  later: unknown,
  field: string,
  strict: boolean,
  sessionIndex: number | undefined,
): Finding[] | undefined {
  if (!isTimestamp(created) || !isTimestamp(later) || (strict ? created < later : created <= later))
    return found;
  return addFinding(found, {
    path: sessionPath(sessionIndex, field),
    message: `must be ${strict ? 'after' : 'at or after'} created_at`,
    params: { created_at: created, [field]: later },
  });
}
