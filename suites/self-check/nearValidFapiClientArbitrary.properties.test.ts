/** Self-check: every near-valid Frontend API Client breaks exactly its labelled rule, at its labelled path. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type Checker,
  createChecker,
  type NearValidClient,
  type NearValidFapiClientConstraints,
  nearValidFapiClientArbitrary,
  nearValidFapiMutations,
} from '../../src/index.js';
import { invariants } from '../../src/invariants/index.js';
import { LATEST_API_VERSION } from '../../src/schema/derived/index.js';

type Profile = 'default' | 'strict';

const checkers = new Map<string, Checker>();

/** One checker per profile and observation time, as a user checking many samples would make it. */
function checkerOf(profile: Profile, now: number | undefined): Checker {
  const key = `${profile} ${now}`;
  let checker = checkers.get(key);
  if (checker === undefined) {
    checker = createChecker(now === undefined ? { profile } : { profile, now });
    checkers.set(key, checker);
  }
  return checker;
}

/**
 * Why a labelled sample is wrong, or undefined when the checker (at the sample's now when the arbitrary was given one)
 * reports its label and no other rule.
 */
function labelProblem(
  { value, rule, path, now }: NearValidClient,
  profile: Profile,
  apiVersion: string = LATEST_API_VERSION,
  nowGiven = true,
): string | undefined {
  const { violations } = checkerOf(profile, nowGiven ? now : undefined)(
    'fapi-client',
    value,
    undefined,
    apiVersion,
  );
  if (!violations.some((v) => v.rule === rule && v.path === path))
    return `${profile}: ${rule} not at ${path}`;
  const others = violations.filter((v) => v.rule !== rule);
  if (others.length > 0) return `${profile}: also ${others.map((v) => `${v.rule} ${v.path}`).join(', ')}`;
  return undefined;
}

const fapiRules = (profile: Profile, nowGiven: boolean) =>
  invariants
    .filter(
      (invariant) =>
        invariant.surfaces.includes('fapi') &&
        invariant.severity[profile] !== 'off' &&
        (nowGiven || invariant.needsNow !== true),
    )
    .map((invariant) => invariant.id);

const NOW = Date.UTC(2025, 11, 1);

describe('nearValidFapiClientArbitrary', () => {
  // 300 runs break each of the 18-20 rules about 15 times; every schema mutation is checked one by one in
  // test/arbitraries/_internals/fapiSchemaMutations.test.ts.
  test.each([
    ['default', 300, undefined],
    ['strict', 300, NOW],
  ] as const)(
    '%s profile: each value is reported with its label and no other violation; every rule is broken',
    (profile, numRuns, now) => {
      const seen = new Set<string>();
      const constraints = now === undefined ? { profile } : { profile, now };
      fc.assert(
        fc.property(nearValidFapiClientArbitrary(constraints), (sample) => {
          seen.add(sample.rule);
          expect(labelProblem(sample, profile, LATEST_API_VERSION, now !== undefined)).toBeUndefined();
        }),
        { numRuns, seed: 15 },
      );
      const expected = [
        ...fapiRules(profile, now !== undefined),
        'schema/type',
        'schema/required',
        'schema/enum',
      ];
      expected.push('schema/additionalProperties', 'schema/format', 'unknown-property', 'unknown-status');
      expect(expected.filter((rule) => !seen.has(rule))).toEqual([]);
      // A rule the profile turns off is never broken (ksuid-ids in the default profile).
      if (profile === 'default') expect(seen.has('ksuid-ids')).toBe(false);
    },
  );

  test.each(['2021-02-05', '2025-03-12'] as const)(
    'apiVersion %s: labelled as that version is checked',
    (apiVersion) => {
      fc.assert(
        fc.property(nearValidFapiClientArbitrary({ apiVersion, profile: 'strict' }), (sample) => {
          expect(labelProblem(sample, 'strict', apiVersion)).toBeUndefined();
        }),
        { numRuns: 100, seed: 15 },
      );
    },
  );

  test('the label stays true on every value the shrinker tries', () => {
    for (const constraints of [
      { profile: 'strict' },
      { profile: 'strict', rules: ['sessions-after-client', 'completed-sign-in-session-listed'] },
      { rules: ['schema/additionalProperties'] },
    ] satisfies NearValidFapiClientConstraints[]) {
      const tried: NearValidClient[] = [];
      // A property that always fails makes fast-check shrink each counterexample as far as it can.
      const result = fc.check(
        fc.property(nearValidFapiClientArbitrary(constraints), (sample) => {
          tried.push(sample);
          return false;
        }),
        { numRuns: 3, seed: 15 },
      );
      expect(result.numShrinks).toBeGreaterThan(3);
      const profile = constraints.profile ?? 'default';
      expect(tried.map((sample) => labelProblem(sample, profile)).filter(Boolean)).toEqual([]);
    }
  });

  test('rules restricts the labels', () => {
    const labels = fc.sample(
      nearValidFapiClientArbitrary({ rules: ['active-session-has-token', 'schema/enum'] }),
      { numRuns: 100, seed: 15 },
    );
    expect(new Set(labels.map((sample) => sample.rule))).toEqual(
      new Set(['active-session-has-token', 'schema/enum']),
    );
  });
});

describe('the Frontend API mutation catalogue', () => {
  const catalogue = nearValidFapiMutations({ profile: 'strict', now: NOW });
  const pointers = (rule: string) =>
    new Set(catalogue.filter((mutation) => mutation.rule === rule).map((mutation) => mutation.schemaPointer));

  test('every invariant of Frontend API Clients has at least one mutation, and no other invariant has one', () => {
    const broken = new Set(
      catalogue
        .map((mutation) => mutation.rule)
        .filter((rule) => !rule.startsWith('schema/') && !rule.startsWith('unknown-')),
    );
    expect([...broken].sort()).toEqual(fapiRules('strict', true).sort());
  });

  test('the schema walk reaches through $ref, allOf and nullable anyOf, and leaves the embedded user alone', () => {
    expect(pointers('schema/required')).toContain('/properties/sign_in');
    expect(pointers('schema/required')).toContain('/properties/sessions/items/properties/public_user_data');
    expect(pointers('schema/enum')).toContain('/properties/sessions/items/properties/status');
    expect(pointers('schema/enum')).toContain('/properties/sign_in/properties/status');
    expect(pointers('schema/enum')).toContain('/properties/sign_up/properties/status');
    for (const closed of [
      '/properties/sign_in',
      '/properties/sign_in/properties/user_data',
      '/properties/sessions/items/properties/last_active_token',
      '/properties/sessions/items/properties/public_user_data',
    ])
      expect(pointers('schema/additionalProperties')).toContain(closed);
    expect(
      catalogue.filter((mutation) => mutation.schemaPointer?.includes('/items/properties/user') === true),
    ).toEqual([]);
  });

  test('the catalogue follows the API version: 2025-03-12 has no last_authentication_strategy to delete', () => {
    const required = (apiVersion: '2025-03-12' | '2026-05-12') =>
      nearValidFapiMutations({ apiVersion }).filter((mutation) => mutation.rule === 'schema/required');
    expect(required('2026-05-12').map((mutation) => mutation.name)).toContain(
      'delete /last_authentication_strategy',
    );
    expect(required('2025-03-12').map((mutation) => mutation.name)).not.toContain(
      'delete /last_authentication_strategy',
    );
  });
});
