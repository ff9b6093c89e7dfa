import { describe, expect, test } from 'vitest';
import { attemptStatusKnown } from '../../src/invariants/attemptStatusKnown.js';
import { fapiClient, pathsOf, signInAttempt, T0 } from '../helpers.js';

describe('attempt-status-known', () => {
  test.each([
    'needs_identifier',
    'needs_first_factor',
    'needs_second_factor',
    'needs_new_password',
    'needs_client_trust',
    'complete',
  ])('holds on a sign-in that %s', (status) => {
    expect(pathsOf(attemptStatusKnown, { ...fapiClient(0), sign_in: signInAttempt(T0, { status }) })).toEqual(
      [],
    );
  });

  test('fires at the status of a sign-in or sign-up in a state Clerk does not document', () => {
    const broken = {
      ...fapiClient(0),
      sign_in: signInAttempt(T0, { status: 'needs_identification' }),
      sign_up: { object: 'sign_up_attempt', status: 'complete' },
    };
    expect(pathsOf(attemptStatusKnown, broken)).toEqual(['/sign_in/status']);
  });
});
