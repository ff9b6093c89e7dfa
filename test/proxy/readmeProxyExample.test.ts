/** The README's proxy-in-a-vitest-suite example, run as written (imports aside). */
import { createClerkClient } from '@clerk/backend';
import { afterAll, expect, test } from 'vitest';
import { startConformanceProxy, startReferenceServer } from '../../src/index.js';

// Your emulator (here the embedded one), with the proxy in front of it for the whole file.
const emulator = await startReferenceServer({ clients: 5 });
const proxy = await startConformanceProxy({ upstream: emulator.url, profile: 'strict' });
afterAll(async () => {
  await proxy.close();
  await emulator.close();
});

test('the app reads every client', async () => {
  const clerk = createClerkClient({ secretKey: emulator.secretKey, apiUrl: proxy.url });
  const { data: clients } = await clerk.clients.getClientList({ limit: 10 });
  for (const client of clients)
    expect(await clerk.clients.getClient(client.id)).toMatchObject({ id: client.id });
});

test('the emulator answered only conformant Clients', () => {
  const { violations, errors, clients } = proxy.results();
  expect({ violations, errors }).toEqual({ violations: [], errors: [] });
  expect(clients).toBeGreaterThan(0);
});
