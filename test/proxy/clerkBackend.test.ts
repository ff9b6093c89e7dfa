/** @clerk/backend through the proxy, in front of the embedded reference server, healthy and under each fault. */
import { createClerkClient } from '@clerk/backend';
import { describe, expect, test } from 'vitest';
import { startConformanceProxy } from '../../src/proxy/index.js';
import { FAULTS } from '../../src/server/faults.js';
import { startReferenceServer } from '../../src/server/referenceServer.js';

/** What the SDK makes of every Client and its Sessions at `apiUrl`: values, or the error it throws. */
async function sdkView(apiUrl: string, secretKey: string, clientIds: readonly string[]): Promise<unknown[]> {
  const clerk = createClerkClient({ secretKey, apiUrl });
  const outcome = async (read: () => Promise<unknown>) => {
    try {
      return { value: JSON.parse(JSON.stringify(await read())) };
    } catch (error) {
      return { error: String(error) };
    }
  };
  const views: unknown[] = [];
  for (const id of clientIds) {
    views.push(await outcome(() => clerk.clients.getClient(id)));
    views.push(await outcome(() => clerk.sessions.getSessionList({ clientId: id })));
  }
  return views;
}

/** The SDK's view straight from the server and through the proxy, and what the proxy reported. */
async function throughProxy(fault: string | undefined, profile: 'default' | 'strict') {
  const server = await startReferenceServer({
    seed: 3,
    clients: 8,
    ...(fault === undefined ? {} : { fault }),
  });
  const proxy = await startConformanceProxy({ upstream: server.url, profile });
  try {
    const ids = server.store.list(Date.now()).map((client) => client.id);
    const direct = await sdkView(server.url, server.secretKey, ids);
    const proxied = await sdkView(proxy.url, server.secretKey, ids);
    return { direct, proxied, result: await proxy.close() };
  } finally {
    await proxy.close();
    await server.close();
  }
}

describe('@clerk/backend through the proxy', () => {
  test.each(['default', 'strict'] as const)(
    'the healthy server: the SDK reads everything, the %s profile reports nothing',
    async (profile) => {
      const { direct, proxied, result } = await throughProxy(undefined, profile);
      expect(proxied).toEqual(direct);
      expect(proxied.every((view) => 'value' in (view as object))).toBe(true);
      expect(result.violations).toEqual([]);
      expect(result.errors).toEqual([]);
      expect(result).toMatchObject({ ok: true, clients: 8 });
      expect(result.sessions).toBeGreaterThan(8);
      expect(result.traffic).toMatchObject({ requests: 16, inspected: 16, upstreamFailures: 0 });
    },
  );

  test.each(FAULTS.map((fault) => [fault.name, fault.caughtBy, fault.strictOnly === true] as const))(
    'under %s the proxy reports %s, and the SDK sees exactly what it sees without the proxy',
    async (name, rule, strictOnly) => {
      const { direct, proxied, result } = await throughProxy(name, strictOnly ? 'strict' : 'default');
      expect(proxied).toEqual(direct);
      expect(
        result.violations.some((violation) => violation.rule === rule && violation.severity === 'error'),
      ).toBe(true);
      expect(result.ok).toBe(false);
      expect(result.errors).toEqual([]);
    },
  );
});
