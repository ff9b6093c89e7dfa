import { InvalidOptionError } from '../invalidOption.js';
import type { Client } from '../schema/types.js';
import type { Revoke } from './referenceStore.js';
import { STATEFUL_FAULTS } from './statefulFaults.js';

/** What a fault sees when it serializes a Client. */
export type FaultContext = {
  /** The store's past revokes. */
  revokes: readonly Revoke[];
  /** Another Client of the store, for faults that mix Clients up. */
  otherClientId: string;
};

/** A realistic implementation mistake the reference server can be told to make (`--fault <name>`). */
export type Fault = {
  name: string;
  description: string;
  /** The rule that catches it (in the default profile unless `strictOnly`). */
  caughtBy: string;
  /** Caught as an error only in the strict profile (a warning in the default one). */
  strictOnly?: boolean;
  /** Turns the healthy JSON of a Client into what the faulty server sends. */
  serialize?: (client: Client, context: FaultContext) => unknown;
  /** The server generated its data days ago and never updates statuses as time passes. */
  staleClock?: boolean;
  /** A fault of the session lifecycle, caught only by `stateful` (see `STATEFUL_FAULTS`). */
  stateful?: true;
};

const TIMESTAMPS = ['last_active_at', 'expire_at', 'abandon_at', 'updated_at', 'created_at'] as const;

/** Applies `change` to every timestamp of the Client and its sessions. */
function mapTimestamps(client: Client, change: (ms: number) => unknown): unknown {
  return {
    ...client,
    created_at: change(client.created_at),
    updated_at: change(client.updated_at),
    sessions: client.sessions.map((session) => ({
      ...session,
      ...Object.fromEntries(TIMESTAMPS.map((field) => [field, change(session[field])])),
    })),
  };
}

/** Drops every property whose value is null, at any depth. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, item]) => (item === null ? [] : [[key, withoutNulls(item)]])),
  );
}

/** The single-document fault catalogue, each with the rule that catches it in one response. */
export const FAULTS: readonly Fault[] = [
  {
    name: 'omit-null-fields',
    description: 'null fields are left out instead of sent as null (a serializer with omitempty)',
    caughtBy: 'schema/required',
    serialize: (client) => withoutNulls(client),
  },
  {
    name: 'seconds-timestamps',
    description: 'timestamps in seconds instead of milliseconds',
    caughtBy: 'timestamps-in-milliseconds',
    serialize: (client) => mapTimestamps(client, (ms) => Math.floor(ms / 1000)),
  },
  {
    name: 'string-timestamps',
    description: 'timestamps as strings of digits',
    caughtBy: 'schema/type',
    serialize: (client) => mapTimestamps(client, (ms) => String(ms)),
  },
  {
    name: 'stale-session-ids-after-revoke',
    description: 'a revoked session leaves sessions but stays in session_ids',
    caughtBy: 'session-ids-match-sessions',
    serialize: (client, { revokes }) => ({
      ...client,
      session_ids: [
        ...client.session_ids,
        ...revokes.filter((revoke) => revoke.clientId === client.id).map((revoke) => revoke.session.id),
      ],
    }),
  },
  {
    name: 'dangling-last-active-session',
    description: 'last_active_session_id still names a session that was revoked',
    caughtBy: 'last-active-session-listed',
    serialize: (client, { revokes }) => {
      const revoked = revokes.findLast((revoke) => revoke.clientId === client.id && revoke.wasLastActive);
      return revoked === undefined ? client : { ...client, last_active_session_id: revoked.session.id };
    },
  },
  {
    name: 'frontend-api-fields',
    description: 'Frontend API fields leak into the Backend API Client',
    caughtBy: 'schema/additionalProperties',
    serialize: (client) => ({ ...client, cookie_expires_at: null, captcha_bypass: false }),
  },
  {
    name: 'null-sessions',
    description: 'sessions is null for a Client without sessions',
    caughtBy: 'schema/type',
    serialize: (client) => (client.sessions.length === 0 ? { ...client, sessions: null } : client),
  },
  {
    name: 'foreign-client-id',
    description: "a session carries another Client's id",
    caughtBy: 'session-client-id-matches',
    serialize: (client, { otherClientId }) => ({
      ...client,
      sessions: client.sessions.map((session, index) =>
        index === 0 ? { ...session, client_id: otherClientId } : session,
      ),
    }),
  },
  {
    name: 'third-session-onward',
    description: 'from the third session on, expire_at is sent as created_at (an off-by-two lookup)',
    caughtBy: 'timestamps-ordered',
    serialize: (client) => ({
      ...client,
      sessions: client.sessions.map((session, index) =>
        index < 2 ? session : { ...session, expire_at: session.created_at },
      ),
    }),
  },
  {
    name: 'unordered-session-ids',
    description: 'session_ids in another order than sessions',
    caughtBy: 'session-ids-ordered',
    strictOnly: true,
    serialize: (client) => ({ ...client, session_ids: [...client.session_ids].reverse() }),
  },
  {
    name: 'duplicate-session',
    description: 'a join lists the newest session twice',
    caughtBy: 'session-ids-unique',
    serialize: (client) => {
      const last = client.sessions.at(-1);
      return last === undefined
        ? client
        : { ...client, session_ids: [...client.session_ids, last.id], sessions: [...client.sessions, last] };
    },
  },
  {
    name: 'swapped-lifetimes',
    description: 'expire_at and abandon_at swapped',
    caughtBy: 'expire-not-after-abandon',
    strictOnly: true,
    serialize: (client) => ({
      ...client,
      sessions: client.sessions.map((session) => ({
        ...session,
        expire_at: session.abandon_at,
        abandon_at: session.expire_at,
      })),
    }),
  },
  {
    name: 'never-expires',
    description: 'statuses are never updated as time passes: sessions past expire_at stay active',
    caughtBy: 'status-matches-clock',
    strictOnly: true,
    staleClock: true,
  },
];

/** The fault of that name, of either catalogue; throws an InvalidOptionError listing both otherwise. */
export function faultNamed(name: string): Fault {
  const all: readonly Fault[] = [...FAULTS, ...STATEFUL_FAULTS];
  const fault = all.find((each) => each.name === name);
  if (fault === undefined) {
    throw new InvalidOptionError(
      `unknown fault ${JSON.stringify(name)}: expected one of ${all.map((each) => each.name).join(', ')}`,
    );
  }
  return fault;
}
