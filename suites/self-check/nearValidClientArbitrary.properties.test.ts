/** Self-check: every near-valid Client breaks exactly its labelled rule, at its labelled path, even while shrinking. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  checkClient,
  type NearValidClient,
  nearValidClientArbitrary,
  nearValidMutations,
} from '../../src/index.js';
import { invariants } from '../../src/invariants/index.js';
import { clientSchema } from '../../src/schema/validator.js';

/** Why a labelled sample is wrong, or undefined when checkClient reports exactly its label in both profiles at its now. */
function labelProblem({ value, rule, path, now }: NearValidClient): string | undefined {
  for (const profile of ['default', 'strict'] as const) {
    const { violations } = checkClient(value, { profile, now });
    const labelled = violations.some((v) => v.rule === rule && v.path === path);
    // ksuid-ids is off in the default profile: there the break must simply go unreported.
    if (!labelled && !(rule === 'ksuid-ids' && profile === 'default'))
      return `${profile}: ${rule} not at ${path}`;
    const others = violations.filter((v) => v.severity === 'error' && v.rule !== rule);
    if (others.length > 0) return `${profile}: also ${others.map((v) => `${v.rule} ${v.path}`).join(', ')}`;
  }
  return undefined;
}

describe('nearValidClientArbitrary', () => {
  test('every value is reported with its labelled rule at its labelled path, and with no other error', () => {
    fc.assert(
      fc.property(nearValidClientArbitrary(), (sample) => {
        expect(labelProblem(sample)).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
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
    expect(tried.map(labelProblem).filter(Boolean)).toEqual([]);
    for (const rule of ['session-ids-unique', 'status-matches-clock', 'schema/required']) {
      const shrunkSamples: NearValidClient[] = [];
      fc.check(
        fc.property(nearValidClientArbitrary({ rules: [rule] }), (sample) => {
          shrunkSamples.push(sample);
          return false;
        }),
        { numRuns: 5 },
      );
      expect(shrunkSamples.map(labelProblem).filter(Boolean), rule).toEqual([]);
    }
  });

  test('rules restricts the labels, and an unknown rule is refused', () => {
    const labels = fc.sample(nearValidClientArbitrary({ rules: ['timestamps-ordered', 'schema/enum'] }), 300);
    expect(new Set(labels.map((sample) => sample.rule))).toEqual(
      new Set(['timestamps-ordered', 'schema/enum']),
    );
    expect(() => nearValidClientArbitrary({ rules: ['no-such-rule'] })).toThrow(
      'nearValidClientArbitrary: unknown rule "no-such-rule"',
    );
  });
});

describe('the mutation catalogue', () => {
  const catalogue = nearValidMutations();

  test('every invariant of Backend API Clients has at least one mutation', () => {
    const broken = new Set(catalogue.map((mutation) => mutation.rule));
    expect(
      invariants
        .filter((invariant) => invariant.surfaces.includes('bapi') && !broken.has(invariant.id))
        .map((invariant) => invariant.id),
    ).toEqual([]);
  });

  test('every schema location has one: each required property, typed value, non-nullable value, enum, closed object', () => {
    const expected: string[] = [];
    const walk = (node: Record<string, unknown>, pointer: string, required: boolean) => {
      if (required && pointer !== '' && !pointer.endsWith('/items'))
        expected.push(`schema/required ${pointer}`);
      if (node.type !== undefined) expected.push(`schema/type ${pointer}`);
      if (Array.isArray(node.enum)) expected.push(`schema/enum ${pointer}`);
      if (node.additionalProperties === false) expected.push(`schema/additionalProperties ${pointer}`);
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

  test('draws every mutation of the catalogue', () => {
    const drawn = new Set(
      fc.sample(nearValidClientArbitrary(), { numRuns: 5000 }).map((sample) => sample.mutation),
    );
    expect(catalogue.filter((mutation) => !drawn.has(mutation.name))).toEqual([]);
  });
});
