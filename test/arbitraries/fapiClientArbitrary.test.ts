import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DEFAULT_NOW } from '../../src/arbitraries/_internals/constraints.js';
import { type FapiClient, fapiClientArbitrary } from '../../src/arbitraries/fapiClientArbitrary.js';
import { ksuidSeconds } from '../../src/ksuid.js';
import {
  API_VERSIONS,
  definitionName,
  derivedDocument,
  LATEST_API_VERSION,
} from '../../src/schema/derived/index.js';
import { compileDerived as compile } from '../schema/derived/validate.js';

const sample = (constraints: Parameters<typeof fapiClientArbitrary>[0], numRuns = 300): FapiClient[] =>
  fc.sample(fapiClientArbitrary(constraints), { numRuns, seed: 42 });

/** The KSUID time of a prefixed id matches the creation time of what it names. */
function named(id: string, prefix: string, createdAt: number): void {
  expect(id.startsWith(`${prefix}_`), id).toBe(true);
  expect(ksuidSeconds(id.slice(prefix.length + 1)), id).toBe(Math.floor(createdAt / 1000));
}

const jwtClaims = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1] as string, 'base64url').toString()) as Record<string, unknown>;

describe('fapiClientArbitrary', () => {
  test.each(API_VERSIONS)('%s: every Client passes that version’s derived FAPI schema', (version) => {
    const validate = compile(derivedDocument('fapi', version), definitionName('fapi', 'client', version));
    fc.assert(
      fc.property(fapiClientArbitrary({ apiVersion: version }), (client) => {
        expect(client).not.toBeNull();
        expect(validate(client), JSON.stringify(validate.errors)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  test('realistic: false gives plain schema values that still pass the schema', () => {
    const validate = compile(
      derivedDocument('fapi', LATEST_API_VERSION),
      definitionName('fapi', 'client', LATEST_API_VERSION),
    );
    for (const client of sample({ realistic: false }, 60)) expect(validate(client)).toBe(true);
  });

  test('coherent: ids, times, the last active session, tokens, users and sign-in/sign-up attempts agree', () => {
    fc.assert(
      fc.property(fapiClientArbitrary({ now: DEFAULT_NOW }), (client) => {
        named(client.id, 'client', client.created_at);
        expect(client.created_at).toBeLessThanOrEqual(client.updated_at);
        expect(client.updated_at).toBeLessThanOrEqual(DEFAULT_NOW);
        const ids = client.sessions.map((session) => session.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const session of client.sessions) {
          named(session.id, 'sess', session.created_at);
          for (const time of [session.created_at, session.updated_at, session.expire_at, session.abandon_at])
            expect(time >= 1e12 && time < 1e13).toBe(true);
          expect(session.created_at).toBeGreaterThanOrEqual(client.created_at);
          expect(session.created_at).toBeLessThan(session.expire_at);
          const user = session.user as { id: string; email_addresses: Array<{ email_address: string }> };
          named(user.id, 'user', (user as unknown as { created_at: number }).created_at);
          expect(session.public_user_data?.identifier).toBe(user.email_addresses[0]?.email_address);
          const signedIn = session.status === 'active' || session.status === 'pending';
          if (signedIn) {
            expect(session.expire_at).toBeGreaterThan(DEFAULT_NOW);
            expect(session.last_active_token?.object).toBe('token');
            const claims = jwtClaims(session.last_active_token?.jwt as string);
            expect([claims.sid, claims.sub]).toEqual([session.id, user.id]);
          } else expect(session.last_active_token).toBeNull();
        }
        if (client.last_active_session_id !== null) {
          const last = client.sessions.find((session) => session.id === client.last_active_session_id);
          expect(last?.status).toMatch(/^(active|pending)$/);
        }
        const { sign_in: signIn, sign_up: signUp } = client;
        if (signIn !== null) {
          // Started within its 24 h lifetime, after the Client was created.
          named(signIn.id, 'sia', (signIn.abandon_at as number) - 24 * 3_600_000);
          expect(signIn.abandon_at as number).toBeGreaterThan(client.created_at);
          if (signIn.status === 'complete') expect(ids).toContain(signIn.created_session_id);
          else expect(signIn.created_session_id).toBeNull();
        }
        if (signUp !== null) {
          expect(signUp.id.startsWith('sua_')).toBe(true);
          if (signUp.status === 'complete') {
            expect(ids).toContain(signUp.created_session_id);
            const users = client.sessions.map((session) => session.user?.id);
            expect(users).toContain(signUp.created_user_id);
          } else expect(signUp.created_session_id).toBeNull();
        }
      }),
      { numRuns: 200 },
    );
  });

  test('covers null, in-progress and complete sign-ins and sign-ups, and the version’s statuses', () => {
    const clients = sample({ minSessions: 1 }, 400);
    const state = (attempt: FapiClient['sign_in']) =>
      attempt === null ? 'null' : attempt.status === 'complete' ? 'complete' : 'progress';
    expect(new Set(clients.map((client) => state(client.sign_in)))).toEqual(
      new Set(['null', 'progress', 'complete']),
    );
    expect(new Set(clients.map((client) => state(client.sign_up)))).toEqual(
      new Set(['null', 'progress', 'complete']),
    );
    const statuses = new Set(clients.flatMap((client) => client.sessions.map((session) => session.status)));
    expect(statuses).toEqual(new Set(['active', 'revoked', 'ended', 'expired', 'removed', 'abandoned']));
  });

  test('versions differ as their specs do: 2025-03-12 has no last_authentication_strategy, 2025-04-10 has tasks', () => {
    expect(
      sample({ apiVersion: '2025-03-12' }, 50).some((client) => 'last_authentication_strategy' in client),
    ).toBe(false);
    expect(sample({}, 50).every((client) => 'last_authentication_strategy' in client)).toBe(true);
    const pendingOnes = sample({ apiVersion: '2025-04-10', statuses: ['pending'], minSessions: 1 }, 50);
    expect(
      pendingOnes.every((client) => client.sessions.every((session) => Array.isArray(session.tasks))),
    ).toBe(true);
  });

  test('is deterministic for a seed; bad constraints are refused eagerly', () => {
    expect(sample({}, 5)).toEqual(sample({}, 5));
    expect(() => fapiClientArbitrary({ statuses: ['replaced'] })).toThrow(
      'fapiClientArbitrary: unknown status "replaced" in API version 2026-05-12',
    );
    expect(() => fapiClientArbitrary({ minSessions: 3, maxSessions: 2 })).toThrow(
      'fapiClientArbitrary: minSessions',
    );
  });
});
