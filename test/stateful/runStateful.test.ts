import { afterEach, describe, expect, test } from 'vitest';
import { type ReferenceServer, startReferenceServer } from '../../src/server/referenceServer.js';
import { STATEFUL_FAULTS } from '../../src/server/statefulFaults.js';
import { type FetchHandler, runStateful, type StatefulOptions } from '../../src/stateful/index.js';

const servers: ReferenceServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function embedded(options: Parameters<typeof startReferenceServer>[0] = {}): Promise<ReferenceServer> {
  const server = await startReferenceServer({ clients: 2, sessionMode: 'multi', ...options });
  servers.push(server);
  return server;
}

function against(server: ReferenceServer, options: Partial<StatefulOptions> = {}) {
  return runStateful({ baseUrl: server.url, secretKey: server.secretKey, ...options });
}

describe('runStateful against the embedded server', () => {
  test.each([
    ['multi', 1],
    ['multi', 2],
    ['multi', 3],
    ['single', 4],
    ['single', 5],
  ] as const)(
    'a faithful server passes (%s-session mode, seed %i), and every test user is deleted',
    async (sessionMode, seed) => {
      const server = await embedded({ sessionMode });
      const result = await against(server, { seed, runs: 10 });
      expect(result).toMatchObject({ ok: true, failure: null, runs: 10, seed });
      expect(result.usersDeleted).toBeGreaterThan(0);
      expect(server.store.userIds()).toEqual([]);
    },
  );

  test.each(STATEFUL_FAULTS.map((fault) => [fault.name, fault.caughtBy]))(
    'the stateful fault %s is caught by %s, shrunk to a handful of requests',
    async (fault, property) => {
      const server = await embedded({ fault });
      // A seed where each fault is first caught by the property it names (another property may catch one first on
      // another seed: revoke-wrong-session also breaks terminal-status-final).
      const result = await against(server, { seed: 5 });
      expect(result.ok).toBe(false);
      expect(result.failure?.property).toBe(property);
      expect(result.failure?.steps.length).toBeLessThanOrEqual(7);
      expect(server.store.userIds()).toEqual([]);
    },
  );

  test('a single-document fault is caught by documents-valid', async () => {
    const server = await embedded({ fault: 'seconds-timestamps' });
    const result = await against(server, { seed: 1, runs: 5 });
    expect(result.failure?.property).toBe('documents-valid');
    expect(result.failure?.message).toMatch(/timestamps-in-milliseconds/);
  });

  test('seed, path and replayPath replay the shrunk failure in one sequence', async () => {
    const server = await embedded({ fault: 'oldest-first' });
    const first = await against(server, { seed: 2 });
    const failure = first.failure;
    expect(failure).not.toBeNull();
    const replayed = await against(server, {
      seed: 2,
      path: failure?.path as string,
      ...(failure?.replayPath === undefined ? {} : { replayPath: failure.replayPath }),
    });
    expect(replayed.runs).toBe(1);
    expect(replayed.failure?.property).toBe(failure?.property);
    expect(replayed.failure?.commands).toBe(failure?.commands);
  });
});

/** A fetch handler that records requests and can answer in the target's place. */
function recording(answer?: (request: Request, count: number) => Response | undefined): {
  fetch: FetchHandler;
  requests: string[];
} {
  const requests: string[] = [];
  return {
    requests,
    fetch: async (request) => {
      requests.push(`${request.method} ${new URL(request.url).pathname}`);
      return answer?.(request, requests.length) ?? fetch(request);
    },
  };
}

/** A user made outside the run, as `--user-id` lends one. */
async function lentUser(server: ReferenceServer): Promise<string> {
  const created = await fetch(`${server.url}/v1/users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.secretKey}`, 'content-type': 'application/json' },
    body: '{"external_id":"lent"}',
  });
  return ((await created.json()) as { id: string }).id;
}

describe('safety', () => {
  test('--max-requests is never exceeded, and the users are still deleted', async () => {
    const server = await embedded();
    const { fetch, requests } = recording();
    const result = await against(server, { seed: 3, maxRequests: 40, fetch });
    expect(result.error).toEqual({
      kind: 'stopped',
      message: '--max-requests 40 reached before the runs finished',
    });
    expect(result.ok).toBe(false);
    expect(requests.length).toBeLessThanOrEqual(40);
    expect(result.requests).toBe(requests.length);
    expect(server.store.userIds()).toEqual([]);
  });

  test('an interrupted run stops and deletes the users it created', async () => {
    const server = await embedded();
    const interrupt = new AbortController();
    const { fetch, requests } = recording((_, count) => {
      if (count === 12) interrupt.abort('SIGINT');
      return undefined;
    });
    const result = await against(server, { seed: 4, fetch, signal: interrupt.signal });
    expect(result.error).toEqual({ kind: 'stopped', message: 'interrupted by SIGINT' });
    expect(requests.filter((request) => request.startsWith('DELETE /v1/users/')).length).toBeGreaterThan(0);
    expect(server.store.userIds()).toEqual([]);
  });

  // Regression: the answer of a create was cut by the signal, so the user it made was never deleted.
  test.each([
    ['POST /v1/users', {}],
    ['POST /v1/sessions', { userIds: ['lent'] }],
  ] as const)(
    'a signal while %s is answered: what it created is still cleaned up',
    async (creating, options) => {
      const server = await embedded();
      const lent = 'userIds' in options ? [await lentUser(server)] : undefined;
      const interrupt = new AbortController();
      const { fetch, requests } = recording(() => undefined);
      const result = await against(server, {
        seed: 4,
        ...(lent === undefined ? {} : { userIds: lent }),
        signal: interrupt.signal,
        fetch: async (request) => {
          const response = await fetch(request);
          if (`${request.method} ${new URL(request.url).pathname}` === creating) interrupt.abort('SIGINT');
          return response;
        },
      });
      expect(result.error).toEqual({ kind: 'stopped', message: 'interrupted by SIGINT' });
      expect(requests.filter((request) => request === creating)).toHaveLength(1);
      expect(server.store.userIds()).toEqual(lent ?? []);
      if (lent === undefined) expect(result.usersDeleted).toBe(1);
      else
        expect(server.store.sessions({ userId: lent[0] as string, status: 'active' }, Date.now())).toEqual(
          [],
        );
    },
  );

  test('a failed run deletes its users too, and a 5xx stops it as a target error', async () => {
    const server = await embedded();
    const { fetch } = recording((request, count) =>
      count > 6 && request.method === 'GET' ? new Response('boom', { status: 503 }) : undefined,
    );
    const result = await against(server, { seed: 5, fetch });
    expect(result.error?.kind).toBe('target');
    expect(result.error?.message).toMatch(/answered 503/);
    expect(server.store.userIds()).toEqual([]);
  });

  test('a 429 is retried after Retry-After, counted against the cap', async () => {
    const server = await embedded();
    const { fetch, requests } = recording((_, count) =>
      count === 3 ? new Response('{}', { status: 429, headers: { 'retry-after': '0' } }) : undefined,
    );
    const result = await against(server, { seed: 1, runs: 3, fetch });
    expect(result.ok).toBe(true);
    expect(result.requests).toBe(requests.length);
  });

  test('a wrong key is a target error naming the 401, never the key', async () => {
    const server = await embedded();
    const result = await runStateful({
      baseUrl: server.url,
      secretKey: 'sk_test_wrongwrongwrong',
      seed: 1,
      runs: 2,
    });
    expect(result.error?.kind).toBe('target');
    expect(result.error?.message).toMatch(/answered 401/);
    expect(result.error?.message).not.toContain('wrongwrong');
  });

  test('existing users (--user-id) are used, never deleted; their sessions are revoked at the end', async () => {
    const server = await embedded();
    const id = await lentUser(server);
    const result = await against(server, { seed: 6, runs: 5, userIds: [id] });
    expect(result.ok).toBe(true);
    expect(server.store.userIds()).toEqual([id]);
    expect(server.store.sessions({ userId: id, status: 'active' }, Date.now())).toEqual([]);
  });
});
