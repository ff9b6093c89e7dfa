import { pointer } from '../jsonPointer.js';
import { isObject, isTimestamp, NO_FINDINGS, sessionsOf } from './_internals/read.js';
import type { Finding, Invariant } from './types.js';

/** Nothing is updated, expires or is abandoned before it was created. */
export const timestampsOrdered = {
  id: 'timestamps-ordered',
  description:
    'Client `created_at <= updated_at`; each session `created_at <= updated_at`, `created_at < expire_at` and `created_at < abandon_at`.',
  severity: { default: 'error', strict: 'error' },
  evidence: 'Real data: 13/13 Clients, 14/14 and 11/11 sessions.',
  check(client) {
    if (!isObject(client)) return NO_FINDINGS;
    let found: Finding[] | undefined;
    const { created_at: created, updated_at: updated } = client;
    if (outOfOrder(created, updated, false))
      found = add(found, '/updated_at', 'created_at', created, 'updated_at', updated);
    const sessions = sessionsOf(client);
    for (let index = 0; index < sessions.length; index++) {
      const session = sessions[index];
      if (!isObject(session)) continue;
      // Named reads and paths built only on failure: this rule runs on every Client and stays cheap that way.
      const { created_at: start, updated_at: update, expire_at: expire, abandon_at: abandon } = session;
      if (outOfOrder(start, update, false))
        found = add(
          found,
          pointer('sessions', index, 'updated_at'),
          'created_at',
          start,
          'updated_at',
          update,
        );
      if (outOfOrder(start, expire, true))
        found = add(found, pointer('sessions', index, 'expire_at'), 'created_at', start, 'expire_at', expire);
      if (outOfOrder(start, abandon, true))
        found = add(
          found,
          pointer('sessions', index, 'abandon_at'),
          'created_at',
          start,
          'abandon_at',
          abandon,
        );
    }
    return found ?? NO_FINDINGS;
  },
} satisfies Invariant;

/** Both are timestamps and `later` comes before `earlier` (or equals it, when `strict`). */
function outOfOrder(earlier: unknown, later: unknown, strict: boolean): boolean {
  if (!isTimestamp(earlier) || !isTimestamp(later)) return false;
  return strict ? earlier >= later : earlier > later;
}

function add(
  found: Finding[] | undefined,
  path: string,
  earlierName: string,
  earlier: unknown,
  laterName: string,
  later: unknown,
): Finding[] {
  const strict = laterName !== 'updated_at';
  const finding = {
    path,
    message: `must be ${strict ? 'after' : 'at or after'} ${earlierName}`,
    params: { [earlierName]: earlier, [laterName]: later },
  };
  return [...(found ?? []), finding];
}
