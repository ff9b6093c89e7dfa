import type fc from 'fast-check';
import { InvalidOptionError } from '../invalidOption.js';
import { type ResolvedConstraints, resolveConstraints } from './_internals/constraints.js';
import { fapiInvariantMutations } from './_internals/fapiInvariantMutations.js';
import { fapiSchemaMutations, signInFillerArbitrary } from './_internals/fapiSchemaMutations.js';
import type { Mutation, NearValidClient } from './_internals/mutation.js';
import { chooseMutations, mixByRule, type RuleMixConstraints, splitMix } from './_internals/ruleMix.js';
import { type FapiClient, type FapiClientConstraints, fapiClientArbitrary } from './fapiClientArbitrary.js';
import type { MutationEntry } from './nearValidClientArbitrary.js';

const NAME = 'nearValidFapiClientArbitrary';

/** Constraints of {@link nearValidFapiClientArbitrary}: those of the valid Clients it breaks, which rules, how often. */
export type NearValidFapiClientConstraints = FapiClientConstraints & RuleMixConstraints;

/**
 * Frontend API Clients (`GET /v1/client`'s `response`) that break exactly one rule, labelled `{ value, rule, path }`
 * as the checker reports them: `createChecker({ profile, now })('fapi-client', value, undefined, apiVersion)`
 * reports `rule` at `path`, and no other violation (`now` only when it is given: `status-matches-clock` is broken
 * only then). Each sample is a valid `fapiClientArbitrary` Client and one break (a hand-made one per invariant, or
 * one from the walk of the version's schema), so every shrink breaks the same rule. Every rule is drawn equally
 * often (or as `weights` say), then one of its breaks.
 */
export function nearValidFapiClientArbitrary(
  constraints: NearValidFapiClientConstraints = {},
): fc.Arbitrary<NearValidClient> {
  const [clientConstraints, mix] = splitMix(constraints);
  const chosen = chosenMutations(clientConstraints, mix);
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
  return mixByRule(
    chosen.map((mutation) => ({
      rule: mutation.rule,
      arbitrary: mutation.arbitrary(clientsFor(mutation)).map((sample) => ({ ...sample, now })),
    })),
    mix.weights,
  );
}

/** The catalogue of `nearValidFapiClientArbitrary` for these constraints: every break it can make. */
export function nearValidFapiMutations(constraints: NearValidFapiClientConstraints = {}): MutationEntry[] {
  return chosenMutations(...splitMix(constraints)).map(({ rule, name, schemaPointer }) =>
    schemaPointer === undefined ? { rule, name } : { rule, name, schemaPointer },
  );
}

/** The mutations the constraints allow; refuses bad constraints eagerly, naming the arbitrary and the value. */
function chosenMutations(
  clientConstraints: FapiClientConstraints,
  mix: RuleMixConstraints,
): Mutation<FapiClient>[] {
  const c = resolveConstraints(NAME, clientConstraints, 'fapi');
  if (c.expireAfterMs < 2)
    throw new InvalidOptionError(`${NAME}: expireAfterMs must be at least 2, got ${c.expireAfterMs}`);
  const catalogue = [
    ...fapiSchemaMutations(c),
    ...fapiInvariantMutations(c, signInFillerArbitrary(c)),
  ].filter(
    // A break that needs a status the constraints exclude (an active session) cannot be made.
    (mutation) =>
      (mutation.statuses ?? []).every((status) => (c.statuses as readonly string[]).includes(status)),
  );
  const what = `a Frontend API Client of ${c.apiVersion} with these constraints`;
  return chooseMutations(NAME, catalogue, mix, clientConstraints.now !== undefined, what);
}
