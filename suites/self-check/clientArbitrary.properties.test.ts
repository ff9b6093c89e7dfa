/** Self-check: every generated Client passes the whole contract, in both profiles, at its observation time. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkClient, clientArbitrary, DEFAULT_NOW } from '../../src/index.js';

describe.each([true, false])('clientArbitrary({ realistic: %s })', (realistic) => {
  test.each(['default', 'strict'] as const)('every value passes checkClient in the %s profile', (profile) => {
    fc.assert(
      fc.property(clientArbitrary({ realistic }), (client) => {
        expect(checkClient(client, { profile, now: DEFAULT_NOW })).toEqual({ ok: true, violations: [] });
      }),
      { numRuns: 1000 },
    );
  });
});

test('edge constraints still give coherent Clients: many sessions, one status, a short window', () => {
  const edges = fc.oneof(
    clientArbitrary({ minSessions: 20, maxSessions: 30 }),
    clientArbitrary({ statuses: ['expired'], minSessions: 1 }),
    clientArbitrary({
      statuses: ['active', 'pending'],
      windowMs: 60_000,
      expireAfterMs: 1,
      abandonAfterMs: 1,
    }),
  );
  fc.assert(
    fc.property(edges, (client) => {
      expect(checkClient(client, { profile: 'strict', now: DEFAULT_NOW }).violations).toEqual([]);
    }),
    { numRuns: 300 },
  );
});
