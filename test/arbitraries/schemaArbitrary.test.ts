import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { schemaArbitrary, UnsupportedSchemaError } from '../../src/arbitraries/schemaArbitrary.js';
import {
  API_VERSIONS,
  definitionName,
  derivedDocument,
  type Surface,
} from '../../src/schema/derived/index.js';
import { clientSchema, schemaViolations } from '../../src/schema/validator.js';
import { compileDerived } from '../schema/derived/validate.js';

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormatsModule.default(ajv);

describe('schemaArbitrary', () => {
  test('every value it derives from the seed passes the seed schema', () => {
    fc.assert(
      fc.property(schemaArbitrary(clientSchema), (value) => {
        expect(schemaViolations(value)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  test('emits null in each of the 8 nullable places (json-schema-faker: never)', () => {
    const nullable = ['sign_in_id', 'sign_up_id', 'last_active_session_id', 'last_authentication_strategy'];
    const sessionNullable = ['actor', 'last_active_organization_id', 'latest_activity', 'tasks'];
    const seen = new Set<string>();
    for (const value of fc.sample(schemaArbitrary(clientSchema), { numRuns: 500 }) as Array<
      Record<string, unknown>
    >) {
      for (const key of nullable) if (value[key] === null) seen.add(key);
      for (const session of value.sessions as Array<Record<string, unknown>>) {
        for (const key of sessionNullable) if (session[key] === null) seen.add(`sessions[].${key}`);
      }
    }
    expect([...seen].sort()).toEqual(
      [...nullable, ...sessionNullable.map((key) => `sessions[].${key}`)].sort(),
    );
  });

  test('honours the common bounds and const, checked by Ajv on the same schema', () => {
    const schema = {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'count', 'ratio', 'tags', 'kind', 'flag', 'none', 'big'],
      properties: {
        name: { type: 'string', minLength: 3, maxLength: 5 },
        count: { type: 'integer', minimum: -2, maximum: 7 },
        ratio: { type: 'number', minimum: 0, maximum: 1 },
        tags: { type: 'array', minItems: 1, maxItems: 2, items: { type: 'string', enum: ['a', 'b'] } },
        kind: { const: 'fixed' },
        flag: { type: 'boolean', nullable: true },
        none: { type: 'null' },
        big: { type: 'integer', format: 'int64', minimum: 0 },
        open: { type: 'object' },
      },
    };
    const validate = ajv.compile(schema);
    fc.assert(
      fc.property(schemaArbitrary(schema), (value) => {
        expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test('a nullable enum without null never yields null, as in Ajv', () => {
    const values = fc.sample(schemaArbitrary({ type: 'string', nullable: true, enum: ['a'] }), {
      numRuns: 200,
    });
    expect(new Set(values)).toEqual(new Set(['a']));
  });

  test('an override replaces the generated value at its schema location; presence stays the schema’s', () => {
    const schema = {
      type: 'object',
      required: ['id'],
      properties: { id: { type: 'string' }, note: { type: 'string' } },
    };
    const values = fc.sample(
      schemaArbitrary(schema, { overrides: { '/properties/id': fc.constant('client_1') } }),
      {
        numRuns: 200,
      },
    ) as Array<Record<string, unknown>>;
    expect(values.every((value) => value.id === 'client_1')).toBe(true);
    expect(values.some((value) => 'note' in value) && values.some((value) => !('note' in value))).toBe(true);
  });

  test('alwaysPresent generates an optional property every time, in its place among the others', () => {
    const schema = {
      type: 'object',
      required: ['id'],
      properties: {
        id: { type: 'string' },
        actor: { type: 'string', nullable: true },
        note: { type: 'string' },
      },
    };
    const values = fc.sample(schemaArbitrary(schema, { alwaysPresent: ['/properties/actor'] }), {
      numRuns: 200,
    }) as Array<Record<string, unknown>>;
    expect(
      values.every(
        (value) => Object.keys(value).join() === ['id', 'actor', 'note'].filter((key) => key in value).join(),
      ),
    ).toBe(true);
    expect(values.every((value) => 'actor' in value)).toBe(true);
    expect(values.some((value) => 'note' in value) && values.some((value) => !('note' in value))).toBe(true);
  });

  test('$ref, allOf, anyOf, oneOf, type lists and pattern: every value passes Ajv on the same schema', () => {
    const schema = {
      $defs: {
        Base: {
          type: 'object',
          additionalProperties: false,
          properties: { id: { type: 'string', pattern: '^sess_[a-z]{3}$' }, extra: { type: 'integer' } },
          required: ['id'],
        },
        Otp: {
          type: 'object',
          properties: {
            strategy: { enum: ['email_code', 'phone_code'] },
            attempts: { type: ['integer', 'null'] },
          },
          required: ['strategy'],
        },
        Oauth: {
          type: 'object',
          properties: { strategy: { type: 'string', pattern: '^oauth_[a-z]+$' } },
          required: ['strategy'],
        },
      },
      type: 'object',
      additionalProperties: false,
      required: ['base', 'verification', 'either', 'list'],
      properties: {
        base: {
          allOf: [
            { $ref: '#/$defs/Base' },
            { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
          ],
        },
        verification: {
          anyOf: [{ type: 'null' }, { oneOf: [{ $ref: '#/$defs/Otp' }, { $ref: '#/$defs/Oauth' }] }],
        },
        either: {
          type: 'object',
          properties: { domain: { type: 'string' }, domains: { type: 'array', items: { type: 'string' } } },
          anyOf: [
            { type: 'object', properties: { domain: {} }, required: ['domain'] },
            { type: 'object', properties: { domains: {} }, required: ['domains'] },
          ],
        },
        list: { type: ['string', 'integer', 'null'] },
        any: {},
      },
    };
    // A list of two non-null types is a union type, which strict Ajv accepts only when told.
    const unionAjv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
    const validate = unionAjv.compile(schema);
    const values = fc.sample(schemaArbitrary(schema), { numRuns: 500, seed: 3 }) as Array<
      Record<string, unknown>
    >;
    for (const value of values) expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    // Every branch is reached: null and both verifications, each type of the list.
    const kinds = (key: string) =>
      new Set(values.map((value) => (value[key] === null ? 'null' : typeof value[key])));
    expect(kinds('list')).toEqual(new Set(['string', 'number', 'null']));
    const strategies = values.map(
      (value) => (value.verification as { strategy?: string } | null)?.strategy ?? 'null',
    );
    expect(strategies.some((strategy) => strategy.startsWith('oauth_'))).toBe(true);
    expect(strategies.some((strategy) => strategy.endsWith('_code'))).toBe(true);
    expect(strategies).toContain('null');
  });

  // The Client embeds the Session: one walk per surface and version covers both.
  const derived = (['bapi', 'fapi'] as Surface[]).flatMap((surface) =>
    API_VERSIONS.map((version) => [surface, version, 'client'] as const),
  );
  test.each(derived)(
    'every value it derives from the derived %s %s %s passes that schema',
    (surface, version, concept) => {
      const document = derivedDocument(surface, version);
      const name = definitionName(surface, concept, version);
      const validate = compileDerived(document, name);
      fc.assert(
        fc.property(schemaArbitrary({ ...document, $ref: `#/$defs/${name}` }), (value) => {
          expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
        }),
        // FAPI values are large (users, attempts, verifications); fapiClientArbitrary's tests walk them more.
        { numRuns: surface === 'fapi' ? 15 : 40 },
      );
    },
  );

  test('an override behind a $ref names the location the $ref points to', () => {
    const schema = {
      $defs: { Session: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } },
      type: 'array',
      items: { $ref: '#/$defs/Session' },
    };
    const arbitrary = schemaArbitrary(schema, {
      overrides: { '/$defs/Session/properties/id': fc.constant('sess_1') },
    });
    const sessions = fc.sample(arbitrary, { numRuns: 50, seed: 1 }).flat() as Array<{ id: string }>;
    expect(new Set(sessions.map((session) => session.id))).toEqual(new Set(['sess_1']));
  });

  test.each([
    [
      { type: 'object', properties: { a: { type: 'string', not: { const: 'x' } } } },
      'unsupported keyword "not" at #/properties/a',
    ],
    [{ type: 'array', items: { oneOf: [] } }, 'an empty "oneOf" at #/items'],
    [
      { oneOf: [{ type: 'string' }, { type: 'string', minLength: 2 }] },
      '"oneOf" branches that no property tells apart at #',
    ],
    [
      { $defs: { a: { type: 'object', properties: { next: { $ref: '#/$defs/a' } } } }, $ref: '#/$defs/a' },
      'recursive "$ref" #/$defs/a at #/$defs/a/properties/next',
    ],
    [{ $ref: 'other.json#/a' }, 'only local "$ref"s are supported, got other.json#/a at #'],
    [{ $ref: '#/$defs/none' }, '"$ref" #/$defs/none points to no schema at #'],
    [{ allOf: [{ type: 'string' }, { type: 'integer' }] }, 'an "allOf" of disjoint types at #'],
    [
      {
        allOf: [
          { type: 'string', maxLength: 3 },
          { type: 'string', maxLength: 4 },
        ],
      },
      'conflicting "maxLength" in an "allOf" at #',
    ],
    [
      {
        allOf: [
          { type: 'object', additionalProperties: false, properties: { a: { type: 'string' } } },
          { type: 'object', properties: { b: { type: 'string' } }, required: ['b'] },
        ],
      },
      'required "b" is closed out at #',
    ],
    [{ type: 'string', format: 'email' }, 'unsupported format "email" at #'],
    [
      { type: 'object', additionalProperties: { type: 'string' } },
      '"additionalProperties" must be a boolean at #',
    ],
    [{ type: 'array' }, 'an array needs an "items" schema at #'],
    [{ type: 'object', required: ['x'] }, 'required "x" has no schema at #'],
    [{ type: 'date' }, 'unsupported type "date" at #'],
  ])('refuses %j, naming the keyword and where it stands', (schema, message) => {
    expect(() => schemaArbitrary(schema)).toThrow(UnsupportedSchemaError);
    expect(() => schemaArbitrary(schema)).toThrow(`schemaArbitrary: ${message}`);
  });
});
