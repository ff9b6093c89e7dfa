import fc from 'fast-check';
import { expect, test } from 'vitest';
import { sessionIdsMatchSessions } from '../../src/invariants/sessionIdsMatchSessions.js';

/** `a` with one occurrence of each element of `b` taken out, in `a`'s order: the reference multiset difference. */
function without(a: readonly string[], b: readonly string[]): string[] {
  const rest = [...b];
  return a.filter((id) => {
    const at = rest.indexOf(id);
    if (at === -1) return true;
    rest.splice(at, 1);
    return false;
  });
}

test('session-ids-match-sessions reports exactly the multiset differences, repeats and order included', () => {
  const ids = fc.array(fc.constantFrom('sess_a', 'sess_b', 'sess_c'), { maxLength: 6 });
  fc.assert(
    fc.property(ids, ids, (listed, actual) => {
      const client = { session_ids: listed, sessions: actual.map((id) => ({ id })) };
      const missing = without(actual, listed);
      const unexpected = without(listed, actual);
      expect(sessionIdsMatchSessions.check(client)).toEqual(
        missing.length === 0 && unexpected.length === 0
          ? []
          : [
              {
                path: '/session_ids',
                message: 'must list exactly the ids of sessions',
                params: { missing, unexpected },
              },
            ],
      );
    }),
    { numRuns: 2000 },
  );
});
