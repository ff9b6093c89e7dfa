import fc from 'fast-check';
import { expect, test } from 'vitest';
import { clerkIdArbitrary } from '../../src/arbitraries/clerkIdArbitrary.js';
import { ksuidSeconds } from '../../src/ksuid.js';

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
