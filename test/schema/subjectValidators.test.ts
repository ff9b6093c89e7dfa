import { describe, expect, test } from 'vitest';
import { API_VERSIONS, LATEST_API_VERSION } from '../../src/schema/derived/index.js';
import { subjectValidator } from '../../src/schema/subjectSchemas.js';
import { client, copy } from '../helpers.js';

const OLDER_VERSION = API_VERSIONS[0];

const rulesAndPaths = (violations: ReturnType<ReturnType<typeof subjectValidator>>) =>
  violations.map(({ rule, path }) => ({ rule, path }));

/** A Backend API Session as a `session.*` webhook carries it: with the user. */
function webhookSession(): Record<string, unknown> {
  const session = copy(client(1).sessions[0]) as unknown as Record<string, unknown>;
  return { ...session, user: { id: session.user_id, object: 'user' } };
}

test('a validator is compiled once per kind and version, then reused', () => {
  expect(subjectValidator('session')).toBe(subjectValidator('session', LATEST_API_VERSION));
  expect(subjectValidator('webhook', OLDER_VERSION)).toBe(subjectValidator('webhook', OLDER_VERSION));
  expect(subjectValidator('webhook', OLDER_VERSION)).not.toBe(subjectValidator('webhook'));
});

describe('a Backend API Session document of the latest version', () => {
  test('passes as it is and is judged by the Session schema', () => {
    const session = copy(client(1).sessions[0]) as unknown as Record<string, unknown>;
    expect(subjectValidator('session')(session)).toEqual([]);
    expect(rulesAndPaths(subjectValidator('session')({ ...session, status: 7 }))).toEqual([
      { rule: 'schema/type', path: '/status' },
    ]);
    expect(rulesAndPaths(subjectValidator('session')({ ...session, user: {} }))).toEqual([
      { rule: 'schema/additionalProperties', path: '/user' },
    ]);
  });
});

describe.each([LATEST_API_VERSION, OLDER_VERSION])('the Session of a session.* webhook (%s)', (version) => {
  const validate = subjectValidator('webhook', version);

  test('passes with its user object', () => {
    expect(validate(webhookSession())).toEqual([]);
  });

  test('must carry the user, as an object', () => {
    const { user: _, ...withoutUser } = webhookSession();
    expect(rulesAndPaths(validate(withoutUser))).toEqual([{ rule: 'schema/required', path: '/user' }]);
    expect(rulesAndPaths(validate({ ...webhookSession(), user: 'user_1' }))).toEqual([
      { rule: 'schema/type', path: '/user' },
    ]);
  });

  test("is still judged by the Session's schema", () => {
    expect(rulesAndPaths(validate({ ...webhookSession(), created_at: 'yesterday' }))).toEqual([
      { rule: 'schema/type', path: '/created_at' },
    ]);
  });
});
