import { listedSessionIdsOf, NO_FINDINGS, sessionIdsInOrder, sessionIdsOf } from './_internals/read.js';
import type { Invariant } from './types.js';

/** `session_ids` lists the sessions in the order of `sessions`. */
export const sessionIdsOrdered = {
  id: 'session-ids-ordered',
  description: 'When `session_ids` matches `sessions`, `session_ids[i]` is `sessions[i].id`.',
  severity: { default: 'warning', strict: 'error' },
  evidence:
    'Unverified: no public full BAPI response shows more than one session, and no spec or SDK says the order. Warning by default; strict for a faithful emulator.',
  surfaces: ['bapi'],
  reads: ['/session_ids/*', '/sessions/*/id'],
  dependsOn: ['session-ids-unique', 'session-ids-match-sessions'],
  check(client) {
    if (sessionIdsInOrder(client)) return NO_FINDINGS;
    const listed = listedSessionIdsOf(client);
    const actual = sessionIdsOf(client);
    // Only a reordering is this rule's finding; anything else is session-ids-match-sessions'.
    if (listed === undefined || actual === undefined || !sameMultiset(listed, actual)) return NO_FINDINGS;
    const index = listed.findIndex((id, i) => id !== actual[i]);
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
