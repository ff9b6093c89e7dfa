import { pointer } from '../jsonPointer.js';
import { isObject, NO_FINDINGS, sessionsOf } from './_internals/read.js';
import type { Finding, Invariant } from './types.js';

/** No session id repeats, in `session_ids` or in `sessions`. */
export const sessionIdsUnique = {
  id: 'session-ids-unique',
  description: 'No id repeats in `session_ids`, and none in `sessions`.',
  severity: { default: 'error', strict: 'error' },
  evidence: 'Real data: 12/12 Clients; an id names one session (KSUIDs are unique by construction). Error.',
  surfaces: ['bapi'],
  reads: ['/session_ids/*', '/sessions/*/id'],
  dependsOn: [],
  check(client) {
    if (!isObject(client)) return NO_FINDINGS;
    const listed = Array.isArray(client.session_ids) ? client.session_ids : NO_FINDINGS;
    const sessionIds = sessionsOf(client).map((session) => (isObject(session) ? session.id : undefined));
    return [
      ...repeats(listed, (index) => pointer('session_ids', index)),
      ...repeats(sessionIds, (index) => pointer('sessions', index, 'id')),
    ];
  },
} satisfies Invariant;

/** A finding at each repeated occurrence of a string id (the first occurrence is fine). */
function repeats(ids: readonly unknown[], pathAt: (index: number) => string): Finding[] {
  const firstIndex = new Map<string, number>();
  const findings: Finding[] = [];
  ids.forEach((id, index) => {
    if (typeof id !== 'string') return;
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, index);
    else
      findings.push({
        path: pathAt(index),
        message: 'must be unique',
        params: { id, firstAt: pathAt(first) },
      });
  });
  return findings;
}
