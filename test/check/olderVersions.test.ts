import fc from 'fast-check';
import { expect, test } from 'vitest';
import { checkClient, createChecker } from '../../src/check/checkClient.js';
import { clientArbitrary } from '../../src/index.js';
import { API_VERSIONS } from '../../src/schema/derived/index.js';
import { client } from '../helpers.js';

test('a Client of the latest version checked under an older one is judged by that version, never by the seed', () => {
  // 2025-03-12's Client has no last_authentication_strategy: the latest seed (and its fast path) would accept it.
  const value = JSON.parse(JSON.stringify(client(1)));
  expect(checkClient(value).violations).toEqual([]);
  expect(
    checkClient(value, { apiVersion: '2025-03-12' }).violations.map(({ rule, path }) => ({ rule, path })),
  ).toEqual([{ rule: 'schema/additionalProperties', path: '/last_authentication_strategy' }]);
  // The version a response was recorded under (Clerk-API-Version) decides too.
  expect(createChecker()('client', value, undefined, '2025-03-12').violations).toHaveLength(1);
});

test('under any API version, the checker gives what the full check without its fast path gives', () => {
  const versions = fc.constantFrom(...API_VERSIONS);
  fc.assert(
    fc.property(
      clientArbitrary(),
      versions,
      fc.option(versions, { nil: undefined }),
      (generated, option, recorded) => {
        const value = JSON.parse(JSON.stringify(generated));
        const options = { apiVersion: option };
        expect(createChecker(options)('client', value, undefined, recorded)).toEqual(
          createChecker(options, { fastPath: false })('client', value, undefined, recorded),
        );
      },
    ),
    { numRuns: 300 },
  );
});

test('a rule turned off reports nothing, even on a value the fast path hands over', () => {
  const value = JSON.parse(JSON.stringify(client(1)));
  value.sessions[0].user_id = 'person_1';
  expect(checkClient(value).violations.map(({ rule }) => rule)).toEqual(['id-prefixes']);
  expect(checkClient(value, { rules: { 'id-prefixes': 'off' } }).violations).toEqual([]);
  expect(checkClient(value, { profile: 'strict', rules: { 'id-prefixes': 'off' } }).violations).toEqual([]);
});

test("a Client whose own id lacks its prefix is never certified: the fast path checks the Client's id too", () => {
  // No sessions: nothing else carries the id (a session's client_id would be caught on its own).
  const value = JSON.parse(JSON.stringify(client(0)));
  value.id = value.id.replace(/^client_/, 'cli_');
  expect(checkClient(value).violations.map(({ rule, path }) => ({ rule, path }))).toEqual([
    { rule: 'id-prefixes', path: '/id' },
  ]);
});
