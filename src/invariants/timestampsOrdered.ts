import { pointer } from '../jsonPointer.js';
import { isObject, isTimestamp, type JsonObject, sessionsOf } from './_internals/read.js';
import type { Finding, Invariant } from './types.js';

type Pair = { earlier: string; later: string; strict: boolean };

const CLIENT_PAIRS: Pair[] = [{ earlier: 'created_at', later: 'updated_at', strict: false }];
const SESSION_PAIRS: Pair[] = [
  { earlier: 'created_at', later: 'updated_at', strict: false },
  { earlier: 'created_at', later: 'expire_at', strict: true },
  { earlier: 'created_at', later: 'abandon_at', strict: true },
];

/** Nothing is updated, expires or is abandoned before it was created. */
export const timestampsOrdered = {
  id: 'timestamps-ordered',
  description:
    'Client `created_at <= updated_at`; each session `created_at <= updated_at`, `created_at < expire_at` and `created_at < abandon_at`.',
  severity: { default: 'error', strict: 'error' },
  evidence: 'Real data: 13/13 Clients, 14/14 and 11/11 sessions.',
  check(client) {
    if (!isObject(client)) return [];
    return [
      ...brokenPairs(client, CLIENT_PAIRS, []),
      ...sessionsOf(client).flatMap(({ index, session }) =>
        brokenPairs(session, SESSION_PAIRS, ['sessions', index]),
      ),
    ];
  },
} satisfies Invariant;

/** A finding at the later field of each pair out of order. */
function brokenPairs(object: JsonObject, pairs: Pair[], at: Array<string | number>): Finding[] {
  return pairs.flatMap(({ earlier, later, strict }) => {
    const from = object[earlier];
    const to = object[later];
    if (!isTimestamp(from) || !isTimestamp(to)) return [];
    if (strict ? from < to : from <= to) return [];
    return [
      {
        path: pointer(...at, later),
        message: `must be ${strict ? 'after' : 'at or after'} ${earlier}`,
        params: { [earlier]: from, [later]: to },
      },
    ];
  });
}
