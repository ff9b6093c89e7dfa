import type fc from 'fast-check';
import { InvalidOptionError } from '../invalidOption.js';
import type { Client } from '../schema/types.js';
import { type ClientConstraints, resolveConstraints } from './_internals/constraints.js';
import { invariantMutations } from './_internals/invariantMutations.js';
import type { Mutation, NearValidClient } from './_internals/mutation.js';
import { chooseMutations, mixByRule, type RuleMixConstraints, splitMix } from './_internals/ruleMix.js';
import { schemaMutations } from './_internals/schemaMutations.js';
import { clientArbitrary } from './clientArbitrary.js';

export type { NearValidClient } from './_internals/mutation.js';

/** The oldest API version whose Client the vendored seed schema describes (facts §8). */
const SEED_API_VERSION = '2025-04-10';
const NAME = 'nearValidClientArbitrary';

/** Constraints of {@link nearValidClientArbitrary}: those of the valid Clients it breaks, and which rules, how often. */
export type NearValidClientConstraints = ClientConstraints & RuleMixConstraints;

/** One entry of the mutation catalogue. */
export type MutationEntry = { rule: string; name: string; schemaPointer?: string };

/**
 * Clients that break exactly one rule, labelled `{ value, rule, path }` as `checkClient` reports it: checked with the
 * same `profile` (and at the sample's `now` when `now` is given), the broken Client has `rule` at `path` and no other
 * violation. With the defaults on both sides, `checkClient(sample.value)` reports every sample; `status-matches-clock`
 * is broken only when `now` is given, since a check without the observation time cannot judge it. Each rule is drawn
 * as often as any other (or as `weights` say), then one of its breaks; every shrink breaks the same rule.
 */
export function nearValidClientArbitrary(
  constraints: NearValidClientConstraints = {},
): fc.Arbitrary<NearValidClient> {
  const [clientConstraints, mix] = splitMix(constraints);
  const chosen = chosenMutations(clientConstraints, mix);
  const c = resolveConstraints(NAME, clientConstraints);

  // One valid-Client arbitrary per session minimum the mutations need, shared by all of them.
  const clients = new Map<number, fc.Arbitrary<Client>>();
  const clientsWith = (minSessions: number) => {
    const min = Math.max(c.minSessions, minSessions);
    let found = clients.get(min);
    if (found === undefined) {
      found = clientArbitrary({
        ...clientConstraints,
        minSessions: min,
        maxSessions: Math.max(c.maxSessions, min),
      });
      clients.set(min, found);
    }
    return found;
  };
  const now = c.now;
  return mixByRule(
    chosen.map((mutation) => ({
      rule: mutation.rule,
      arbitrary: mutation.arbitrary(clientsWith(mutation.minSessions)).map((sample) => ({ ...sample, now })),
    })),
    mix.weights,
  );
}

/** The mutation catalogue for these constraints: every break `nearValidClientArbitrary` can make with them. */
export function nearValidMutations(constraints: NearValidClientConstraints = {}): MutationEntry[] {
  return chosenMutations(...splitMix(constraints)).map(({ rule, name, schemaPointer }) =>
    schemaPointer === undefined ? { rule, name } : { rule, name, schemaPointer },
  );
}

/** The breaks the constraints allow; refuses bad constraints eagerly, naming the arbitrary and the value. */
function chosenMutations(clientConstraints: ClientConstraints, mix: RuleMixConstraints): Mutation[] {
  const c = resolveConstraints(NAME, clientConstraints);
  // Labels name what `checkClient` reports against the seed schema, which is the Client of 2025-04-10 and later.
  if (c.apiVersion < SEED_API_VERSION)
    throw new InvalidOptionError(
      `${NAME}: apiVersion must be ${SEED_API_VERSION} or later (the seed schema's), got ${c.apiVersion}`,
    );
  if (c.expireAfterMs < 2)
    throw new InvalidOptionError(`${NAME}: expireAfterMs must be at least 2, got ${c.expireAfterMs}`);
  const catalogue = [...schemaMutations(c), ...invariantMutations(c)];
  return chooseMutations(NAME, catalogue, mix, clientConstraints.now !== undefined, 'a Backend API Client');
}
