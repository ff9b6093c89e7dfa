import { pointer } from '../jsonPointer.js';
import { isTimestamp, sessionsOf } from './_internals/read.js';
import type { Invariant } from './types.js';

/** A session expires (inactivity) no later than it is abandoned. */
export const expireNotAfterAbandon = {
  id: 'expire-not-after-abandon',
  description: 'Each session `expire_at <= abandon_at`.',
  severity: { default: 'warning', strict: 'error' },
  evidence: 'Real data: 11/11 sessions; both lifetimes are instance settings.',
  check(client) {
    return sessionsOf(client).flatMap(({ index, session }) => {
      const { expire_at: expire, abandon_at: abandon } = session;
      if (!isTimestamp(expire) || !isTimestamp(abandon) || expire <= abandon) return [];
      return [
        {
          path: pointer('sessions', index, 'abandon_at'),
          message: 'must be at or after expire_at',
          params: { expire_at: expire, abandon_at: abandon },
        },
      ];
    });
  },
} satisfies Invariant;
