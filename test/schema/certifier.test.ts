import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type Client, clientArbitrary } from '../../src/index.js';
import { compileCertifier, compileTestedCertifier } from '../../src/schema/certifier.js';
import { clientSchema, compileValidator, type SchemaObject } from '../../src/schema/validator.js';
import { client } from '../helpers.js';

/** Schemas written only with the keywords the certifier knows, nested, nullable or not. */
const knownSchema: fc.Arbitrary<SchemaObject> = fc.letrec((tie) => ({
  node: fc
    .tuple(
      fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.record({ type: fc.constantFrom('string', 'integer', 'number', 'boolean', 'null') }),
        fc.record({
          type: fc.constant('string'),
          enum: fc.uniqueArray(fc.constantFrom('a', 'b', ''), { minLength: 1, maxLength: 3 }),
        }),
        fc.record({ type: fc.constantFrom('integer', 'number'), format: fc.constant('int64') }),
        tie('object'),
        tie('array'),
      ),
      fc.boolean(),
      fc.constantFrom({}, { description: 'annotations are ignored', title: 't' }),
    )
    .map(([schema, nullable, annotations]) => ({
      ...(schema as SchemaObject),
      ...annotations,
      ...(nullable && (schema as SchemaObject).type !== 'null' ? { nullable: true } : {}),
    })),
  // Required names are properties too: Ajv's strict mode refuses the others.
  object: fc
    .record({
      properties: fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('node'), { maxKeys: 3 }),
      additionalProperties: fc.option(fc.boolean(), { nil: undefined }),
    })
    .chain(({ properties, additionalProperties }) =>
      fc.subarray(Object.keys(properties)).map((required) => ({
        type: 'object',
        properties,
        ...(required.length > 0 ? { required } : {}),
        ...(additionalProperties === undefined ? {} : { additionalProperties }),
      })),
    ),
  array: fc.record({ type: fc.constant('array'), items: tie('node') }),
})).node as fc.Arbitrary<SchemaObject>;

/** JSON values from a small vocabulary, so that they often fit the schemas above, and often just miss. */
const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(
      'a',
      'b',
      '',
      'c',
      0,
      1,
      -1,
      1.5,
      2 ** 53,
      2 ** 63,
      -(2 ** 63),
      2 ** 64,
      -(2 ** 64),
      null,
    ),
    fc.boolean(),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), tie('value'), { maxKeys: 4 }),
    fc.array(tie('value'), { maxLength: 3 }),
  ),
})).value;

test('on schemas of the keywords it knows, it is certain exactly when Ajv finds the value valid', () => {
  fc.assert(
    fc.property(knownSchema, fc.array(jsonValue, { minLength: 1, maxLength: 8 }), (schema, values) => {
      const certify = compileCertifier(schema);
      const validate = compileValidator(schema);
      for (const each of values) {
        // As JSON.parse gives it: the certifier is never certain of other prototypes.
        const value = JSON.parse(JSON.stringify(each));
        expect(certify(value)).toBe(validate(value).length === 0);
      }
    }),
    { numRuns: 1000 },
  );
});

test('it is never certain of a value that is not plain JSON data, even one the schema accepts', () => {
  const certify = compileCertifier({
    type: 'object',
    properties: { a: { type: 'array', items: { type: 'object' } } },
  });
  expect(certify({ a: [{}] })).toBe(true);
  expect(certify(Object.assign(Object.create(null), { a: [{}] }))).toBe(false);
  expect(certify({ a: Object.assign(Object.create({ inherited: 1 }), [{}]) })).toBe(false);
  expect(certify({ a: [Object.create(null)] })).toBe(false);
  class Items extends Array {}
  expect(certify({ a: Items.from([{}]) })).toBe(false);
});

test('it refuses keywords it knows when they are written in a way it does not', () => {
  for (const schema of [
    { type: 'string', nullable: 'yes' },
    { type: 'string', enum: [] },
    { type: 'string', enum: 'a' },
    { type: 'string', enum: [{ a: 1 }] },
    { type: 'string', format: 'int64' },
    { type: 'integer', format: 'int32' },
    { type: 'string', properties: {} },
    { type: 'object', properties: [] },
    { type: 'object', properties: null },
    { type: 'object', required: 'a' },
    { type: 'object', required: [1] },
    { type: 'string', items: { type: 'string' } },
    { type: 'object', additionalProperties: 0 },
    { type: 'string', required: ['a'] },
    { type: 'string', additionalProperties: false },
    { type: 'object', properties: { a: 'string' } },
    { type: 'object', properties: { a: null } },
    { type: 'object', properties: { a: [] } },
  ])
    expect({
      schema,
      certain: compileCertifier(schema)({ a: 'a' }) || compileCertifier(schema)('a'),
    }).toEqual({
      schema,
      certain: false,
    });
  // `true` and an empty schema accept anything; a property whose schema is `true` is any value.
  expect(compileCertifier({ type: 'object', properties: { a: true } })({ a: [1] })).toBe(true);
  expect(compileCertifier({ type: 'object', additionalProperties: true })({ z: 1 })).toBe(true);
  expect(compileCertifier({ nullable: true })(5)).toBe(true);
  expect(compileCertifier({ nullable: false, description: 'x' })(5)).toBe(true);
});

test('the seed: the int64 bound sits at 2^63 either side, as the validator has it', () => {
  const certify = compileCertifier(clientSchema);
  const validate = compileValidator(clientSchema);
  const sample = client(0);
  for (const created of [2 ** 63, -(2 ** 63), 2 ** 63 + 2 ** 11, -(2 ** 63) - 2 ** 11, 1.5]) {
    const value = { ...sample, created_at: created };
    expect({ created, certain: certify(value) }).toEqual({ created, certain: validate(value).length === 0 });
  }
});

describe('compileCertifier', () => {
  const seed = compileCertifier(clientSchema);
  const sample = fc.sample(clientArbitrary(), { numRuns: 1, seed: 13 })[0] as Client;

  test('accepts what the seed accepts, and never a value outside it', () => {
    expect(seed(sample)).toBe(true);
    expect(seed({ ...sample, extra: 1 })).toBe(false);
    expect(seed({ ...sample, created_at: 2 ** 63 + 2 ** 11 })).toBe(false);
    expect(seed({ ...sample, sign_in_id: 7 })).toBe(false);
    expect(seed({ ...sample, last_active_session_id: null })).toBe(true);
  });

  test('is never certain of a schema with a keyword it does not know', () => {
    for (const schema of [
      { type: 'string', pattern: '^a' },
      { type: 'object', properties: { a: { $ref: '#' } } },
      { type: ['string', 'null'] },
      { type: 'string', format: 'email' },
      { type: 'object', additionalProperties: { type: 'string' } },
      { anyOf: [{ type: 'string' }] },
      { minLength: 1 },
    ])
      expect(compileCertifier(schema)('a')).toBe(false);
    expect(compileCertifier({ description: 'anything' })('a')).toBe(true);
    expect(compileCertifier({ type: 'string', nullable: true })(null)).toBe(true);
  });
});

describe('object tests', () => {
  const schema = {
    type: 'object',
    required: ['id', 'items'],
    additionalProperties: false,
    properties: {
      id: { type: 'string' },
      note: { type: 'string', nullable: true },
      items: { type: 'array', items: { type: 'object', properties: { n: { type: 'integer' } } } },
    },
  };

  test('get the values the certifier read, in the order they name, absent ones undefined, then context and now', () => {
    const calls: unknown[][] = [];
    const certify = compileTestedCertifier(schema, {
      '': { names: ['items', 'note', 'id'], holds: (...args: unknown[]) => calls.push(args) > 0 },
      '/properties/items/items': { names: ['n'], holds: (...args: unknown[]) => calls.push(args) > 0 },
    });
    const items = [{ n: 1 }, {}];
    expect(certify({ id: 'a', items }, 'context', 7)).toBe(2);
    // Each item as the certifier meets it, the object holding them last.
    expect(calls).toEqual([
      [1, 'context', 7],
      [undefined, 'context', 7],
      [items, undefined, 'a', 'context', 7],
    ]);
  });

  test('a failed test leaves the schema certified (1); a schema it does not prove is 0 whatever the tests say', () => {
    const failing = compileTestedCertifier(schema, {
      '': { names: ['id'], holds: (id: string) => id !== 'bad' },
    });
    expect(failing({ id: 'ok', items: [] }, undefined, undefined)).toBe(2);
    expect(failing({ id: 'bad', items: [] }, undefined, undefined)).toBe(1);
    expect(failing({ id: 'bad', items: [{ n: 'x' }] }, undefined, undefined)).toBe(0);
    expect(failing({ id: 'bad', items: [], extra: 1 }, undefined, undefined)).toBe(0);
    // After a failed test the others are not run: their answer could not make the value valid.
    let later = 0;
    const skipped = compileTestedCertifier(schema, {
      '/properties/items/items': { names: ['n'], holds: () => false },
      '': { names: ['id'], holds: () => ++later > 0 },
    });
    expect(skipped({ id: 'a', items: [{ n: 1 }] }, undefined, undefined)).toBe(1);
    expect(later).toBe(0);
  });

  test('a test that names no object, or a property the object does not have, is an error, never skipped', () => {
    const holds = () => true;
    expect(() => compileTestedCertifier(schema, { '/properties/id': { names: [], holds } })).toThrow(
      'object tests on no object with properties: /properties/id',
    );
    expect(() => compileTestedCertifier(schema, { '/nowhere': { names: [], holds } })).toThrow('/nowhere');
    expect(() => compileTestedCertifier(schema, { '': { names: ['missing'], holds } })).toThrow(
      'object test at /: no property missing',
    );
    // On an object it can never be certain of (a keyword it does not know), no value would reach the test.
    const unknown = compileTestedCertifier({ ...schema, minProperties: 1 }, { '': { names: ['id'], holds } });
    expect(unknown({ id: 'a', items: [] }, undefined, undefined)).toBe(0);
  });
});
