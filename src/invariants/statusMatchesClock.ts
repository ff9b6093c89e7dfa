import { addFinding, perSession, sessionPath } from './_internals/perSession.js';
import { isTimestamp } from './_internals/read.js';
import type { Invariant } from './types.js';

/** A session's status agrees with its expiry at the time the response was observed. */
export const statusMatchesClock = {
  id: 'status-matches-clock',
  description:
    'At the observation time `now`: `active`/`pending` sessions have `expire_at > now`; `expired` ones `expire_at <= now + clockSkewMs`. Checked only when `now` is known.',
  severity: { default: 'warning', strict: 'error' },
  evidence:
    'Real data: 4/4 active and 1/1 expired sessions, judged at the time they were recorded; Clerk updates statuses lazily, hence the skew for `expired`. Warning by default.',
  surfaces: ['bapi', 'fapi'],
  reads: ['/sessions/*/status', '/sessions/*/expire_at'],
  dependsOn: ['timestamps-in-milliseconds', 'timestamps-ordered'],
  needsNow: true,
  ...perSession((session, { now, clockSkewMs }, index, found) => {
    const { status, expire_at: expire } = session;
    if (now === undefined || !isTimestamp(expire)) return found;
    const signedIn = status === 'active' || status === 'pending';
    let message: string | undefined;
    if (signedIn && expire <= now) message = `must not be ${status} after expire_at`;
    if (status === 'expired' && expire > now + clockSkewMs) message = 'must not be expired before expire_at';
    if (message === undefined) return found;
    return addFinding(found, {
      path: sessionPath(index, 'status'),
      message,
      params: { status, expire_at: expire, now, clockSkewMs },
    });
  }),
} satisfies Invariant;
