import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DEFAULT_NOW } from '../../src/arbitraries/_internals/constraints.js';
import { clientArbitrary } from '../../src/arbitraries/clientArbitrary.js';
import { type Client, clientSchema } from '../../src/index.js';
import { invariants } from '../../src/invariants/index.js';
import { ksuidSeconds } from '../../src/ksuid.js';
import {
  API_VERSIONS,
  type ApiVersion,
  definitionName,
  derivedDocument,
} from '../../src/schema/derived/index.js';
import { compileDerived } from '../schema/derived/validate.js';

const DAY_MS = 86_400_000;
const sample = (constraints: Parameters<typeof clientArbitrary>[0], numRuns = 500): Client[] =>
  fc.sample(clientArbitrary(constraints), { numRuns, seed: 42 });

describe('clientArbitrary constraints', () => {
  test('minSessions and maxSessions bound the session count', () => {
    const counts = sample({ minSessions: 2, maxSessions: 3 }).map((client) => client.sessions.length);
    expect(new Set(counts)).toEqual(new Set([2, 3]));
  });

  test('statuses limits the statuses', () => {
    const statuses = sample({ minSessions: 1, statuses: ['pending', 'ended'] }).flatMap((client) =>
      client.sessions.map((session) => session.status),
    );
    expect(new Set(statuses)).toEqual(new Set(['pending', 'ended']));
  });

  test('now, windowMs and the lifetimes place every timestamp', () => {
    const now = Date.UTC(2024, 5, 1);
    for (const client of sample({
      now,
      windowMs: 10 * DAY_MS,
      expireAfterMs: DAY_MS,
      abandonAfterMs: 2 * DAY_MS,
    })) {
      expect(client.created_at).toBeGreaterThanOrEqual(now - 10 * DAY_MS);
      expect(client.updated_at).toBeLessThanOrEqual(now);
      for (const session of client.sessions) {
        expect(session.created_at).toBeLessThanOrEqual(now);
        // Real lifetimes are sometimes anchored a few ms early (7 d - 8 ms), both by the same amount.
        const early = DAY_MS - (session.expire_at - session.created_at);
        expect(early).toBeGreaterThanOrEqual(0);
        expect(early).toBeLessThanOrEqual(8);
        expect(session.abandon_at - session.created_at).toBe(2 * DAY_MS - early);
      }
    }
  });

  test.each([
    [{ minSessions: 3, maxSessions: 2 }, 'minSessions (3) must not exceed maxSessions (2)'],
    [{ maxSessions: 101 }, 'maxSessions must be at most 100, got 101'],
    [{ minSessions: -1 }, 'minSessions must be a whole number >= 0, got -1'],
    [{ statuses: [] }, 'statuses must list at least one status'],
    [{ statuses: ['signed_in'] }, 'unknown status "signed_in"'],
    [{ expireAfterMs: 0 }, 'expireAfterMs must be at least 1, got 0'],
    [{ expireAfterMs: 10, abandonAfterMs: 5 }, 'expireAfterMs (10) must not exceed abandonAfterMs (5)'],
    [{ now: 1.3e12 }, 'now - windowMs must be after 2014-05-13 (the KSUID epoch)'],
    [
      { windowMs: DAY_MS },
      'windowMs (86400000) must be at least expireAfterMs (604800000) for expired sessions',
    ],
    [{ now: 1.5 }, 'now must be a whole number >= 0, got 1.5'],
  ])('rejects %j eagerly, naming the arbitrary and the value', (constraints, message) => {
    expect(() => clientArbitrary(constraints as never)).toThrow(`clientArbitrary: ${message}`);
  });

  test('is deterministic for a seed', () => {
    expect(JSON.stringify(sample({}, 50))).toBe(JSON.stringify(sample({}, 50)));
  });
});

describe('realistic Clients (clerk-client-facts.md section 7)', () => {
  const clients = sample({}, 2000);
  const sessions = clients.flatMap((client) => client.sessions);
  const share = (count: number, of: number) => count / of;

  test('ids are KSUIDs whose time is the creation time', () => {
    for (const client of clients) {
      expect(ksuidSeconds(client.id.slice('client_'.length))).toBe(Math.floor(client.created_at / 1000));
    }
  });

  test('shows the real clock quirks: last_active_at a few ms before created_at, client updated a few ms early', () => {
    const early = sessions.filter((s) => s.last_active_at < s.created_at);
    expect(share(early.length, sessions.length)).toBeGreaterThan(0.1);
    expect(early.every((s) => s.created_at - s.last_active_at <= 8)).toBe(true);
    const clientEarly = clients.filter((c) => c.sessions.some((s) => c.updated_at < s.updated_at));
    expect(clientEarly.length).toBeGreaterThan(0);
  });

  test('mixes statuses, and the last active session is usually active', () => {
    expect(new Set(sessions.map((s) => s.status)).size).toBe(8);
    const lastActive = clients.flatMap((c) => c.sessions.filter((s) => s.id === c.last_active_session_id));
    expect(share(lastActive.filter((s) => s.status === 'active').length, lastActive.length)).toBeGreaterThan(
      0.7,
    );
  });

  test('pending sessions have tasks, actors are occasional, activities are present, null or absent', () => {
    expect(sessions.filter((s) => s.status === 'pending').every((s) => (s.tasks?.length ?? 0) > 0)).toBe(
      true,
    );
    const actors = sessions.filter((s) => s.actor != null).length;
    expect(actors).toBeGreaterThan(0);
    expect(share(actors, sessions.length)).toBeLessThan(0.15);
    expect(sessions.some((s) => s.latest_activity === null)).toBe(true);
    expect(sessions.some((s) => !('latest_activity' in s))).toBe(true);
    const activities = sessions.flatMap((s) => (s.latest_activity ? [s.latest_activity] : []));
    expect(activities.some((a) => !('city' in a))).toBe(true);
    expect(activities.some((a) => a.ip_address?.includes(':'))).toBe(true);
    expect(activities.some((a) => /^\d+\.\d+\.\d+\.\d+$/.test(a.ip_address ?? ''))).toBe(true);
    expect(activities.every((a) => a.country === undefined || /^[A-Z]{2}$/.test(a.country))).toBe(true);
  });

  test('sessions always carry actor and last_active_organization_id, and every key in the schema’s order', () => {
    const order = Object.keys(
      (clientSchema.properties as { sessions: { items: { properties: object } } }).sessions.items.properties,
    );
    for (const session of sessions) {
      expect('actor' in session && 'last_active_organization_id' in session).toBe(true);
      expect(Object.keys(session)).toEqual(order.filter((key) => key in session));
    }
  });

  test('sign_in_id is sometimes set while a session is active', () => {
    expect(clients.some((c) => c.sign_in_id !== null && c.sessions.some((s) => s.status === 'active'))).toBe(
      true,
    );
  });
});

test('realistic: false gives plain schema values that still hold every invariant', () => {
  const plain = sample({ realistic: false }, 300);
  const activities = plain.flatMap((c) =>
    c.sessions.flatMap((s) => (s.latest_activity ? [s.latest_activity] : [])),
  );
  expect(activities.some((a) => a.city !== undefined && !/^[A-Z]/.test(a.city))).toBe(true);
});

describe('clientArbitrary({ apiVersion })', () => {
  test.each(API_VERSIONS)(
    '%s: every Client passes that version’s derived schema and every invariant',
    (version) => {
      const validate = compileDerived(
        derivedDocument('bapi', version),
        definitionName('bapi', 'client', version),
      );
      fc.assert(
        fc.property(clientArbitrary({ apiVersion: version, now: DEFAULT_NOW }), (value) => {
          expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
          for (const invariant of invariants)
            expect(invariant.check(value, { clockSkewMs: 1000, now: DEFAULT_NOW }), invariant.id).toEqual([]);
        }),
        { numRuns: 150 },
      );
    },
  );

  test('2025-03-12 Clients have no last_authentication_strategy; the default (latest) ones always do', () => {
    expect(sample({ apiVersion: '2025-03-12' }, 200).some((c) => 'last_authentication_strategy' in c)).toBe(
      false,
    );
    expect(sample({}, 200).every((c) => 'last_authentication_strategy' in c)).toBe(true);
  });

  test('versions before 2025-03-12 have no pending sessions and no tasks', () => {
    const sessions = sample({ apiVersion: '2024-10-01', minSessions: 2 }, 300).flatMap((c) => c.sessions);
    expect(sessions.some((session) => session.status === 'pending' || 'tasks' in session)).toBe(false);
    expect(sessions.some((session) => session.status === 'replaced')).toBe(true);
  });

  test('an unknown version, or a status that the version lacks, is refused eagerly', () => {
    expect(() => clientArbitrary({ apiVersion: '2025-01-01' as ApiVersion })).toThrow(
      'clientArbitrary: unknown apiVersion "2025-01-01": expected one of 2021-02-05, 2024-10-01,',
    );
    expect(() => clientArbitrary({ apiVersion: '2024-10-01', statuses: ['pending'] })).toThrow(
      'clientArbitrary: unknown status "pending" in API version 2024-10-01',
    );
  });
});
