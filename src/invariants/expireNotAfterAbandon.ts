import { pointer } from '../jsonPointer.js';
import { isObject, isTimestamp, NO_FINDINGS, sessionsOf } from './_internals/read.js';
import type { Finding, Invariant } from './types.js';

/** A session expires (inactivity) no later than it is abandoned. */
export const expireNotAfterAbandon = {
  id: 'expire-not-after-abandon',
  description: 'Each session `expire_at <= abandon_at`.',
  severity: { default: 'warning', strict: 'error' },
  evidence: 'Real data: 11/11 sessions; both lifetimes are instance settings.',
  check(client) {
    let findings: Finding[] | undefined;
    const sessions = sessionsOf(client);
    for (let index = 0; index < sessions.length; index++) {
      const session = sessions[index];
      if (!isObject(session)) continue;
      const { expire_at: expire, abandon_at: abandon } = session;
      if (!isTimestamp(expire) || !isTimestamp(abandon) || expire <= abandon) continue;
      findings ??= [];
      findings.push({
        path: pointer('sessions', index, 'abandon_at'),
        message: 'must be at or after expire_at',
        params: { expire_at: expire, abandon_at: abandon },
      });
    }
    return findings ?? NO_FINDINGS;
  },
} satisfies Invariant;
