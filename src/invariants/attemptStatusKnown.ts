import { addFinding } from './_internals/perSession.js';
import { isObject, NO_FINDINGS } from './_internals/read.js';
import type { Finding, Invariant } from './types.js';

/** The statuses Clerk's SDKs know for each attempt. */
const STATUSES: Record<'sign_in' | 'sign_up', readonly string[]> = {
  sign_in: [
    'needs_identifier',
    'needs_first_factor',
    'needs_second_factor',
    'needs_new_password',
    'needs_client_trust',
    'complete',
  ],
  sign_up: ['missing_requirements', 'complete', 'abandoned'],
};

/** A sign-in or sign-up is in a state Clerk documents. */
export const attemptStatusKnown = {
  id: 'attempt-status-known',
  description: `\`sign_in.status\` is one of ${STATUSES.sign_in.join(', ')}; \`sign_up.status\` one of ${STATUSES.sign_up.join(', ')}.`,
  severity: { default: 'warning', strict: 'error' },
  evidence:
    "clerk-ios' SignIn and SignUp status enums and the Backend API spec's SignUp enum; real captures show needs_first_factor, needs_second_factor, complete and missing_requirements. The set has grown (needs_client_trust) and the SDKs keep an unknown case, so an unknown status is a warning by default.",
  surfaces: ['fapi'],
  check(client) {
    if (!isObject(client)) return NO_FINDINGS;
    let found: Finding[] | undefined;
    for (const field of ['sign_in', 'sign_up'] as const) {
      const attempt = client[field];
      if (
        !isObject(attempt) ||
        typeof attempt.status !== 'string' ||
        STATUSES[field].includes(attempt.status)
      )
        continue;
      found = addFinding(found, {
        path: `/${field}/status`,
        message: `must be one of ${STATUSES[field].join(', ')}`,
        params: { actual: attempt.status },
      });
    }
    return found ?? NO_FINDINGS;
  },
} satisfies Invariant;
