import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { schemaArbitrary, UnsupportedSchemaError } from '../../src/arbitraries/schemaArbitrary.js';
import { clientSchema, schemaViolations } from '../../src/schema/validator.js';

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

  test.each([
    [
      { type: 'object', properties: { a: { type: 'string', pattern: '^x' } } },
      'unsupported keyword "pattern" at #/properties/a',
    ],
    [{ type: 'array', items: { oneOf: [] } }, 'unsupported keyword "oneOf" at #/items'],
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
