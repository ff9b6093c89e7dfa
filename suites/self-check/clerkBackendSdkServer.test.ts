/** Interop: the official SDK (@clerk/backend) pointed at the healthy reference server reads every Client. */
import { createClerkClient } from '@clerk/backend';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Client } from '../../src/index.js';
import { type ReferenceServer, startReferenceServer } from '../../src/server/referenceServer.js';

let server: ReferenceServer;
let served: Client[];
beforeAll(async () => {
  server = await startReferenceServer({ clients: 25, seed: 5 });
  const response = await fetch(`${server.url}/v1/clients?limit=500`, {
    headers: { authorization: `Bearer ${server.secretKey}` },
  });
  served = (await response.json()) as Client[];
});
afterAll(() => server.close());

const view = (client: {
  id: string;
  sessionIds: string[];
  lastActiveSessionId: string | null;
  sessions: Array<{ id: string; status: string; clientId: string }>;
}) => ({
  id: client.id,
  session_ids: client.sessionIds,
  last_active_session_id: client.lastActiveSessionId,
  sessions: client.sessions.map(({ id, status, clientId }) => ({ id, status, client_id: clientId })),
});
const json = (client: Client) => ({
  id: client.id,
  session_ids: client.session_ids,
  last_active_session_id: client.last_active_session_id,
  sessions: client.sessions.map(({ id, status, client_id }) => ({ id, status, client_id })),
});

test('clients.getClient reads every Client and agrees with the JSON', async () => {
  const clerk = createClerkClient({ secretKey: server.secretKey, apiUrl: server.url });
  for (const client of served) expect(view(await clerk.clients.getClient(client.id))).toEqual(json(client));
});

test('clients.getClientList pages through every Client and agrees with the JSON', async () => {
  const clerk = createClerkClient({ secretKey: server.secretKey, apiUrl: server.url });
  const first = await clerk.clients.getClientList({ limit: 20 });
  const second = await clerk.clients.getClientList({ limit: 20, offset: 20 });
  expect(first.totalCount).toBe(25);
  expect([...first.data, ...second.data].map(view)).toEqual(served.map(json));
});
