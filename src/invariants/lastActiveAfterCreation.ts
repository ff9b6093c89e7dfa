import { addFinding, perSession, sessionPath } from './_internals/perSession.js';
import { isTimestamp } from './_internals/read.js';
import type { Invariant } from './types.js';

/** A session is not active long before it was created (a few ms early is a real Clerk quirk). */
export const lastActiveAfterCreation = {
  id: 'last-active-after-creation',
  description: 'Each session `last_active_at >= created_at - clockSkewMs` (default skew 1000 ms).',
  severity: { default: 'warning', strict: 'warning' },
  evidence:
    'Real sessions are often 2-8 ms early (clerk-fapi-rs, clerk-sdk-flutter captures): a warning in both profiles, with a skew.',
  surfaces: ['bapi', 'fapi'],
  reads: ['/sessions/*/created_at', '/sessions/*/last_active_at'],
  dependsOn: ['timestamps-in-milliseconds'],
  ...perSession((session, { clockSkewMs }, index, found) => {
    const { created_at: created, last_active_at: lastActive } = session;
    if (!isTimestamp(created) || !isTimestamp(lastActive) || lastActive >= created - clockSkewMs)
      return found;
    return addFinding(found, {
      path: sessionPath(index, 'last_active_at'),
      message: `must not be more than ${clockSkewMs} ms before created_at`,
      params: { created_at: created, last_active_at: lastActive, clockSkewMs },
    });
  }),
} satisfies Invariant;
