import fc from 'fast-check';
import { expect, test } from 'vitest';
import { clerkIdArbitrary } from '../../src/arbitraries/clerkIdArbitrary.js';
import { BASE62, ksuidSeconds } from '../../src/ksuid.js';

test('ids are the prefix and a KSUID whose time lies in the range', () => {
  const minCreatedAt = Date.UTC(2024, 0, 1);
  const maxCreatedAt = Date.UTC(2024, 0, 2);
  fc.assert(
    fc.property(clerkIdArbitrary('sess_activity', { minCreatedAt, maxCreatedAt }), (id) => {
      expect(id).toMatch(/^sess_activity_[0-9A-Za-z]{27}$/);
      const seconds = ksuidSeconds(id.slice('sess_activity_'.length)) as number;
      expect(seconds).toBeGreaterThanOrEqual(minCreatedAt / 1000);
      expect(seconds).toBeLessThanOrEqual(maxCreatedAt / 1000);
    }),
    { numRuns: 500 },
  );
});

test('payloads are uniform, as real ones are: hardly a word of 2,000 ids near 0 or 2^32', () => {
  // Uniform words fall within 2^16 of either end once in 2^15; with fast-check's bias, about a third would.
  const ids = fc.sample(clerkIdArbitrary('sess'), { numRuns: 2000, seed: 7 });
  const words = ids.flatMap((id) => {
    let value = 0n;
    for (const char of id.slice('sess_'.length)) value = value * 62n + BigInt(BASE62.indexOf(char));
    // The payload's words but the last, whose low byte holds the salt.
    return [96n, 64n, 32n].map((shift) => Number((value >> shift) & 0xffffffffn));
  });
  const extreme = words.filter((word) => word < 2 ** 16 || word >= 2 ** 32 - 2 ** 16);
  expect(extreme.length).toBeLessThan(words.length / 100);
});

test.each([
  [['Sess'], 'prefix must be lowercase words joined by _, got "Sess"'],
  [['sess_'], 'prefix must be lowercase words joined by _'],
  [['sess', { minCreatedAt: 0 }], 'minCreatedAt must be a ms time a KSUID can hold (2014 to 2150), got 0'],
  [
    ['sess', { minCreatedAt: 1.8e12, maxCreatedAt: 1.7e12 }],
    'minCreatedAt (1800000000000) must not exceed maxCreatedAt',
  ],
] as const)('rejects bad arguments eagerly: %j', (args, message) => {
  expect(() => clerkIdArbitrary(...(args as [string]))).toThrow(`clerkIdArbitrary: ${message}`);
});
