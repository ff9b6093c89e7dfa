import { describe, expect, test } from 'vitest';
import { completedSignInSessionListed } from '../../src/invariants/completedSignInSessionListed.js';
import { fapiClient, pathsOf, signInAttempt, T0 } from '../helpers.js';

describe('completed-sign-in-session-listed', () => {
  test('holds when a complete sign-in created one of the sessions, or is still in progress', () => {
    const client = fapiClient(1);
    const created = client.sessions[0]?.id;
    expect(
      pathsOf(completedSignInSessionListed, {
        ...client,
        sign_in: signInAttempt(T0, { status: 'complete', created_session_id: created }),
      }),
    ).toEqual([]);
    expect(pathsOf(completedSignInSessionListed, { ...client, sign_in: signInAttempt(T0) })).toEqual([]);
  });

  test('fires at created_session_id when the Client does not hold that session', () => {
    const broken = {
      ...fapiClient(1),
      sign_in: signInAttempt(T0, {
        status: 'complete',
        created_session_id: 'sess_2ohNloGlvbsE5jE9la8jNih1yka',
      }),
    };
    expect(pathsOf(completedSignInSessionListed, broken)).toEqual(['/sign_in/created_session_id']);
  });
});
