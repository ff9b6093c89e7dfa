import { pointer } from '../jsonPointer.js';
import { isTimestamp, sessionsOf } from './_internals/read.js';
import type { Invariant } from './types.js';

/** A session's status agrees with its expiry at the time the response was observed. */
export const statusMatchesClock = {
  id: 'status-matches-clock',
  description:
    'At the observation time `now`: `active`/`pending` sessions have `expire_at > now`; `expired` ones `expire_at <= now + clockSkewMs`. Checked only when `now` is known.',
  severity: { default: 'warning', strict: 'error' },
  evidence: 'Real data: 4/4 active and 1/1 expired sessions.',
  check(client, { now, clockSkewMs }) {
    if (now === undefined) return [];
    return sessionsOf(client).flatMap(({ index, session }) => {
      const { status, expire_at: expire } = session;
      if (!isTimestamp(expire)) return [];
      const signedIn = status === 'active' || status === 'pending';
      if (signedIn && expire <= now) {
        return [
          {
            path: pointer('sessions', index, 'status'),
            message: `must not be ${status} after expire_at`,
            params: { status, expire_at: expire, now },
          },
        ];
      }
      if (status === 'expired' && expire > now + clockSkewMs) {
        return [
          {
            path: pointer('sessions', index, 'status'),
            message: 'must not be expired before expire_at',
            params: { status, expire_at: expire, now, clockSkewMs },
          },
        ];
      }
      return [];
    });
  },
} satisfies Invariant;
