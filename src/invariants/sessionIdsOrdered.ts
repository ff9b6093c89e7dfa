import { listedSessionIdsOf, sessionIdsOf } from './_internals/read.js';
import type { Invariant } from './types.js';

/** `session_ids` lists the sessions in the order of `sessions`. */
export const sessionIdsOrdered = {
  id: 'session-ids-ordered',
  description: 'When `session_ids` matches `sessions`, `session_ids[i]` is `sessions[i].id`.',
  severity: { default: 'warning', strict: 'error' },
  evidence: 'Unverified: no public full BAPI response shows more than one session.',
  check(client) {
    const listed = listedSessionIdsOf(client);
    const actual = sessionIdsOf(client);
    if (listed === undefined || actual === undefined || !sameMultiset(listed, actual)) return [];
    const index = listed.findIndex((id, i) => id !== actual[i]);
    if (index === -1) return [];
    return [
      {
        path: '/session_ids',
        message: 'must be in the order of sessions',
        params: { index, expected: actual[index], actual: listed[index] },
      },
    ];
  },
} satisfies Invariant;

function sameMultiset(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
}
