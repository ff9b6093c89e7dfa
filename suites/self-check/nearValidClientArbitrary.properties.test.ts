/** Self-check: every near-valid Client breaks exactly its labelled rule, at its labelled path, even while shrinking. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { rules } from '../../src/check/ruleSettings.js';
import type { Profile } from '../../src/check/types.js';
import {
  checkClient,
  type NearValidClient,
  nearValidClientArbitrary,
  nearValidMutations,
} from '../../src/index.js';
import { invariants } from '../../src/invariants/index.js';
import { clientSchema } from '../../src/schema/validator.js';

const NOW = Date.UTC(2025, 11, 1);

/**
 * Why a labelled sample is wrong, or undefined when a check in its profile (at its `now` when the arbitrary was given
 * one) reports its label and nothing else, and a check in the other profile reports no other rule either.
 */
function labelProblem(
  { value, rule, path, now }: NearValidClient,
  profile: Profile = 'default',
  nowGiven = false,
): string | undefined {
  for (const each of ['default', 'strict'] as const) {
    const { violations } = checkClient(value, { profile: each, ...(nowGiven ? { now } : {}) });
    const labelled = violations.some((v) => v.rule === rule && v.path === path);
    if (each === profile && !labelled) return `${each}: ${rule} not at ${path}`;
    const others = violations.filter((v) => v.rule !== rule);
    if (others.length > 0) return `${each}: also ${others.map((v) => `${v.rule} ${v.path}`).join(', ')}`;
  }
  return undefined;
}

describe('nearValidClientArbitrary', () => {
  // 1,000 runs break each of the 19 default rules about 50 times; "draws every mutation" below checks the label of
  // every one of the 127 mutations at least once.
  test('with the defaults on both sides, checkClient(value) reports every sample at its path, and nothing else', () => {
    fc.assert(
      fc.property(nearValidClientArbitrary(), (sample) => {
        expect(labelProblem(sample)).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });

  test('in the strict profile at a given now, every rule is broken and reported, and nothing else', () => {
    fc.assert(
      fc.property(nearValidClientArbitrary({ profile: 'strict', now: NOW }), (sample) => {
        expect(labelProblem(sample, 'strict', true)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  test('each rule the default profile reports gets 2-25 % of 2,000 default samples, schema/format included', () => {
    const counts = new Map<string, number>();
    for (const { rule } of fc.sample(nearValidClientArbitrary(), { numRuns: 2000 }))
      counts.set(rule, (counts.get(rule) ?? 0) + 1);
    const reported = rules.filter(
      (rule) =>
        rule.severity.default !== 'off' &&
        rule.needsNow !== true &&
        nearValidMutations().some((m) => m.rule === rule.id),
    );
    expect([...counts.keys()].sort()).toEqual(reported.map((rule) => rule.id).sort());
    expect(counts.has('schema/format')).toBe(true);
    for (const [rule, count] of counts) {
      expect(count, rule).toBeGreaterThanOrEqual(40);
      expect(count, rule).toBeLessThanOrEqual(500);
    }
  });

  test('the label stays true on every value the shrinker tries', () => {
    const tried: NearValidClient[] = [];
    // A property that always fails makes fast-check shrink each counterexample as far as it can.
    const result = fc.check(
      fc.property(nearValidClientArbitrary(), (sample) => {
        tried.push(sample);
        return false;
      }),
      { numRuns: 1 },
    );
    expect(result.failed).toBe(true);
    expect(result.numShrinks).toBeGreaterThan(3);
    expect(tried.map((sample) => labelProblem(sample)).filter(Boolean)).toEqual([]);
    for (const rule of ['session-ids-unique', 'status-matches-clock', 'schema/required']) {
      const shrunkSamples: NearValidClient[] = [];
      fc.check(
        fc.property(nearValidClientArbitrary({ rules: [rule], profile: 'strict', now: NOW }), (sample) => {
          shrunkSamples.push(sample);
          return false;
        }),
        { numRuns: 5 },
      );
      expect(
        shrunkSamples.map((sample) => labelProblem(sample, 'strict', true)).filter(Boolean),
        rule,
      ).toEqual([]);
    }
  });

  test('rules and weights focus the mix', () => {
    const labels = fc.sample(nearValidClientArbitrary({ rules: ['timestamps-ordered', 'schema/enum'] }), 300);
    expect(new Set(labels.map((sample) => sample.rule))).toEqual(
      new Set(['timestamps-ordered', 'schema/enum']),
    );
    const weighted = fc.sample(
      nearValidClientArbitrary({ weights: { 'schema/type': 0, 'timestamps-ordered': 20 } }),
      { numRuns: 1000 },
    );
    const ordered = weighted.filter((sample) => sample.rule === 'timestamps-ordered').length;
    expect(weighted.some((sample) => sample.rule === 'schema/type')).toBe(false);
    // 20 of the 37 weight units: about 54 %.
    expect(ordered).toBeGreaterThan(400);
  });

  test('refuses constraints it cannot honour, naming the arbitrary and the value', () => {
    const refused = {
      'unknown rule "no-such-rule"': { rules: ['no-such-rule'] },
      'rule ksuid-ids is off in the default profile': { rules: ['ksuid-ids'] },
      'rule status-matches-clock is judged at an observation time: give now, and check each sample at its now':
        {
          rules: ['status-matches-clock'],
        },
      'unknown profile "lenient": expected one of default, strict': { profile: 'lenient' },
      'the weight of schema/type must be an integer >= 0, got 0.5': { weights: { 'schema/type': 0.5 } },
      'unknown rule "nope" in weights': { weights: { nope: 1 } },
      'no mutation breaks active-session-has-token in a Backend API Client': {
        rules: ['active-session-has-token'],
      },
    };
    for (const [message, constraints] of Object.entries(refused)) {
      expect(() => nearValidClientArbitrary(constraints as never), message).toThrow(
        `nearValidClientArbitrary: ${message}`,
      );
    }
  });
});

describe('the mutation catalogue', () => {
  const catalogue = nearValidMutations({ profile: 'strict', now: NOW });

  test('every invariant of Backend API Clients has at least one mutation', () => {
    const broken = new Set(catalogue.map((mutation) => mutation.rule));
    expect(
      invariants
        .filter((invariant) => invariant.surfaces.includes('bapi') && !broken.has(invariant.id))
        .map((invariant) => invariant.id),
    ).toEqual([]);
  });

  test('every schema location has one: each required property, typed value, int64, non-nullable value, enum, closed object', () => {
    const expected: string[] = [];
    const walk = (node: Record<string, unknown>, pointer: string, required: boolean) => {
      if (required && pointer !== '' && !pointer.endsWith('/items'))
        expected.push(`schema/required ${pointer}`);
      if (node.type !== undefined) expected.push(`schema/type ${pointer}`);
      if (node.format === 'int64') expected.push(`schema/format ${pointer}`);
      if (Array.isArray(node.enum)) expected.push(`schema/enum ${pointer}`);
      if (Array.isArray(node.enum) && pointer.endsWith('/status')) expected.push(`unknown-status ${pointer}`);
      if (node.additionalProperties === false)
        expected.push(`schema/additionalProperties ${pointer}`, `unknown-property ${pointer}`);
      const names = (node.required ?? []) as string[];
      for (const [name, child] of Object.entries(
        (node.properties ?? {}) as Record<string, Record<string, unknown>>,
      )) {
        walk(child, `${pointer}/properties/${name}`, names.includes(name));
      }
      if (node.items) walk(node.items as Record<string, unknown>, `${pointer}/items`, true);
    };
    walk(clientSchema as Record<string, unknown>, '', true);
    const covered = new Set(catalogue.map((mutation) => `${mutation.rule} ${mutation.schemaPointer}`));
    expect(expected.filter((location) => !covered.has(location))).toEqual([]);
    const nullBreaks = catalogue.filter((mutation) => mutation.name.endsWith(' null')).length;
    expect(nullBreaks).toBe(expected.filter((entry) => entry.startsWith('schema/type')).length - 8);
  });

  test('draws every mutation of the catalogue, each labelled right (strict, at a given now)', () => {
    const all = nearValidMutations({ profile: 'strict', now: NOW });
    const drawn = new Set<string>();
    const problems: string[] = [];
    for (const rule of new Set(all.map((mutation) => mutation.rule))) {
      const count = all.filter((mutation) => mutation.rule === rule).length;
      const arbitrary = nearValidClientArbitrary({ profile: 'strict', now: NOW, rules: [rule] });
      for (const sample of fc.sample(arbitrary, { numRuns: 30 * count })) {
        // The first draw of each mutation is checked: the properties above check many more of each rule.
        if (drawn.has(sample.mutation)) continue;
        drawn.add(sample.mutation);
        const problem = labelProblem(sample, 'strict', true);
        if (problem !== undefined) problems.push(`${sample.mutation}: ${problem}`);
      }
    }
    expect(all.filter((mutation) => !drawn.has(mutation.name))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
