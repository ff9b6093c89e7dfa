import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { subjectValidator } from '../../src/schema/subjectSchemas.js';
import { clientSchema, schemaViolations } from '../../src/schema/validator.js';
import { client, copy, fapiClient, signInAttempt, T0 } from '../helpers.js';

/** Every place the seed marks `nullable: true`, as a path into a one-session Client. */
const NULLABLE_PATHS = [
  '/sign_in_id',
  '/sign_up_id',
  '/last_active_session_id',
  '/last_authentication_strategy',
  '/sessions/0/actor',
  '/sessions/0/last_active_organization_id',
  '/sessions/0/latest_activity',
  '/sessions/0/tasks',
];

/** Every other typed place of a one-session Client (with a full activity and a task). */
const NON_NULLABLE_PATHS = [
  '/object',
  '/id',
  '/session_ids',
  '/session_ids/0',
  '/sessions',
  '/sessions/0',
  '/created_at',
  '/updated_at',
  ...['object', 'id', 'user_id', 'client_id', 'status', 'last_active_at', 'expire_at', 'abandon_at']
    .concat(['updated_at', 'created_at', 'tasks/0', 'tasks/0/key'])
    .map((field) => `/sessions/0/${field}`),
  ...[
    'object',
    'id',
    'device_type',
    'is_mobile',
    'browser_name',
    'browser_version',
    'ip_address',
    'city',
    'country',
  ].map((field) => `/sessions/0/latest_activity/${field}`),
];

function withValueAt(path: string, value: unknown): unknown {
  const document = copy(client(1)) as unknown as Record<string, unknown>;
  const session = (document.sessions as Array<Record<string, unknown>>)[0] as Record<string, unknown>;
  session.tasks = [{ key: 'choose-organization' }];
  const tokens = path.split('/').slice(1);
  const last = tokens.pop() as string;
  let parent = document as Record<string, unknown>;
  for (const token of tokens) parent = parent[token] as Record<string, unknown>;
  parent[last] = value;
  return document;
}

const SEED = new URL('../../../shared/seed/clerk-client.schema.json', import.meta.url);

describe('the vendored seed schema', () => {
  // The workplace's shared/ lies beside the checkout (as in CI); a clone elsewhere has no seed to compare.
  test.runIf(existsSync(SEED))('is byte for byte the seed in shared/seed', () => {
    const vendored = readFileSync(new URL('../../src/schema/clerk-client.schema.json', import.meta.url));
    const seed = readFileSync(SEED);
    expect(vendored.equals(seed)).toBe(true);
  });

  test('has exactly the 8 nullable places listed here', () => {
    const found: string[] = [];
    const walk = (node: unknown, at: string) => {
      if (typeof node !== 'object' || node === null) return;
      if ((node as { nullable?: boolean }).nullable === true) found.push(at);
      for (const [key, child] of Object.entries(node)) walk(child, `${at}/${key}`);
    };
    walk(clientSchema, '');
    expect(found).toHaveLength(NULLABLE_PATHS.length);
  });
});

describe('nullable: true means "or null"', () => {
  test.each(NULLABLE_PATHS)('null is accepted at %s', (path) => {
    expect(schemaViolations(withValueAt(path, null))).toEqual([]);
  });

  test.each(NON_NULLABLE_PATHS)('null is rejected at %s with schema/type', (path) => {
    expect(
      schemaViolations(withValueAt(path, null)).map((violation) => [violation.rule, violation.path]),
    ).toEqual([['schema/type', path]]);
  });
});

describe('schema violation paths', () => {
  test('a missing required property points at that property', () => {
    const document = copy(client(1)) as Partial<ReturnType<typeof client>>;
    delete document.sign_up_id;
    expect(schemaViolations(document)).toMatchObject([{ rule: 'schema/required', path: '/sign_up_id' }]);
  });

  test('a forbidden extra property points at the extra property, escaped as a JSON Pointer', () => {
    const document = { ...client(1), cookie_expires_at: null, 'a/b~c': 1 };
    expect(schemaViolations(document).map((violation) => [violation.rule, violation.path])).toEqual([
      ['schema/additionalProperties', '/cookie_expires_at'],
      ['unknown-property', '/a~1b~0c'],
    ]);
  });

  test('any other failure points at the offending value', () => {
    const document = withValueAt('/sessions/0/updated_at', '1731318074700');
    expect(schemaViolations(document)).toMatchObject([
      { rule: 'schema/type', path: '/sessions/0/updated_at' },
    ]);
  });

  test('one violation per path: a wrong type is not also a wrong format or enum', () => {
    expect(schemaViolations(withValueAt('/created_at', 1.5)).map((violation) => violation.rule)).toEqual([
      'schema/type',
    ]);
    expect(schemaViolations(withValueAt('/sessions/0/status', 7)).map((violation) => violation.rule)).toEqual(
      ['schema/type'],
    );
  });

  test('a document that is not an object is one violation at the root', () => {
    for (const value of [null, 42, 'client', [client(0)], true]) {
      expect(schemaViolations(value)).toMatchObject([{ rule: 'schema/type', path: '' }]);
    }
  });
});

describe('schema violations say what is wrong, and tell a value Clerk would never send from one not known yet', () => {
  test('each violation carries its rule, severity, message and Ajv’s params', () => {
    const { sign_up_id: _, ...missing } = copy(client(1));
    expect(schemaViolations(missing)).toEqual([
      {
        rule: 'schema/required',
        severity: 'error',
        path: '/sign_up_id',
        message: 'must be present',
        params: { missingProperty: 'sign_up_id' },
      },
    ]);
    expect(schemaViolations({ ...client(0), cookie_expires_at: null })).toEqual([
      {
        rule: 'schema/additionalProperties',
        severity: 'error',
        path: '/cookie_expires_at',
        message: 'must not be present',
        params: { additionalProperty: 'cookie_expires_at' },
      },
    ]);
    expect(schemaViolations(withValueAt('/created_at', 'x'))).toEqual([
      {
        rule: 'schema/type',
        severity: 'error',
        path: '/created_at',
        message: 'must be integer',
        params: { type: 'integer' },
      },
    ]);
  });

  test('a property no Clerk schema has is unknown-property; one another Clerk object has is schema/additionalProperties', () => {
    const rules = (value: unknown) => schemaViolations(value).map(({ rule, path }) => `${rule} ${path}`);
    expect(rules({ ...client(0), brand_new_field: 1 })).toEqual(['unknown-property /brand_new_field']);
    expect(rules({ ...client(0), last_active_token: null })).toEqual([
      'schema/additionalProperties /last_active_token',
    ]);
  });

  test('a status no Clerk schema has is unknown-status; one of another object, a non-string or another enum is not', () => {
    const rules = (path: string, value: unknown) =>
      schemaViolations(withValueAt(path, value)).map(({ rule, path }) => `${rule} ${path}`);
    expect(rules('/sessions/0/status', 'paused')).toEqual(['unknown-status /sessions/0/status']);
    expect(rules('/sessions/0/status', 'needs_first_factor')).toEqual(['schema/enum /sessions/0/status']);
    expect(rules('/sessions/0/status', 7)).toEqual(['schema/type /sessions/0/status']);
    expect(rules('/object', 'paused')).toEqual(['schema/enum /object']);
    expect(rules('/sessions/0/object', 'paused')).toEqual(['schema/enum /sessions/0/object']);
  });
});

describe('a nullable object written as anyOf [null, object] fails once, where it is wrong', () => {
  const validate = subjectValidator('fapi-client');
  const at = (value: unknown) =>
    validate(value).map(({ rule, path, message }) => `${rule} ${path} ${message}`);

  test('a wrong type is one violation, the object branch’s, not also "must be null" and "anyOf"', () => {
    const client = fapiClient(1);
    (client.sessions[0] as Record<string, unknown>).last_active_token = 7;
    expect(validate(client)).toEqual([
      {
        rule: 'schema/type',
        severity: 'error',
        path: '/sessions/0/last_active_token',
        message: 'must be object',
        params: { type: 'object' },
      },
    ]);
  });

  test('a broken object is judged inside, with no summary at the object itself', () => {
    const client = fapiClient(1);
    client.sign_in = { ...signInAttempt(T0), status: 7, identifier: 8 };
    expect(at(client).sort()).toEqual([
      'schema/type /sign_in/identifier must be string,null',
      'schema/type /sign_in/status must be string',
    ]);
    client.sign_in = {};
    const violations = validate(client);
    expect(violations.length).toBeGreaterThan(5);
    for (const violation of violations) expect(violation.path.startsWith('/sign_in/')).toBe(true);
  });
});
