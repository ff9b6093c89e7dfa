import fc from 'fast-check';
import { expect, test } from 'vitest';
import { resolveConstraints } from '../../../src/arbitraries/_internals/constraints.js';
import { fapiSchemaMutations } from '../../../src/arbitraries/_internals/fapiSchemaMutations.js';
import { type FapiClient, fapiClientArbitrary } from '../../../src/arbitraries/fapiClientArbitrary.js';
import { createChecker } from '../../../src/check/checkClient.js';

test('every schema break of the Frontend API walk is reported as labelled, with no other error (strict)', () => {
  const c = resolveConstraints('test', {}, 'fapi');
  const clients = [0, 1].map((minSessions) => fapiClientArbitrary({ minSessions }));
  const check = createChecker({ profile: 'strict', now: c.now });
  const problems: string[] = [];
  const mutations = fapiSchemaMutations(c);
  expect(mutations.length).toBeGreaterThan(300);
  for (const mutation of mutations) {
    for (const sample of fc.sample(
      mutation.arbitrary(clients[mutation.minSessions] as fc.Arbitrary<FapiClient>),
      {
        numRuns: 2,
        seed: 15,
      },
    )) {
      const { violations } = check('fapi-client', sample.value);
      const labelled = violations.some((v) => v.rule === sample.rule && v.path === sample.path);
      const others = violations.filter((v) => v.severity === 'error' && v.rule !== sample.rule);
      if (!labelled || others.length > 0)
        problems.push(`${mutation.name}: ${violations.map((v) => `${v.rule} ${v.path}`).join(', ')}`);
    }
  }
  expect(problems).toEqual([]);
});
