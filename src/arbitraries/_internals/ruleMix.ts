/** @internal Which breaks a near-valid arbitrary makes, and how often: a rule first, by weight, then one of its breaks. */
import fc from 'fast-check';
import { rules as allRules, resolveRuleSettings, ruleIds } from '../../check/ruleSettings.js';
import type { Profile } from '../../check/types.js';
import { InvalidOptionError } from '../../invalidOption.js';
import type { Mutation, NearValidClient } from './mutation.js';

const PROFILES: readonly Profile[] = ['default', 'strict'];
const NEEDS_NOW = new Set(allRules.filter((rule) => rule.needsNow === true).map((rule) => rule.id));

/** The constraints both near-valid arbitraries take to choose their breaks. */
export type RuleMixConstraints = {
  /**
   * The profile the samples are checked in: a rule it turns off (`ksuid-ids` in `default`) is never broken.
   * @defaultValue 'default'
   */
  profile?: Profile;
  /** Only break these rules (invariant ids or `schema/<keyword>`). @defaultValue every rule the profile reports */
  rules?: readonly string[];
  /** Relative weights by rule id (integers >= 0, 0 leaves a rule out). @defaultValue 1 for every rule */
  weights?: Readonly<Record<string, number>>;
};

/**
 * The breaks of a catalogue that a check in `profile` reports: none of a rule it turns off, nor of a rule that needs
 * the observation time when `now` was not given (a check without it cannot judge them). Refuses bad constraints
 * eagerly, naming the arbitrary and the value; `what` says which Clients the catalogue breaks.
 */
export function chooseMutations<T>(
  arbitrary: string,
  catalogue: readonly Mutation<T>[],
  { profile = 'default', rules, weights }: RuleMixConstraints,
  nowGiven: boolean,
  what: string,
): Mutation<T>[] {
  const fail = (message: string) => new InvalidOptionError(`${arbitrary}: ${message}`);
  if (!PROFILES.includes(profile))
    throw fail(`unknown profile ${JSON.stringify(profile)}: expected one of ${PROFILES.join(', ')}`);
  if (rules !== undefined && (!Array.isArray(rules) || rules.length === 0))
    throw fail(`rules must list at least one rule id, got ${JSON.stringify(rules)}`);
  const settings = resolveRuleSettings({ profile });
  for (const rule of rules ?? []) {
    if (!ruleIds.includes(rule)) throw fail(`unknown rule ${JSON.stringify(rule)}`);
    if (settings.get(rule) === 'off') throw fail(`rule ${rule} is off in the ${profile} profile`);
    if (NEEDS_NOW.has(rule) && !nowGiven)
      throw fail(`rule ${rule} is judged at an observation time: give now, and check each sample at its now`);
  }
  for (const [rule, weight] of Object.entries(weights ?? {})) {
    if (!ruleIds.includes(rule)) throw fail(`unknown rule ${JSON.stringify(rule)} in weights`);
    if (!Number.isInteger(weight) || weight < 0)
      throw fail(`the weight of ${rule} must be an integer >= 0, got ${weight}`);
  }
  const chosen = catalogue.filter(
    ({ rule }) =>
      settings.get(rule) !== 'off' &&
      (nowGiven || !NEEDS_NOW.has(rule)) &&
      (rules === undefined || rules.includes(rule)) &&
      weights?.[rule] !== 0,
  );
  for (const rule of rules ?? []) {
    if (weights?.[rule] !== 0 && !chosen.some((mutation) => mutation.rule === rule))
      throw fail(`no mutation breaks ${rule} in ${what}`);
  }
  if (chosen.length === 0) throw fail(`the constraints leave no rule to break in ${what}`);
  return chosen;
}

/** Each rule as often as its weight says, then one of its breaks: the schema walk's hundreds would drown the rest. */
export function mixByRule(
  samples: ReadonlyArray<{ rule: string; arbitrary: fc.Arbitrary<NearValidClient> }>,
  weights: Readonly<Record<string, number>> = {},
): fc.Arbitrary<NearValidClient> {
  const byRule = new Map<string, fc.Arbitrary<NearValidClient>[]>();
  for (const { rule, arbitrary } of samples) {
    const group = byRule.get(rule);
    if (group === undefined) byRule.set(rule, [arbitrary]);
    else group.push(arbitrary);
  }
  return fc.oneof(
    ...[...byRule].map(([rule, group]) => ({ arbitrary: fc.oneof(...group), weight: weights[rule] ?? 1 })),
  );
}

/** Splits an arbitrary's constraints into those of its valid Clients and those of its mix. */
export function splitMix<C extends RuleMixConstraints>(
  constraints: C,
): [Omit<C, keyof RuleMixConstraints>, RuleMixConstraints] {
  const { profile, rules, weights, ...rest } = constraints;
  return [
    rest,
    {
      ...(profile === undefined ? {} : { profile }),
      ...(rules === undefined ? {} : { rules }),
      ...(weights === undefined ? {} : { weights }),
    },
  ];
}
