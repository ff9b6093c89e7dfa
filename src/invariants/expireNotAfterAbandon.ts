import { addFinding, perSession, sessionPath } from './_internals/perSession.js';
import { isTimestamp } from './_internals/read.js';
import type { Invariant } from './types.js';

/** A session expires (inactivity) no later than it is abandoned. */
export const expireNotAfterAbandon = {
  id: 'expire-not-after-abandon',
  description: 'Each session `expire_at <= abandon_at`.',
  severity: { default: 'warning', strict: 'error' },
  evidence:
    'Real data: 11/11 sessions; both lifetimes are instance settings (defaults 7 and 30 days), so an instance could set them otherwise. Warning by default.',
  surfaces: ['bapi', 'fapi'],
  reads: ['/sessions/*/expire_at', '/sessions/*/abandon_at'],
  dependsOn: ['timestamps-ordered', 'timestamps-in-milliseconds'],
  ...perSession((session, _context, index, found) => {
    const { expire_at: expire, abandon_at: abandon } = session;
    if (!isTimestamp(expire) || !isTimestamp(abandon) || expire <= abandon) return found;
    return addFinding(found, {
      path: sessionPath(index, 'abandon_at'),
      message: 'must be at or after expire_at',
      params: { expire_at: expire, abandon_at: abandon },
    });
  }),
} satisfies Invariant;
