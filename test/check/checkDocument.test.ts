import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkDocument } from '../../src/index.js';

const example = (name: string) => JSON.parse(readFileSync(`examples/kinds/${name}`, 'utf8'));

describe('checkDocument', () => {
  test('judges every object of a document by its kind and counts them', () => {
    expect(checkDocument(example('valid/session-list-paginated.json'))).toEqual({
      ok: true,
      violations: [],
      clients: 0,
      sessions: 2,
      fapiClients: 0,
      fapiSessions: 0,
    });
    expect(checkDocument(example('valid/fapi-sign-in-piggybacked-client.json'))).toMatchObject({
      ok: true,
      fapiClients: 1,
    });
  });

  test('gives paths from the document root, and what each object was judged as', () => {
    const result = checkDocument(example('broken/webhook-session-without-user.json'));
    expect(result.ok).toBe(false);
    expect(result.violations).toMatchObject([
      { rule: 'schema/required', path: '/data/user', kind: 'webhook' },
    ]);
  });

  test('a document that holds nothing to check is not ok, and a Clerk error body says so', () => {
    expect(checkDocument([]).ok).toBe(false);
    expect(checkDocument({ errors: [{ message: 'x', code: 'resource_not_found' }] })).toMatchObject({
      ok: false,
      error: 'a Clerk error response ("resource_not_found"), not a document to check',
    });
  });
});

test('checkDocument judges any value as its JSON, and never throws on a hostile one', () => {
  const hostile = new Proxy(
    {},
    {
      get() {
        throw new Error('boom');
      },
    },
  );
  expect(() => checkDocument(hostile)).not.toThrow();
  expect(
    checkDocument(Object.create(JSON.parse(readFileSync('examples/kinds/valid/session.json', 'utf8')))).ok,
  ).toBe(false);
});
