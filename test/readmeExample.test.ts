/** The README's "use the arbitraries in your own tests" example, run as written (imports aside). */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { checkClient, clientArbitrary, nearValidClientArbitrary } from '../src/index.js';

// Your code under test: here, a proxy that must pass Clerk Clients through unchanged.
const proxy = (client: unknown) => structuredClone(client);

test('the proxy keeps every Clerk Client conformant', () => {
  fc.assert(
    fc.property(clientArbitrary({ maxSessions: 3 }), (client) => {
      expect(checkClient(proxy(client)).violations).toEqual([]);
    }),
  );
});

test('the proxy does not hide a broken Client', () => {
  fc.assert(
    // The defaults agree: every default near-valid Client is reported by a default check, at its path.
    fc.property(nearValidClientArbitrary(), ({ value, rule, path }) => {
      const reported = checkClient(proxy(value)).violations;
      expect(reported).toContainEqual(expect.objectContaining({ rule, path }));
    }),
  );
});
