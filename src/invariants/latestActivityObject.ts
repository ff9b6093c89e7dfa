import { addFinding, perSession, sessionPath } from './_internals/perSession.js';
import { isObject } from './_internals/read.js';
import type { Invariant } from './types.js';

/** A session's latest activity says what it is. */
export const latestActivityObject = {
  id: 'latest-activity-object',
  description: '`latest_activity.object` is `"session_activity"` when `latest_activity` is present.',
  severity: { default: 'warning', strict: 'error' },
  evidence: 'Real data: 4/4 activities; the spec types `object` as a plain string. Warning by default.',
  surfaces: ['bapi', 'fapi'],
  reads: ['/sessions/*/latest_activity/object'],
  dependsOn: [],
  ...perSession((session, _context, index, found) => {
    const activity = session.latest_activity;
    if (!isObject(activity) || typeof activity.object !== 'string' || activity.object === 'session_activity')
      return found;
    return addFinding(found, {
      path: sessionPath(index, 'latest_activity', 'object'),
      message: 'must be "session_activity"',
      params: { actual: activity.object },
    });
  }),
} satisfies Invariant;
