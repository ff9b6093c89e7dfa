import { describe, expect, test } from 'vitest';
import { createChecker } from '../../src/check/checkClient.js';
import { type ApiVersion, derivedDocument } from '../../src/schema/derived/index.js';
import { withSpecGaps } from '../../src/schema/specGaps.js';
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

describe('withSpecGaps on the derived documents', () => {
  // biome-ignore lint/suspicious/noExplicitAny: a JSON Schema, walked by hand
  type Schema = Record<string, any>;
  const defs = (surface: 'bapi' | 'fapi', version: ApiVersion) =>
    withSpecGaps(derivedDocument(surface, version), surface, version).$defs as Record<string, Schema>;
  const original = (surface: 'bapi' | 'fapi', version: ApiVersion) =>
    derivedDocument(surface, version).$defs as Record<string, Schema>;

  test('loosens only its surface and versions, and leaves the derived document as it was', () => {
    const before = JSON.stringify(derivedDocument('fapi', '2021-02-05'));
    const legacy = defs('fapi', '2021-02-05');
    expect(JSON.stringify(derivedDocument('fapi', '2021-02-05'))).toBe(before);
    const requiredOf = (schema: Schema) =>
      [schema, ...(schema.allOf ?? [])].flatMap((part: Schema) => part.required ?? []);
    expect(requiredOf(legacy['Client.Client'] as Schema)).not.toContain('cookie_expires_at');
    expect(requiredOf(original('fapi', '2021-02-05')['Client.Client'] as Schema)).toContain(
      'cookie_expires_at',
    );
    expect(requiredOf(defs('fapi', '2024-10-01')['Client.Client'] as Schema)).toContain('cookie_expires_at');
    expect(requiredOf(defs('bapi', '2021-02-05').Client as Schema)).not.toContain(
      'last_authentication_strategy',
    );
    expect(requiredOf(defs('bapi', '2024-10-01').Client as Schema)).toContain('last_authentication_strategy');
    expect(requiredOf(legacy['Client.Client'] as Schema)).toContain('sessions');
  });

  test('an embedded user becomes any object, a nullable field anyOf null, and statuses gain the missing values', () => {
    const latest = defs('fapi', '2026-05-12');
    expect(latest['Client.User']).toEqual({ type: 'object' });
    const session = latest['Client.Session'] as Schema;
    const parts = [session, ...(session.allOf ?? [])] as Schema[];
    const user = parts.map((part) => part.properties?.user).find((each) => each !== undefined);
    expect(user.anyOf[0]).toEqual({ type: 'null' });
    expect(user.anyOf).toHaveLength(2);
    const base = latest['Client.SessionBase'] as Schema;
    const status = [base, ...(base.allOf ?? [])].map((part: Schema) => part.properties?.status).find(Boolean);
    expect(status.enum).toEqual(expect.arrayContaining(['active', 'pending', 'replaced']));
    expect(new Set(status.enum).size).toBe(status.enum.length);
    expect(defs('bapi', '2026-05-12')).toEqual(original('bapi', '2026-05-12'));
  });
});
