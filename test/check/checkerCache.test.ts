import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cachedChecker, checkClient, createChecker } from '../../src/check/checkClient.js';
import { ruleIds } from '../../src/check/ruleSettings.js';
import type { CheckOptions } from '../../src/check/types.js';
import { clientArbitrary, nearValidClientArbitrary } from '../../src/index.js';
import { API_VERSIONS } from '../../src/schema/derived/index.js';

/** One option set per field that changes what a checker does, each differing from the defaults in that field only. */
const DISTINCT_OPTIONS: CheckOptions[] = [
  {},
  { profile: 'strict' },
  { rules: { 'id-prefixes': 'off' } },
  { rules: { 'id-prefixes': 'error' } },
  { rules: { 'ksuid-ids': 'warning' } },
  { rules: { 'id-prefixes': 'off', 'ksuid-ids': 'warning' } },
  { clockSkewMs: 0 },
  { clockSkewMs: 60_000 },
  { apiVersion: '2025-04-10' },
];

describe('one-shot checks keep a checker per option set', () => {
  test('equal option sets share one checker, however they are written; `now` is not part of the set', () => {
    expect(cachedChecker(undefined)).toBe(cachedChecker({}));
    expect(cachedChecker({})).toBe(cachedChecker({ now: 1_731_318_000_000 }));
    expect(cachedChecker({ profile: undefined, rules: undefined } as unknown as CheckOptions)).toBe(
      cachedChecker({}),
    );
    for (const options of DISTINCT_OPTIONS)
      expect(cachedChecker({ ...options })).toBe(cachedChecker(options));
  });

  test('option sets that differ in any field get their own checker', () => {
    const checkers = DISTINCT_OPTIONS.map((options) => cachedChecker(options));
    expect(new Set(checkers).size).toBe(DISTINCT_OPTIONS.length);
  });

  test('options that are not plain strings and numbers are never cached, and bad ones are still refused', () => {
    const inherited = Object.assign(Object.create({ 'id-prefixes': 'off' }), {}) as CheckOptions['rules'];
    for (const options of [{ rules: inherited }, { rules: new Map() as never }, { rules: null as never }]) {
      expect(cachedChecker(options as CheckOptions)).not.toBe(cachedChecker(options as CheckOptions));
    }
    expect(() => cachedChecker({ profile: 7 as never })).toThrow(/profile/);
    expect(() => cachedChecker({ apiVersion: 20250410 as never })).toThrow(/apiVersion/);
    expect(() => cachedChecker({ clockSkewMs: '5' as never })).toThrow(/clockSkewMs/);
    expect(() => cachedChecker({ rules: { 'id-prefixes': 1 as never } })).toThrow(/id-prefixes/);
    expect(() => cachedChecker({ now: Number.NaN })).toThrow(/now/);
  });

  test('the 16 most recently used option sets are kept; the least recently used goes first', () => {
    const first = cachedChecker({ clockSkewMs: 1 });
    const second = cachedChecker({ clockSkewMs: 2 });
    for (let skew = 3; skew <= 16; skew++) cachedChecker({ clockSkewMs: skew });
    // Sixteen sets so far; using the first again makes the second the oldest.
    expect(cachedChecker({ clockSkewMs: 1 })).toBe(first);
    cachedChecker({ clockSkewMs: 17 });
    expect(cachedChecker({ clockSkewMs: 1 })).toBe(first);
    expect(cachedChecker({ clockSkewMs: 2 })).not.toBe(second);
  });
});

test('a one-shot check gives what a checker built for its options gives, whatever option sets came before', () => {
  const options: fc.Arbitrary<CheckOptions> = fc.record(
    {
      profile: fc.constantFrom('default', 'strict'),
      rules: fc.dictionary(fc.constantFrom(...ruleIds), fc.constantFrom('error', 'warning', 'off'), {
        maxKeys: 2,
      }),
      clockSkewMs: fc.constantFrom(0, 1000, 60_000),
      apiVersion: fc.constantFrom(...API_VERSIONS),
      now: fc.integer({ min: 1.7e12, max: 1.8e12 }),
    },
    { requiredKeys: [] },
  );
  const value = fc.oneof(
    clientArbitrary(),
    nearValidClientArbitrary().map(({ value }) => value),
  );
  fc.assert(
    fc.property(fc.array(fc.tuple(options, value), { minLength: 1, maxLength: 5 }), (calls) => {
      for (const [each, client] of calls)
        expect(checkClient(client, each)).toEqual(createChecker(each)('client', client, each.now));
    }),
    { numRuns: 200 },
  );
});
