import fc from 'fast-check';
import { expect, test } from 'vitest';
import { nearValidClientArbitrary } from '../../src/arbitraries/nearValidClientArbitrary.js';
import { checkClient } from '../../src/check/checkClient.js';

test('apiVersion: the seed versions are labelled as checkClient reports them', () => {
  for (const sample of fc.sample(nearValidClientArbitrary({ apiVersion: '2025-04-10' }), {
    numRuns: 100,
    seed: 5,
  })) {
    const found = checkClient(sample.value, { now: sample.now, profile: 'strict' }).violations.map((v) => [
      v.rule,
      v.path,
    ]);
    expect(found).toContainEqual([sample.rule, sample.path]);
  }
});

test('apiVersion: an older version than the seed schema’s is refused eagerly', () => {
  expect(() => nearValidClientArbitrary({ apiVersion: '2025-03-12' })).toThrow(
    "nearValidClientArbitrary: apiVersion must be 2025-04-10 or later (the seed schema's), got 2025-03-12",
  );
});
