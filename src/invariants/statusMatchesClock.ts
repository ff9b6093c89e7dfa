import { pointer } from '../jsonPointer.js';
import { isObject, isTimestamp, NO_FINDINGS, sessionsOf } from './_internals/read.js';
import type { Finding, Invariant } from './types.js';

/** A session's status agrees with its expiry at the time the response was observed. */
export const statusMatchesClock = {
  id: 'status-matches-clock',
  description:
    'At the observation time `now`: `active`/`pending` sessions have `expire_at > now`; `expired` ones `expire_at <= now + clockSkewMs`. Checked only when `now` is known.',
  severity: { default: 'warning', strict: 'error' },
  evidence: 'Real data: 4/4 active and 1/1 expired sessions.',
  needsNow: true,
  check(client, { now, clockSkewMs }) {
    if (now === undefined) return NO_FINDINGS;
    let findings: Finding[] | undefined;
    const sessions = sessionsOf(client);
    for (let index = 0; index < sessions.length; index++) {
      const session = sessions[index];
      if (!isObject(session) || !isTimestamp(session.expire_at)) continue;
      const { status, expire_at: expire } = session;
      const signedIn = status === 'active' || status === 'pending';
      let message: string | undefined;
      if (signedIn && expire <= now) message = `must not be ${status} after expire_at`;
      if (status === 'expired' && expire > now + clockSkewMs)
        message = 'must not be expired before expire_at';
      if (message === undefined) continue;
      findings ??= [];
      findings.push({
        path: pointer('sessions', index, 'status'),
        message,
        params: { status, expire_at: expire, now, clockSkewMs },
      });
    }
    return findings ?? NO_FINDINGS;
  },
} satisfies Invariant;
