import { pointer } from '../jsonPointer.js';
import { isObject, sessionsOf } from './_internals/read.js';
import type { Finding, Invariant } from './types.js';

/** No session id repeats, in `session_ids` or in `sessions`. */
export const sessionIdsUnique = {
  id: 'session-ids-unique',
  description: 'No id repeats in `session_ids`, and none in `sessions`.',
  severity: { default: 'error', strict: 'error' },
  evidence: 'Real data: 12/12 Clients.',
  check(client) {
    if (!isObject(client)) return [];
    const findings: Finding[] = [];
    if (Array.isArray(client.session_ids)) {
      findings.push(
        ...repeats(client.session_ids.map((id, index) => ({ id, path: pointer('session_ids', index) }))),
      );
    }
    const sessions = sessionsOf(client).map(({ index, session }) => ({
      id: session.id,
      path: pointer('sessions', index, 'id'),
    }));
    findings.push(...repeats(sessions));
    return findings;
  },
} satisfies Invariant;

/** A finding at each repeated occurrence of a string id (the first occurrence is fine). */
function repeats(entries: Array<{ id: unknown; path: string }>): Finding[] {
  const firstAt = new Map<string, string>();
  const findings: Finding[] = [];
  for (const { id, path } of entries) {
    if (typeof id !== 'string') continue;
    const first = firstAt.get(id);
    if (first === undefined) firstAt.set(id, path);
    else findings.push({ path, message: 'must be unique', params: { id, firstAt: first } });
  }
  return findings;
}
