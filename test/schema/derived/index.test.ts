import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { clientArbitrary } from '../../../src/arbitraries/clientArbitrary.js';
import { nearValidClientArbitrary } from '../../../src/arbitraries/nearValidClientArbitrary.js';
import {
  API_VERSIONS,
  type ApiVersion,
  definitionName,
  derivedDocument,
  isApiVersion,
  LATEST_API_VERSION,
  type Surface,
  WEBHOOK_SESSION_DEFINITION,
  WEBHOOK_SESSION_EVENTS,
  webhookDocument,
} from '../../../src/schema/derived/index.js';
import { clientSchema } from '../../../src/schema/validator.js';
import { client, copy } from '../../helpers.js';
import { ALL_DERIVED as ALL, compileDerived as compile } from './validate.js';

const SURFACES: Surface[] = ['bapi', 'fapi'];
const defsOf = (document: Record<string, unknown>) => Object.keys(document.$defs as object);

describe('the derived documents', () => {
  test('the index lists every derived file, once, and nothing else', () => {
    const files = readdirSync(new URL('../../../src/schema/derived/', import.meta.url)).filter((name) =>
      name.endsWith('.json'),
    );
    const ids = ALL.map((document) => String(document.$id).split('/').pop());
    expect(ids.sort()).toEqual(files.sort());
  });

  test('API versions are ascending dates, the latest last', () => {
    expect([...API_VERSIONS]).toEqual([...API_VERSIONS].sort());
    expect(API_VERSIONS.at(-1)).toBe(LATEST_API_VERSION);
    expect(isApiVersion('2025-03-12')).toBe(true);
    expect(isApiVersion('2025-03-13')).toBe(false);
  });

  test.each(ALL.map((document) => [String(document.$id), document] as const))(
    '%s: every definition compiles in strict mode',
    (_id, document) => {
      // compileDerived's Ajv holds this document alone, so compiling proves it stands alone (no reference into
      // another document). Every definition is in the $ref closure of the roots; compiling a root compiles it.
      const roots =
        document === webhookDocument
          ? [...WEBHOOK_SESSION_EVENTS]
          : SURFACES.flatMap((surface) =>
              (['client', 'session'] as const).map((concept) => definitionName(surface, concept)),
            ).filter((name) => defsOf(document).includes(name));
      expect(roots.length).toBeGreaterThan(0);
      for (const name of roots) expect(compile(document, name)).toBeTypeOf('function');
    },
  );

  test('structure only: no prose, example or OpenAPI-only keyword survives', () => {
    const found = new Set<string>();
    const walk = (node: unknown, parent: string) => {
      if (typeof node !== 'object' || node === null) return;
      for (const [key, child] of Object.entries(node)) {
        if (parent !== 'properties' && parent !== '$defs') found.add(key);
        walk(child, key);
      }
    };
    for (const document of ALL) walk(document.$defs, '$defs');
    for (const keyword of [
      'description',
      'example',
      'title',
      'nullable',
      'discriminator',
      'x-speakeasy-unknown-values',
    ])
      expect(found).not.toContain(keyword);
  });

  test('the Client and Session definitions exist for every surface and version', () => {
    for (const surface of SURFACES)
      for (const version of API_VERSIONS)
        for (const concept of ['client', 'session'] as const)
          expect(defsOf(derivedDocument(surface, version))).toContain(
            definitionName(surface, concept, version),
          );
    expect(defsOf(webhookDocument)).toEqual(
      expect.arrayContaining([WEBHOOK_SESSION_DEFINITION, ...WEBHOOK_SESSION_EVENTS]),
    );
  });
});

const validateClient = (surface: Surface, version: ApiVersion) =>
  compile(derivedDocument(surface, version), definitionName(surface, 'client', version));
const validateSession = (surface: Surface, version: ApiVersion) =>
  compile(derivedDocument(surface, version), definitionName(surface, 'session', version));

describe('BAPI versions', () => {
  test('2025-03-12 has no last_authentication_strategy; the latest requires it', () => {
    const withoutStrategy = copy(client(1)) as unknown as Record<string, unknown>;
    delete withoutStrategy.last_authentication_strategy;
    expect(validateClient('bapi', '2025-03-12')(withoutStrategy)).toBe(true);
    expect(validateClient('bapi', '2025-03-12')(client(1))).toBe(false);
    const latest = validateClient('bapi', LATEST_API_VERSION);
    expect(latest(withoutStrategy)).toBe(false);
    expect(latest.errors).toMatchObject([
      { keyword: 'required', params: { missingProperty: 'last_authentication_strategy' } },
    ]);
  });

  test('nullable means "or null" in the derived schemas too', () => {
    const document = copy(client(1)) as unknown as Record<string, unknown>;
    document.last_authentication_strategy = null;
    document.last_active_session_id = null;
    const session = (document.sessions as Array<Record<string, unknown>>)[0] as Record<string, unknown>;
    session.latest_activity = null;
    session.actor = null;
    expect(validateClient('bapi', LATEST_API_VERSION)(document)).toBe(true);
    document.id = null;
    expect(validateClient('bapi', LATEST_API_VERSION)(document)).toBe(false);
  });

  // The seed is the Client of 2025-04-10 and later (facts §8): the derivation must judge as it does.
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormatsModule.default(ajv);
  ajv.addSchema(clientSchema);
  const seedClient = ajv.getSchema(String(clientSchema.$id)) as (value: unknown) => boolean;
  const seedSession = ajv.getSchema(`${String(clientSchema.$id)}#/properties/sessions/items`) as (
    value: unknown,
  ) => boolean;
  const sameVerdicts = (version: ApiVersion) =>
    fc.property(
      fc.oneof(
        clientArbitrary({ minSessions: 1 }),
        nearValidClientArbitrary({ minSessions: 1 }).map((sample) => sample.value),
      ),
      (value) => {
        expect(validateClient('bapi', version)(value)).toBe(seedClient(value));
        const sessions = (value as { sessions?: unknown } | null)?.sessions;
        for (const session of Array.isArray(sessions) ? sessions : [])
          expect(validateSession('bapi', version)(session)).toBe(seedSession(session));
      },
    );

  test.each(['2025-04-10', '2025-11-10', '2026-05-12'] as const)(
    '%s accepts and rejects the Clients and Sessions that the seed does',
    (version) => {
      fc.assert(sameVerdicts(version), { numRuns: 400 });
    },
  );

  test('the comparison covers both verdicts', () => {
    const values = fc.sample(nearValidClientArbitrary({ minSessions: 1 }), { numRuns: 200, seed: 7 });
    const verdicts = new Set(values.map((sample) => seedClient(sample.value)));
    expect(verdicts).toEqual(new Set([true, false]));
  });
});

describe('webhooks', () => {
  const event = (data: unknown) => ({
    data,
    object: 'event',
    type: 'session.created',
    instance_id: 'ins_2ohNoIrwdZ09VW5fE4Nxgb4IcFE',
    timestamp: 1_731_318_074_700,
    event_attributes: { http_request: { client_ip: '203.0.113.24', user_agent: 'Mozilla/5.0' } },
  });
  const user = { id: 'user_2ohNmv3IeMnNvaGmtjMfpVoX0Pg', object: 'user' };

  test('a Session payload carries a user: the closed Session is extended, not contradicted', () => {
    // The webhook's Session has no `tasks`: the helper's Session leaves it out when given none.
    const { tasks: _tasks, ...session } = client(1).sessions[0] as Record<string, unknown>;
    const validate = compile(webhookDocument, WEBHOOK_SESSION_DEFINITION);
    const payload = { ...session, user: { ...user, unknown_field: 1 } };
    validate(payload);
    // The user is checked against the webhook's User (closed, many required fields): only the user fails here.
    expect(new Set(validate.errors?.map((error) => error.instancePath.split('/')[1]))).toEqual(
      new Set(['user']),
    );
    expect(compile(webhookDocument, 'session.created')(event(payload))).toBe(false);
    const { user: _user, ...withoutUser } = payload;
    expect(validate(withoutUser)).toBe(false);
    expect(validate.errors).toMatchObject([{ keyword: 'required', params: { missingProperty: 'user' } }]);
  });
});

const CORPUS = new URL('../../../../shared/corpus/clerk-real/', import.meta.url);
const capture = (name: string) => JSON.parse(readFileSync(new URL(name, CORPUS), 'utf8')) as unknown;

// The shared real captures lie beside the checkout; they are read, never copied into the project.
describe.runIf(existsSync(CORPUS))('FAPI Clients of the real captures', () => {
  const verdicts = (name: string) =>
    API_VERSIONS.filter((version) => validateClient('fapi', version)(capture(name)));

  test('03 (recorded 2025-10-13) passes every version but 2025-03-12', () => {
    expect(verdicts('03-clerk-fapi-rs-real-client-2025-10-13.json')).toEqual([
      '2021-02-05',
      '2024-10-01',
      '2025-04-10',
      '2025-11-10',
      '2026-05-12',
    ]);
    const validate = validateClient('fapi', '2025-03-12');
    validate(capture('03-clerk-fapi-rs-real-client-2025-10-13.json'));
    // 2025-03-12's EmailAddress verification is closed and has no `object`.
    expect(validate.errors).toContainEqual(
      expect.objectContaining({ keyword: 'additionalProperties', params: { additionalProperty: 'object' } }),
    );
  });

  // Feb 2024 recordings: every spec file was back-filled with fields added later, so no version fits them.
  test.each(['01-clerk-ios-client-expired-session.json', '02-clerk-ios-mockclient-active-session.json'])(
    '%s fails every version, only on properties that it predates',
    (name) => {
      expect(verdicts(name)).toEqual([]);
      for (const version of ['2021-02-05', '2024-10-01'] as const) {
        const validate = validateClient('fapi', version);
        validate(capture(name));
        const missing = new Set(
          (validate.errors ?? [])
            .filter((error) => !['anyOf', 'oneOf', 'allOf'].includes(error.keyword))
            .map((error) => `${error.keyword} ${String(error.params.missingProperty)}`),
        );
        expect(missing).toEqual(
          new Set(
            [
              'last_authentication_strategy',
              'cookie_expires_at',
              'captcha_bypass',
              'factor_verification_age',
              'passkeys',
              'enterprise_accounts',
              'mfa_enabled_at',
              'mfa_disabled_at',
              'legal_accepted_at',
              'created_at',
              'updated_at',
            ].map((property) => `required ${property}`),
          ),
        );
      }
    },
  );
});
