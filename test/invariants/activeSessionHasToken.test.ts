import { describe, expect, test } from 'vitest';
import { activeSessionHasToken } from '../../src/invariants/activeSessionHasToken.js';
import { fapiClient, pathsOf } from '../helpers.js';

describe('active-session-has-token', () => {
  test.each([0, 1, 3])('holds on a valid Frontend API Client with %i sessions', (count) => {
    expect(pathsOf(activeSessionHasToken, fapiClient(count))).toEqual([]);
  });

  test('fires at the token of an active session that has none', () => {
    const broken = fapiClient(2);
    (broken.sessions[1] as Record<string, unknown>).last_active_token = null;
    expect(pathsOf(activeSessionHasToken, broken)).toEqual(['/sessions/1/last_active_token']);
  });

  test('holds for a signed-out session without a token, and is not judged on a bare Session', () => {
    expect(pathsOf(activeSessionHasToken, fapiClient(2))).toEqual([]);
    expect(activeSessionHasToken).not.toHaveProperty('checkSession');
  });
});
