import fc from 'fast-check';
import { resolveRuleSettings, ruleIds } from '../check/ruleSettings.js';
import type { Profile } from '../check/types.js';
import { InvalidOptionError } from '../invalidOption.js';
import { type ResolvedConstraints, resolveConstraints } from './_internals/constraints.js';
import { fapiInvariantMutations } from './_internals/fapiInvariantMutations.js';
import { fapiSchemaMutations, signInFillerArbitrary } from './_internals/fapiSchemaMutations.js';
import type { Mutation, NearValidClient } from './_internals/mutation.js';
import { type FapiClient, type FapiClientConstraints, fapiClientArbitrary } from './fapiClientArbitrary.js';
import type { MutationEntry } from './nearValidClientArbitrary.js';

const NAME = 'nearValidFapiClientArbitrary';
const PROFILES: readonly Profile[] = ['default', 'strict'];

/** Constraints of {@link nearValidFapiClientArbitrary}: those of the valid Clients it breaks, the profile, the rules. */
export type NearValidFapiClientConstraints = FapiClientConstraints & {
  /** The profile the samples are checked in: a rule it turns off (`ksuid-ids` in `default`) is never broken. @defaultValue 'default' */
  profile?: Profile;
  /** Only break these rules (invariant ids or `schema/<keyword>`). @defaultValue every rule the profile reports */
  rules?: readonly string[];
};

/**
 * Frontend API Clients (`GET /v1/client`'s `response`) that break exactly one rule, labelled `{ value, rule, path }`
 * as the checker reports them: `createChecker({ profile, now })('fapi-client', value, undefined, apiVersion)`
 * reports `rule` at `path`, and no other error. Each sample is a valid `fapiClientArbitrary` Client and one break
 * (a hand-made one per invariant, or one from the walk of the version's schema), so every shrink breaks the same rule.
 * Every rule is drawn equally often, then one of its breaks.
 */
export function nearValidFapiClientArbitrary(
  constraints: NearValidFapiClientConstraints = {},
): fc.Arbitrary<NearValidClient> {
  const { rules, profile = 'default', ...clientConstraints } = constraints;
  const chosen = chosenMutations(clientConstraints, profile, rules);
  const c = resolveConstraints(NAME, clientConstraints, 'fapi');
  // One valid-Client arbitrary per need (fewest sessions, statuses), shared by the mutations that have it.
  const clients = new Map<string, fc.Arbitrary<FapiClient>>();
  const clientsFor = ({ minSessions, statuses }: Mutation<FapiClient>) => {
    const min = Math.max(c.minSessions, minSessions);
    const key = `${min} ${statuses?.join(',') ?? ''}`;
    let found = clients.get(key);
    if (found === undefined) {
      found = fapiClientArbitrary({
        ...clientConstraints,
        minSessions: min,
        maxSessions: Math.max(c.maxSessions, min),
        statuses: (statuses ?? c.statuses) as ResolvedConstraints['statuses'],
      });
      clients.set(key, found);
    }
    return found;
  };
  const now = c.now;
  // Each rule as often as any other: the schema walk's hundreds of breaks would otherwise drown the invariants'.
  const byRule = new Map<string, fc.Arbitrary<NearValidClient>[]>();
  for (const mutation of chosen) {
    const arbitrary = mutation.arbitrary(clientsFor(mutation)).map((sample) => ({ ...sample, now }));
    const group = byRule.get(mutation.rule);
    if (group === undefined) byRule.set(mutation.rule, [arbitrary]);
    else group.push(arbitrary);
  }
  return fc.oneof(...[...byRule.values()].map((group) => fc.oneof(...group)));
}

/** The catalogue of `nearValidFapiClientArbitrary` for these constraints: every break it can make. */
export function nearValidFapiMutations(constraints: NearValidFapiClientConstraints = {}): MutationEntry[] {
  const { rules, profile = 'default', ...clientConstraints } = constraints;
  return chosenMutations(clientConstraints, profile, rules).map(({ rule, name, schemaPointer }) =>
    schemaPointer === undefined ? { rule, name } : { rule, name, schemaPointer },
  );
}

/** The mutations the constraints allow; refuses bad constraints eagerly, naming the arbitrary and the value. */
function chosenMutations(
  clientConstraints: FapiClientConstraints,
  profile: Profile,
  rules: readonly string[] | undefined,
): Mutation<FapiClient>[] {
  const c = resolveConstraints(NAME, clientConstraints, 'fapi');
  if (!PROFILES.includes(profile))
    throw new InvalidOptionError(
      `${NAME}: unknown profile ${JSON.stringify(profile)}: expected one of ${PROFILES.join(', ')}`,
    );
  if (c.expireAfterMs < 2)
    throw new InvalidOptionError(`${NAME}: expireAfterMs must be at least 2, got ${c.expireAfterMs}`);
  if (rules !== undefined && (!Array.isArray(rules) || rules.length === 0))
    throw new InvalidOptionError(
      `${NAME}: rules must list at least one rule id, got ${JSON.stringify(rules)}`,
    );
  const settings = resolveRuleSettings({ profile });
  for (const rule of rules ?? []) {
    if (!ruleIds.includes(rule))
      throw new InvalidOptionError(`${NAME}: unknown rule ${JSON.stringify(rule)}`);
    if (settings.get(rule) === 'off')
      throw new InvalidOptionError(`${NAME}: rule ${rule} is off in the ${profile} profile`);
  }
  const catalogue = [
    ...fapiSchemaMutations(c),
    ...fapiInvariantMutations(c, signInFillerArbitrary(c)),
  ].filter(
    // A break that needs a status the constraints exclude (an active session) cannot be made.
    (mutation) =>
      settings.get(mutation.rule) !== 'off' &&
      (mutation.statuses ?? []).every((status) => (c.statuses as readonly string[]).includes(status)),
  );
  for (const rule of rules ?? []) {
    if (!catalogue.some((mutation) => mutation.rule === rule))
      throw new InvalidOptionError(
        `${NAME}: no mutation breaks ${rule} in a Frontend API Client of ${c.apiVersion} with these constraints`,
      );
  }
  return rules === undefined ? catalogue : catalogue.filter((mutation) => rules.includes(mutation.rule));
}
