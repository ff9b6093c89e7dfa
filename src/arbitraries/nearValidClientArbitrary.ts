import fc from 'fast-check';
import { ruleIds } from '../check/ruleSettings.js';
import { InvalidOptionError } from '../invalidOption.js';
import type { Client } from '../schema/types.js';
import { type ClientConstraints, resolveConstraints } from './_internals/constraints.js';
import { invariantMutations } from './_internals/invariantMutations.js';
import type { Mutation, NearValidClient } from './_internals/mutation.js';
import { schemaMutations } from './_internals/schemaMutations.js';
import { clientArbitrary } from './clientArbitrary.js';

export type { NearValidClient } from './_internals/mutation.js';

/** The oldest API version whose Client the vendored seed schema describes (facts §8). */
const SEED_API_VERSION = '2025-04-10';

/** Constraints of {@link nearValidClientArbitrary}: those of the valid Clients it breaks, and which rules. */
export type NearValidClientConstraints = ClientConstraints & {
  /** Only break these rules (invariant ids or `schema/<keyword>`). @defaultValue every rule with a mutation */
  rules?: readonly string[];
};

/** One entry of the mutation catalogue. */
export type MutationEntry = { rule: string; name: string; schemaPointer?: string };

/**
 * Clients that break exactly one rule, labelled `{ value, rule, path }` as `checkClient` reports it: checked at the
 * sample's `now`, the broken Client has no other error in either profile. Each sample is a valid Client and a
 * mutation, so every shrink of it breaks the same rule at the same kind of place.
 */
export function nearValidClientArbitrary(
  constraints: NearValidClientConstraints = {},
): fc.Arbitrary<NearValidClient> {
  const { rules, ...clientConstraints } = constraints;
  const c = resolveConstraints('nearValidClientArbitrary', clientConstraints);
  // Labels name what `checkClient` reports against the seed schema, which is the Client of 2025-04-10 and later.
  if (c.apiVersion < SEED_API_VERSION)
    throw new InvalidOptionError(
      `nearValidClientArbitrary: apiVersion must be ${SEED_API_VERSION} or later (the seed schema's), got ${c.apiVersion}`,
    );
  if (c.expireAfterMs < 2)
    throw new InvalidOptionError(
      `nearValidClientArbitrary: expireAfterMs must be at least 2, got ${c.expireAfterMs}`,
    );
  const unknown = rules?.find((rule) => !ruleIds.includes(rule));
  if (unknown !== undefined)
    throw new InvalidOptionError(`nearValidClientArbitrary: unknown rule ${JSON.stringify(unknown)}`);
  const chosen = catalogue(c).filter((mutation) => rules === undefined || rules.includes(mutation.rule));
  if (chosen.length === 0)
    throw new InvalidOptionError(`nearValidClientArbitrary: no mutation breaks ${rules?.join(', ')}`);

  // One valid-Client arbitrary per session minimum the mutations need, shared by all of them.
  const clients = new Map<number, fc.Arbitrary<Client>>();
  const clientsWith = (minSessions: number) => {
    const min = Math.max(c.minSessions, minSessions);
    const existing = clients.get(min);
    if (existing !== undefined) return existing;
    const created = clientArbitrary({
      ...clientConstraints,
      minSessions: min,
      maxSessions: Math.max(c.maxSessions, min),
    });
    clients.set(min, created);
    return created;
  };
  const now = c.now;
  return fc.oneof(
    ...chosen.map((mutation) =>
      mutation.arbitrary(clientsWith(mutation.minSessions)).map((sample) => ({ ...sample, now })),
    ),
  );
}

/** The mutation catalogue: every break `nearValidClientArbitrary` can make. */
export function nearValidMutations(constraints: ClientConstraints = {}): MutationEntry[] {
  return catalogue(resolveConstraints('nearValidMutations', constraints)).map(
    ({ rule, name, schemaPointer }) =>
      schemaPointer === undefined ? { rule, name } : { rule, name, schemaPointer },
  );
}

function catalogue(c: ReturnType<typeof resolveConstraints>): Mutation[] {
  return [...schemaMutations(c), ...invariantMutations(c)];
}
