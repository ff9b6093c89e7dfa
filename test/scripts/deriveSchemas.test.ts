import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { deriveAll, SPEC_DIR } from '../../scripts/deriveSchemas.js';
import { deriveDocument } from '../../scripts/specToSchema.js';

// The workplace's shared/ lies beside the checkout (as in CI); a clone elsewhere has no specs to derive from.
describe.runIf(existsSync(SPEC_DIR))('npm run derive', () => {
  test('the committed derived schemas and docs/api-versions.md are what the specs give today', () => {
    const outputs = deriveAll();
    expect(outputs.length).toBe(14);
    for (const { path, content } of outputs) {
      const committed = readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
      expect(committed, `${path} is stale: run npm run derive`).toBe(content);
    }
  });
});

/** A one-schema spec whose Client is `client` (the BAPI root names). */
const derive = (schemas: Record<string, unknown>) =>
  deriveDocument(
    { components: { schemas: { Session: { type: 'object' }, ...schemas } } },
    { surface: 'bapi', date: '2099-01-01', file: 'bapi/2099-01-01.yml' },
  ).$defs as Record<string, unknown>;

describe('the transformation of one schema', () => {
  test('nullable becomes a null type, a null enum value, or a null branch beside $ref and allOf', () => {
    const defs = derive({
      Client: {
        type: 'object',
        properties: {
          a: { type: 'string', nullable: true },
          b: { type: 'string', enum: ['x'], nullable: true },
          c: { type: 'object', nullable: true, allOf: [{ $ref: '#/components/schemas/Session' }] },
          d: { $ref: '#/components/schemas/Session', nullable: true },
          e: { nullable: false, type: 'integer', format: 'int64' },
        },
      },
    });
    expect((defs.Client as { properties: unknown }).properties).toEqual({
      a: { type: ['string', 'null'] },
      b: { type: ['string', 'null'], enum: ['x', null] },
      c: { anyOf: [{ type: 'null' }, { type: 'object', allOf: [{ $ref: '#/$defs/Session' }] }] },
      d: { anyOf: [{ type: 'null' }, { $ref: '#/$defs/Session' }] },
      e: { type: 'integer', format: 'int64' },
    });
  });

  test('prose and x- extensions are dropped; an unknown keyword is an error naming its place', () => {
    expect(
      derive({ Client: { type: 'string', description: 'd', example: 'e', 'x-speakeasy': 1 } }).Client,
    ).toEqual({
      type: 'string',
    });
    expect(() =>
      derive({ Client: { type: 'object', properties: { a: { type: 'string', xml: {}, foo: 1 } } } }),
    ).toThrow('Client/properties/a: keyword foo is neither kept nor known to be prose');
  });

  test('only the $ref closure of the Client and Session is kept', () => {
    const defs = derive({
      Client: { type: 'object', properties: { s: { $ref: '#/components/schemas/Other' } } },
      Other: { type: 'string' },
      Unrelated: { type: 'string' },
    });
    expect(Object.keys(defs).sort()).toEqual(['Client', 'Other', 'Session']);
  });

  test('an allOf that extends a closed schema is merged into one closed schema', () => {
    const defs = derive({
      Client: {
        allOf: [
          { $ref: '#/components/schemas/Closed' },
          { properties: { user: { type: 'string' } }, required: ['user'] },
        ],
      },
      Closed: {
        type: 'object',
        additionalProperties: false,
        properties: { id: { type: 'string' } },
        required: ['id'],
      },
    });
    expect(defs.Client).toEqual({
      type: 'object',
      properties: { id: { type: 'string' }, user: { type: 'string' } },
      required: ['id', 'user'],
      additionalProperties: false,
    });
  });

  test('a required name that its schema does not declare is declared as any value (Ajv strict mode)', () => {
    expect(derive({ Client: { anyOf: [{ required: ['a'] }, { required: ['b'] }] } }).Client).toEqual({
      anyOf: [
        { type: 'object', required: ['a'], properties: { a: {} } },
        { type: 'object', required: ['b'], properties: { b: {} } },
      ],
    });
  });
});
