import { describe, expect, test } from 'vitest';
import { addSchemaDocument, compileValidator, type SchemaValidator } from '../../src/schema/validator.js';

/** The rule and path of each violation, in order. */
const found = (violations: ReturnType<SchemaValidator>) =>
  violations.map(({ rule, path, params }) => ({ rule, path, params }));

/** The Frontend API's way of writing a nullable object: a `null` branch beside the object. */
const nullableObject = (properties: Record<string, unknown>) => ({
  anyOf: [{ type: 'null' }, { type: 'object', properties }],
});

describe('alternatives (anyOf, oneOf) report the branch that explains the failure, once', () => {
  test('a nullable string given a number: one schema/type at the value, for the string branch', () => {
    const validate = compileValidator({ anyOf: [{ type: 'null' }, { type: 'string' }] });
    expect(found(validate(1))).toEqual([{ rule: 'schema/type', path: '', params: { type: 'string' } }]);
    expect(validate(null)).toEqual([]);
    expect(validate('x')).toEqual([]);
  });

  test('a nullable object given a number: the object branch type, not the null branch', () => {
    const validate = compileValidator(nullableObject({ a: { type: 'string' } }));
    expect(found(validate(5))).toEqual([{ rule: 'schema/type', path: '', params: { type: 'object' } }]);
  });

  test('a nullable object with a bad field: only the field, no anyOf summary at the object', () => {
    const validate = compileValidator(nullableObject({ a: { type: 'string' } }));
    expect(found(validate({ a: 1 }))).toEqual([
      { rule: 'schema/type', path: '/a', params: { type: 'string' } },
    ]);
  });

  test('the same with oneOf: only the field', () => {
    const validate = compileValidator({
      oneOf: [{ type: 'null' }, { type: 'object', properties: { a: { type: 'string' } } }],
    });
    expect(found(validate({ a: 1 }))).toEqual([
      { rule: 'schema/type', path: '/a', params: { type: 'string' } },
    ]);
  });

  test('alternatives whose only complaints are null branches are reported as the alternative itself', () => {
    // Nothing else explains the failure: dropping the summary too would leave a failing value with no violation.
    const validate = compileValidator({ anyOf: [{ type: 'null' }, { type: 'null' }] });
    expect(validate(1).map(({ rule, path }) => ({ rule, path }))).toEqual([
      { rule: 'schema/anyOf', path: '' },
    ]);
  });

  test("an error beside the alternative, not below it, does not explain it (a sibling whose name extends the alternative's)", () => {
    const validate = compileValidator({
      type: 'object',
      properties: {
        a: { anyOf: [{ type: 'null' }, { type: 'null' }] },
        ab: { type: 'string' },
        b: { type: 'string' },
      },
    });
    expect(validate({ a: 1, ab: 1, b: 1 }).map(({ rule, path }) => ({ rule, path }))).toEqual([
      { rule: 'schema/anyOf', path: '/a' },
      { rule: 'schema/type', path: '/ab' },
      { rule: 'schema/type', path: '/b' },
    ]);
  });

  test('a type error inside a non-null branch below the alternative still explains it', () => {
    const validate = compileValidator({
      type: 'object',
      properties: { a: nullableObject({ b: nullableObject({ c: { type: 'string' } }) }) },
    });
    expect(found(validate({ a: { b: { c: 1 } } }))).toEqual([
      { rule: 'schema/type', path: '/a/b/c', params: { type: 'string' } },
    ]);
  });
});

test('a schema document registered twice is kept once, without an error', () => {
  const document = { $id: 'https://example.test/twice.json', $defs: { A: { type: 'string' } } };
  addSchemaDocument(document);
  expect(() => addSchemaDocument(document)).not.toThrow();
  expect(compileValidator({ $ref: 'https://example.test/twice.json#/$defs/A' })('x')).toEqual([]);
});
