import { describe, expect, test } from 'vitest';
import { createChecker } from '../../src/check/checkClient.js';
import { fapiClient } from '../helpers.js';

const check = createChecker({ profile: 'strict' });
const rulesAndPaths = (value: unknown, version?: string) =>
  check('fapi-client', value, undefined, version).violations.map(({ rule, path }) => `${rule} ${path}`);

describe('the gaps between Clerk’s specs and its real responses', () => {
  test('a pending or replaced Frontend API session passes every version, though some spec files lack the status', () => {
    for (const status of ['pending', 'replaced']) {
      const client = fapiClient(2);
      const session = client.sessions[0] as Record<string, unknown>;
      session.status = status;
      session.tasks = status === 'pending' ? [{ key: 'choose-organization' }] : null;
      for (const version of ['2024-10-01', '2025-11-10', '2026-05-12'])
        expect(rulesAndPaths(client, version)).toEqual([]);
    }
  });

  test('the embedded user is judged only as an object', () => {
    const client = fapiClient(1);
    (client.sessions[0] as Record<string, unknown>).user = { id: 'user_x', passkeys: 'not an array' };
    expect(rulesAndPaths(client)).toEqual([]);
    (client.sessions[0] as Record<string, unknown>).user = 'user_x';
    expect(rulesAndPaths(client)).toEqual(['schema/type /sessions/0/user']);
  });

  test('fields Clerk back-filled into old spec files are optional under the legacy version only', () => {
    const { captcha_bypass: _, cookie_expires_at: __, ...legacy } = fapiClient(0);
    expect(rulesAndPaths(legacy, '2021-02-05')).toEqual([]);
    expect(rulesAndPaths(legacy, '2024-10-01')).toEqual([
      'schema/required /cookie_expires_at',
      'schema/required /captcha_bypass',
    ]);
  });
});
