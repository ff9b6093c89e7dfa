/** Self-check: a bug planted in code under test is found, and fast-check shrinks it to a minimal, coherent Client. */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { type Client, checkClient, clientArbitrary, DEFAULT_NOW } from '../../src/index.js';

/** A planted bug: a proxy that "normalises" timestamps to seconds, but only on sessions. */
function buggyProxy(client: Client): Client {
  return {
    ...client,
    sessions: client.sessions.map((session) => ({
      ...session,
      expire_at: Math.floor(session.expire_at / 1000),
    })),
  };
}

test('a planted bug is found and shrunk to a Client with one session', () => {
  const result = fc.check(
    fc.property(clientArbitrary(), (client) => checkClient(buggyProxy(client)).ok),
    { numRuns: 200 },
  );
  expect(result.failed).toBe(true);
  const [minimal] = result.counterexample ?? [];
  expect(minimal?.sessions).toHaveLength(1);
  // The shrunk counterexample is still a coherent Client: the bug is the proxy's, not the data's.
  expect(checkClient(minimal, { profile: 'strict', now: DEFAULT_NOW }).violations).toEqual([]);
  // One root cause, one violation: the expiry before creation is a consequence of the seconds.
  expect(checkClient(buggyProxy(minimal as Client)).violations.map((v) => `${v.rule} ${v.path}`)).toEqual([
    'timestamps-in-milliseconds /sessions/0/expire_at',
  ]);
});
