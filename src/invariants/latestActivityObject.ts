import { pointer } from '../jsonPointer.js';
import { isObject, NO_FINDINGS, sessionsOf } from './_internals/read.js';
import type { Finding, Invariant } from './types.js';

/** A session's latest activity says what it is. */
export const latestActivityObject = {
  id: 'latest-activity-object',
  description: '`latest_activity.object` is `"session_activity"` when `latest_activity` is present.',
  severity: { default: 'warning', strict: 'error' },
  evidence: 'Real data: 4/4 activities.',
  check(client) {
    let findings: Finding[] | undefined;
    const sessions = sessionsOf(client);
    for (let index = 0; index < sessions.length; index++) {
      const session = sessions[index];
      const activity = isObject(session) ? session.latest_activity : undefined;
      if (
        !isObject(activity) ||
        typeof activity.object !== 'string' ||
        activity.object === 'session_activity'
      )
        continue;
      findings ??= [];
      findings.push({
        path: pointer('sessions', index, 'latest_activity', 'object'),
        message: 'must be "session_activity"',
        params: { actual: activity.object },
      });
    }
    return findings ?? NO_FINDINGS;
  },
} satisfies Invariant;
