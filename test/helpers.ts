/** Hand-built Clients for unit tests: coherent, realistic, and easy to break one field at a time. */
import type { Client, Session } from '../src/index.js';
import type { Finding, Invariant, InvariantContext } from '../src/invariants/types.js';
import { encodeKsuid } from '../src/ksuid.js';

export const DAY_MS = 86_400_000;
export const T0 = 1_731_318_000_000;

let counter = 0;
/** A KSUID-style id whose embedded time is `floor(ms / 1000)`, unique within the test run. */
export function id(prefix: string, ms: number): string {
  counter += 1;
  return `${prefix}_${encodeKsuid(Math.floor(ms / 1000), [0x9e3779b9, counter, 0x7f4a7c15, counter * 7919])}`;
}

export function session(clientId: string, createdAt: number, overrides: Partial<Session> = {}): Session {
  return {
    object: 'session',
    id: id('sess', createdAt),
    user_id: id('user', createdAt - 90 * DAY_MS),
    client_id: clientId,
    actor: null,
    status: 'active',
    last_active_organization_id: null,
    // Real Clerk quirk: a new session's last_active_at is a few ms before its created_at.
    last_active_at: createdAt - 4,
    latest_activity: {
      object: 'session_activity',
      id: id('sess_activity', createdAt),
      device_type: 'Macintosh',
      is_mobile: false,
      browser_name: 'Firefox',
      browser_version: '132.0',
      ip_address: '203.0.113.24',
      city: 'Lisbon',
      country: 'PT',
    },
    expire_at: createdAt + 7 * DAY_MS,
    abandon_at: createdAt + 30 * DAY_MS,
    updated_at: createdAt + 1_200,
    created_at: createdAt,
    ...overrides,
  };
}

/** A Client with `sessionCount` sessions, the last one active and last active. */
export function client(sessionCount = 1, createdAt = T0): Client {
  const clientId = id('client', createdAt);
  const sessions = Array.from({ length: sessionCount }, (_, index) =>
    session(clientId, createdAt + (index + 1) * 60_000, {
      status: index === sessionCount - 1 ? 'active' : 'ended',
    }),
  );
  const lastUpdate = Math.max(createdAt, ...sessions.map((each) => each.updated_at));
  return {
    object: 'client',
    id: clientId,
    session_ids: sessions.map((each) => each.id),
    sessions,
    sign_in_id: null,
    sign_up_id: null,
    last_active_session_id: sessions.at(-1)?.id ?? null,
    last_authentication_strategy: sessionCount > 0 ? 'email_code' : null,
    // Real Clerk quirk: client.updated_at a few ms before its newest session's updated_at.
    updated_at: sessionCount > 0 ? lastUpdate - 4 : createdAt,
    created_at: createdAt,
  };
}

/** A deep copy to break. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

export const context: InvariantContext = { clockSkewMs: 1000, now: undefined };

/** What an invariant reports on `value`, in the default context unless overridden. */
export function findingsOf(
  invariant: Invariant,
  value: unknown,
  overrides: Partial<InvariantContext> = {},
): readonly Finding[] {
  return invariant.check(value, { ...context, ...overrides });
}

/** The paths an invariant reports on `value`. */
export function pathsOf(
  invariant: Invariant,
  value: unknown,
  overrides: Partial<InvariantContext> = {},
): string[] {
  return findingsOf(invariant, value, overrides).map((finding) => finding.path);
}

/** Valid Clients every invariant must accept: 0 to 4 sessions, with the real quirks built in. */
export const validClients: readonly Client[] = [0, 1, 2, 4].map((count) => client(count));

/** A Frontend API session as `GET /v1/client` embeds it: the user, public data and a token instead of ids. */
export function fapiSession(
  createdAt: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const userId = id('user', createdAt - 90 * DAY_MS);
  return {
    object: 'session',
    id: id('sess', createdAt),
    status: 'active',
    expire_at: createdAt + 7 * DAY_MS,
    abandon_at: createdAt + 30 * DAY_MS,
    last_active_at: createdAt - 3,
    last_active_token: { object: 'token', jwt: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl' },
    last_active_organization_id: null,
    actor: null,
    tasks: null,
    user: {
      id: userId,
      object: 'user',
      first_name: 'Ada',
      last_name: 'Lovelace',
      created_at: createdAt - 90 * DAY_MS,
    },
    public_user_data: {
      first_name: 'Ada',
      last_name: 'Lovelace',
      image_url: 'https://img.clerk.com/eyJ0eXBlIjoiZGVmYXVsdCJ9',
      has_image: false,
      identifier: 'ada@example.com',
      user_id: userId,
    },
    factor_verification_age: [0, -1],
    created_at: createdAt,
    updated_at: createdAt + 850,
    ...overrides,
  };
}

/** A Frontend API Client (`GET /v1/client`'s `response`) with `sessionCount` sessions, the last one active. */
export function fapiClient(
  sessionCount = 1,
  createdAt = T0,
): Record<string, unknown> & { sessions: Record<string, unknown>[] } {
  const sessions = Array.from({ length: sessionCount }, (_, index) =>
    fapiSession(
      createdAt + (index + 1) * 60_000,
      index === sessionCount - 1 ? {} : { status: 'ended', last_active_token: null },
    ),
  );
  return {
    object: 'client',
    id: id('client', createdAt),
    sessions,
    sign_in: null,
    sign_up: null,
    last_active_session_id: (sessions.at(-1)?.id as string | undefined) ?? null,
    last_authentication_strategy: sessionCount > 0 ? 'email_code' : null,
    cookie_expires_at: null,
    captcha_bypass: false,
    created_at: createdAt,
    updated_at: createdAt + sessionCount * 60_000 + 900,
  };
}

/** A sign-in of a Frontend API Client, in progress unless a status is given. */
export function signInAttempt(
  createdAt: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    object: 'sign_in_attempt',
    id: id('sia', createdAt),
    status: 'needs_first_factor',
    supported_identifiers: ['email_address'],
    supported_first_factors: [{ strategy: 'email_code', safe_identifier: 'a**@example.com' }],
    supported_second_factors: null,
    first_factor_verification: null,
    second_factor_verification: null,
    identifier: 'ada@example.com',
    user_data: null,
    created_session_id: null,
    abandon_at: createdAt + DAY_MS,
    ...overrides,
  };
}
