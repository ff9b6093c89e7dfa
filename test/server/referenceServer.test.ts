import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkClient } from '../../src/index.js';
import {
  REFERENCE_SECRET_KEY,
  type ReferenceServer,
  startReferenceServer,
} from '../../src/server/referenceServer.js';

let server: ReferenceServer;
beforeAll(async () => {
  server = await startReferenceServer({ clients: 12, seed: 7 });
});
afterAll(() => server.close());

async function call(path: string, init: RequestInit = {}, key = REFERENCE_SECRET_KEY) {
  const response = await fetch(`${server.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
  });
  // JSON.parse's own type: these assertions read the body freely.
  return { status: response.status, body: (await response.json()) as ReturnType<typeof JSON.parse> };
}

describe('the reference server', () => {
  test('GET /v1/clients lists Clients newest first, with limit and offset, or paginated', async () => {
    const all = await call('/v1/clients?limit=500');
    expect(all.status).toBe(200);
    expect(all.body).toHaveLength(12);
    const created = all.body.map((client: { created_at: number }) => client.created_at);
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect((await call('/v1/clients')).body).toHaveLength(10);
    const page = await call('/v1/clients?paginated=true&limit=5&offset=10');
    expect(page.body.total_count).toBe(12);
    expect(page.body.data.map((client: { id: string }) => client.id)).toEqual(
      all.body.slice(10).map((c: { id: string }) => c.id),
    );
  });

  test('every Client it serves passes both profiles at the time it is served', async () => {
    const { body } = await call('/v1/clients?limit=500');
    for (const client of body) {
      for (const profile of ['default', 'strict'] as const) {
        expect(checkClient(client, { profile, now: Date.now() }).violations).toEqual([]);
      }
    }
  });

  test('GET /v1/clients/{id} and POST /v1/clients/verify return one Client', async () => {
    const [first] = (await call('/v1/clients')).body;
    expect((await call(`/v1/clients/${first.id}`)).body).toEqual(first);
    const token = ['e30', Buffer.from(JSON.stringify({ id: first.id })).toString('base64url'), 'sig'].join(
      '.',
    );
    expect(
      (await call('/v1/clients/verify', { method: 'POST', body: JSON.stringify({ token }) })).body,
    ).toEqual(first);
  });

  test('GET /v1/sessions?client_id= lists the sessions of a Client, newest first', async () => {
    const clients = (await call('/v1/clients?limit=500')).body;
    const busy = clients.find((client: { sessions: unknown[] }) => client.sessions.length >= 3);
    type Listed = { id: string; created_at: number; client_id: string; status: string };
    const listed: Listed[] = (await call(`/v1/sessions?client_id=${busy.id}`)).body;
    // Every session of the Client, and those revoked out of it (single-session mode), newest first.
    for (const session of busy.sessions) expect(listed).toContainEqual(session);
    const others = listed.filter((each) => !busy.sessions.some((own: Listed) => own.id === each.id));
    for (const other of others) expect([other.client_id, other.status]).toEqual([busy.id, 'revoked']);
    expect(listed.map((each) => each.created_at)).toEqual(
      listed.map((each) => each.created_at).sort((a, b) => b - a),
    );
  });

  test('POST /v1/sessions/{id}/revoke removes the session and its Client stays coherent', async () => {
    const clients = (await call('/v1/clients?limit=500')).body;
    const client = clients.find(
      (each: { last_active_session_id: string | null }) => each.last_active_session_id !== null,
    );
    const revoked = await call(`/v1/sessions/${client.last_active_session_id}/revoke`, { method: 'POST' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: client.last_active_session_id, status: 'revoked' });
    const after = (await call(`/v1/clients/${client.id}`)).body;
    expect(after.session_ids).not.toContain(revoked.body.id);
    expect(after.last_active_session_id).not.toBe(revoked.body.id);
    expect(checkClient(after, { profile: 'strict', now: Date.now() }).violations).toEqual([]);
  });

  test.each([
    ['a wrong key', '/v1/clients', 'sk_test_wrong', 401, 'authorization_invalid'],
    ['an unknown client', '/v1/clients/client_nope', REFERENCE_SECRET_KEY, 404, 'resource_not_found'],
    ['an unknown path', '/v1/users', REFERENCE_SECRET_KEY, 404, 'resource_not_found'],
    ['a bad limit', '/v1/clients?limit=0', REFERENCE_SECRET_KEY, 422, 'form_param_value_invalid'],
    ['sessions without a client', '/v1/sessions', REFERENCE_SECRET_KEY, 422, 'form_param_missing'],
  ])("answers %s with Clerk's error body", async (_, path, key, status, code) => {
    const response = await call(path, {}, key);
    expect(response.status).toBe(status);
    expect(response.body).toEqual({
      errors: [{ message: expect.any(String), long_message: expect.any(String), code }],
    });
  });

  test('a bad verify token is a 400 with Clerk’s error body', async () => {
    const response = await call('/v1/clients/verify', { method: 'POST', body: '{"token":"not.a.jwt"}' });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].code).toBe('token_invalid');
  });

  test('the same seed and pinned clock give the same bytes', async () => {
    const bodies = [];
    for (let run = 0; run < 2; run++) {
      const pinned = await startReferenceServer({ seed: 3, clients: 5, now: Date.UTC(2025, 5, 1) });
      const response = await fetch(`${pinned.url}/v1/clients`, {
        headers: { authorization: `Bearer ${pinned.secretKey}` },
      });
      bodies.push(await response.text());
      await pinned.close();
    }
    expect(bodies[0]).toBe(bodies[1]);
  });
});
