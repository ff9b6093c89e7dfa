/** Self-check: the official SDK (@clerk/backend) reads every generated Client without error, and agrees with it. */
import { createClerkClient } from '@clerk/backend';
import fc from 'fast-check';
import { afterEach, expect, test, vi } from 'vitest';
import { type Client, clientArbitrary } from '../../src/index.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

test('clients.getClient reads each generated Client over a stubbed fetch, with the same ids and sessions', async () => {
  let served: Client | undefined;
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(JSON.stringify(served), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
    ),
  );
  const clerk = createClerkClient({ secretKey: 'sk_test_conformance', apiUrl: 'https://api.clerk.test' });
  await fc.assert(
    fc.asyncProperty(clientArbitrary(), async (client) => {
      served = client;
      const read = await clerk.clients.getClient(client.id);
      expect(read.id).toBe(client.id);
      expect(read.sessionIds).toEqual(client.session_ids);
      expect(read.sessions.map((session) => session.id)).toEqual(
        client.sessions.map((session) => session.id),
      );
      expect(read.sessions.map((session) => session.status)).toEqual(
        client.sessions.map((session) => session.status),
      );
      expect(read.lastActiveSessionId).toBe(client.last_active_session_id);
      expect(read.createdAt).toBe(client.created_at);
    }),
    { numRuns: 300 },
  );
  expect(fetch).toHaveBeenCalledTimes(300);
});
