import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkDocument } from '../../src/index.js';
import { client, copy } from '../helpers.js';

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

describe('checkDocument on lists and forced kinds', () => {
  test('paths start at the document root; each object is counted once under its kind', () => {
    const broken = copy(client(1));
    broken.updated_at = broken.created_at - 1;
    const result = checkDocument({ data: [client(0), broken], total_count: 2 });
    expect(result).toMatchObject({ ok: false, clients: 2, sessions: 0 });
    expect(result.violations.map(({ rule, path, kind }) => `${kind} ${rule} ${path}`)).toEqual([
      'client timestamps-ordered /data/1/updated_at',
    ]);
  });

  test('warnings leave a document ok; the kind option judges every object as that kind', () => {
    const warned = copy(client(1));
    if (warned.sessions[0]) warned.sessions[0].user_id = 'usr_1';
    expect(checkDocument([warned])).toMatchObject({ ok: true, clients: 1 });
    expect(checkDocument([client(0)], { kind: 'session' })).toMatchObject({
      ok: false,
      clients: 0,
      sessions: 1,
    });
  });
});
