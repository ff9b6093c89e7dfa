import { listedSessionIdsOf, NO_FINDINGS, sessionIdsInOrder, sessionIdsOf } from './_internals/read.js';
import type { Invariant } from './types.js';

/** `session_ids` lists exactly the ids of `sessions`. */
export const sessionIdsMatchSessions = {
  id: 'session-ids-match-sessions',
  description: '`session_ids` and the ids of `sessions` are the same multiset.',
  severity: { default: 'error', strict: 'error' },
  evidence:
    "Spec: the BAPI `Client` requires both `session_ids` and `sessions` (every dated spec file); `@clerk/backend` exposes both (`Client.sessionIds`, `Client.sessions`), so a consumer reading either must see the same sessions. Real data: no public full BAPI response shows both (the docs' printout has `session_ids` only). Error: two views of one list that disagree mislead every consumer.",
  surfaces: ['bapi'],
  reads: ['/session_ids/*', '/sessions/*/id'],
  dependsOn: ['session-ids-unique', 'id-prefixes'],
  check(client) {
    if (sessionIdsInOrder(client)) return NO_FINDINGS;
    const listed = listedSessionIdsOf(client);
    const actual = sessionIdsOf(client);
    if (listed === undefined || actual === undefined) return NO_FINDINGS;
    const missing = multisetDifference(actual, listed);
    const unexpected = multisetDifference(listed, actual);
    if (missing.length === 0 && unexpected.length === 0) return NO_FINDINGS;
    return [
      {
        path: '/session_ids',
        message: 'must list exactly the ids of sessions',
        params: { missing, unexpected },
      },
    ];
  },
} satisfies Invariant;

/** The elements of `a` left over after removing one occurrence per element of `b`. */
function multisetDifference(a: readonly string[], b: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const id of b) counts.set(id, (counts.get(id) ?? 0) + 1);
  return a.filter((id) => {
    const count = counts.get(id) ?? 0;
    if (count === 0) return true;
    counts.set(id, count - 1);
    return false;
  });
}
