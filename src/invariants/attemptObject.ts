import { addFinding } from './_internals/perSession.js';
import { isObject, NO_FINDINGS } from './_internals/read.js';
import type { Finding, Invariant } from './types.js';

/** What each attempt of a Frontend API Client is called. */
const ATTEMPT_OBJECTS = { sign_in: 'sign_in_attempt', sign_up: 'sign_up_attempt' } as const;

/** A Frontend API Client's sign-in and sign-up say what they are. */
export const attemptObject = {
  id: 'attempt-object',
  description:
    '`sign_in.object` is `"sign_in_attempt"` and `sign_up.object` is `"sign_up_attempt"` when present.',
  severity: { default: 'error', strict: 'error' },
  evidence:
    "Real Frontend API Clients: 4/4 attempts (clerk-ios, clerk-sdk-flutter captures); the Backend API spec's SignUp enum is `sign_up_attempt`.",
  surfaces: ['fapi'],
  check(client) {
    if (!isObject(client)) return NO_FINDINGS;
    let found: Finding[] | undefined;
    for (const [field, expected] of Object.entries(ATTEMPT_OBJECTS)) {
      const attempt = client[field];
      if (!isObject(attempt) || typeof attempt.object !== 'string' || attempt.object === expected) continue;
      found = addFinding(found, {
        path: `/${field}/object`,
        message: `must be "${expected}"`,
        params: { actual: attempt.object },
      });
    }
    return found ?? NO_FINDINGS;
  },
} satisfies Invariant;
