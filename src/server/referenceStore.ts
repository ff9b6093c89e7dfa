import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { clientArbitrary } from '../arbitraries/clientArbitrary.js';
import { InvalidOptionError } from '../invalidOption.js';
import { encodeKsuid } from '../ksuid.js';
import type { Client, Session } from '../schema/types.js';
import type { StatefulFaultName } from './statefulFaults.js';

/** Options of the in-memory store behind the reference server. */
export type StoreOptions = {
  /** The fast-check seed the Clients are generated from. */
  seed: number;
  /** How many Clients (at least 2: one without sessions, one with three or more). */
  clients: number;
  /** The store's clock at creation (ms); Clients are generated to agree with it. */
  now: number;
  /** Keep statuses in step with the clock on every read, as Clerk does. @defaultValue true */
  maintainClock?: boolean;
  /** What a revoke does to the Client: {@link SessionMode}. @defaultValue `'single'` */
  sessionMode?: SessionMode;
  /** A stateful fault the store commits on purpose. */
  fault?: StatefulFaultName;
};

/**
 * Clerk's session modes. `single` (Clerk's default): a revoked session leaves its Client. `multi`: "a revoked
 * session will still be returned along with its client object" (the revoke endpoint's description).
 */
export type SessionMode = 'single' | 'multi';
export const SESSION_MODES: readonly SessionMode[] = ['single', 'multi'];

/** A test user made by `POST /v1/users`: the fields a conformance run reads. */
export type User = {
  object: 'user';
  id: string;
  external_id: string | null;
  first_name: string | null;
  last_name: string | null;
  created_at: number;
  updated_at: number;
};

/** The filters of `GET /v1/sessions`. */
export type SessionFilter = { clientId?: string; userId?: string; status?: string };

/** A past revoke (in single-session mode the session left its Client); the faults about stale state replay it. */
export type Revoke = { clientId: string; session: Session; wasLastActive: boolean };

const DAY_MS = 86_400_000;

/**
 * Clients made by `clientArbitrary` from a fixed seed, kept coherent through revokes and the passing of time,
 * plus the users and sessions a stateful run creates. Its history starts with a few revokes, so faults that
 * mishandle them show on a plain read.
 */
export class ReferenceStore {
  readonly #clients: Client[];
  readonly #maintainClock: boolean;
  readonly #sessionMode: SessionMode;
  readonly #fault: StatefulFaultName | undefined;
  readonly #users = new Map<string, User>();
  /** Sessions revoked out of their Client (single-session mode): still readable by id and in lists. */
  readonly #detached = new Map<string, Session>();
  /** The `stale-client-cache` fault's Clients, as they were when their session was created. */
  readonly #clientCache = new Map<string, Client>();
  /** The time of the last write: every write gets a later ms, so creation order is never a tie. */
  #lastWrite = 0;
  readonly revokes: Revoke[] = [];

  constructor({ seed, clients, now, maintainClock = true, sessionMode = 'single', fault }: StoreOptions) {
    this.#sessionMode = sessionMode;
    this.#fault = fault;
    if (!Number.isSafeInteger(clients) || clients < 2)
      throw new InvalidOptionError(`clients must be a whole number >= 2, got ${clients}`);
    const constraints = { now, windowMs: 60 * DAY_MS };
    const mix = fc.tuple(
      clientArbitrary({ ...constraints, maxSessions: 0 }),
      clientArbitrary({
        ...constraints,
        minSessions: 3,
        maxSessions: 5,
        statuses: ['active', 'ended', 'pending', 'replaced'],
      }),
      fc.array(clientArbitrary({ ...constraints, maxSessions: 5 }), {
        minLength: clients - 2,
        maxLength: clients - 2,
      }),
    );
    const [[empty, busy, rest]] = fc.sample(mix, { numRuns: 1, seed }) as [[Client, Client, Client[]]];
    this.#clients = [empty, busy, ...rest];
    this.#maintainClock = maintainClock;
    // Seeded history: the last active session of every third Client with sessions was revoked.
    this.#tick(now);
    this.#clients.forEach((client, index) => {
      const sessionId = client.last_active_session_id;
      const session = client.sessions.find((each) => each.id === sessionId);
      if (index % 3 === 1 && session !== undefined) this.#revokeInPlace(session, now);
    });
  }

  /** Every Client, newest first (as `GET /v1/clients`). */
  list(now: number): Client[] {
    this.#tick(now);
    return [...this.#clients].sort((a, b) => b.created_at - a.created_at);
  }

  get(id: string, now: number): Client | undefined {
    this.#tick(now);
    return this.#clientCache.get(id) ?? this.#clients.find((client) => client.id === id);
  }

  /**
   * Revokes a session: its status becomes `revoked`; in single-session mode it leaves its Client, in multi-session
   * mode it stays there. The Client stays coherent. Returns the revoked session as the answer shows it.
   */
  revoke(sessionId: string, now: number): Session | undefined {
    this.#tick(now);
    const named = this.session(sessionId, now);
    const client = this.#clients.find((each) => each.session_ids.includes(sessionId));
    if (named === undefined) return undefined;
    // A revoke of a session no Client lists (revoked before, in single-session mode) changes nothing.
    if (client === undefined) return { ...named };
    const written = this.#write(now);
    const answer: Session = {
      ...named,
      status: 'revoked',
      tasks: null,
      updated_at: Math.max(named.updated_at, written),
    };
    if (this.#fault === 'revoke-rewrites-created-at') answer.created_at = written;
    if (this.#fault === 'revoke-not-persisted') return answer;
    const target =
      this.#fault === 'revoke-wrong-session'
        ? (this.sessions({ userId: named.user_id, status: 'active' }, now).at(-1) ?? named)
        : named;
    if (this.#fault === 'revoke-rewrites-created-at') target.created_at = written;
    this.#revokeInPlace(target, written);
    return answer;
  }

  #revokeInPlace(session: Session, written: number): void {
    const client = this.#clients.find((each) => each.sessions.includes(session)) as Client;
    const wasLastActive = client.last_active_session_id === session.id;
    const revoked: Session = {
      ...session,
      status: 'revoked',
      tasks: null,
      updated_at: Math.max(session.updated_at, written),
    };
    if (this.#sessionMode === 'multi') {
      Object.assign(session, revoked);
    } else {
      client.sessions = client.sessions.filter((each) => each !== session);
      client.session_ids = client.sessions.map((each) => each.id);
      this.#detached.set(revoked.id, revoked);
    }
    if (wasLastActive) client.last_active_session_id = lastSignedIn(client.sessions)?.id ?? null;
    client.updated_at = Math.max(client.updated_at, written);
    this.revokes.push({ clientId: client.id, session: revoked, wasLastActive });
  }

  /** A session by id, in a Client or revoked out of one. */
  session(id: string, now: number): Session | undefined {
    this.#tick(now);
    for (const client of this.#clients) {
      const session = client.sessions.find((each) => each.id === id);
      if (session !== undefined) return session;
    }
    return this.#detached.get(id);
  }

  /** The sessions `GET /v1/sessions` lists for a filter, newest first. */
  sessions({ clientId, userId, status }: SessionFilter, now: number): Session[] {
    this.#tick(now);
    const all = [...this.#clients.flatMap((client) => client.sessions), ...this.#detached.values()];
    const ignoreStatus = this.#fault === 'status-filter-ignored';
    const direction = this.#fault === 'oldest-first' ? 1 : -1;
    return all
      .filter(
        (session) =>
          (clientId === undefined || session.client_id === clientId) &&
          (userId === undefined || session.user_id === userId) &&
          (status === undefined || ignoreStatus || session.status === status),
      )
      .sort((a, b) => direction * (a.created_at - b.created_at));
  }

  /** `POST /v1/users`: a user, or why not (a taken external_id). */
  createUser(
    fields: Partial<Pick<User, 'external_id' | 'first_name' | 'last_name'>>,
    now: number,
  ): User | string {
    const externalId = fields.external_id ?? null;
    if (externalId !== null && [...this.#users.values()].some((user) => user.external_id === externalId))
      return 'external_id is taken';
    const written = this.#write(now);
    const user: User = {
      object: 'user',
      id: newId('user', written),
      external_id: externalId,
      first_name: fields.first_name ?? null,
      last_name: fields.last_name ?? null,
      created_at: written,
      updated_at: written,
    };
    this.#users.set(user.id, user);
    return user;
  }

  /** The ids of the users that exist (what a run has not deleted). */
  userIds(): string[] {
    return [...this.#users.keys()];
  }

  /** `DELETE /v1/users/{id}`: the user and every session of theirs are gone. False for an unknown user. */
  deleteUser(id: string, now: number): boolean {
    if (!this.#users.delete(id)) return false;
    const written = this.#write(now);
    for (const client of this.#clients) {
      if (!client.sessions.some((session) => session.user_id === id)) continue;
      client.sessions = client.sessions.filter((session) => session.user_id !== id);
      client.session_ids = client.sessions.map((session) => session.id);
      client.last_active_session_id = lastSignedIn(client.sessions)?.id ?? null;
      client.updated_at = Math.max(client.updated_at, written);
    }
    for (const [sessionId, session] of this.#detached)
      if (session.user_id === id) this.#detached.delete(sessionId);
    return true;
  }

  /** `POST /v1/sessions`: an active session for the user, in a new Client. Undefined for an unknown user. */
  createSession(userId: string, now: number): Session | undefined {
    if (!this.#users.has(userId)) return undefined;
    const written = this.#write(now);
    const clientId = newId('client', written);
    const session: Session = {
      object: 'session',
      id: newId('sess', written),
      user_id: userId,
      client_id: clientId,
      actor: null,
      status: 'active',
      last_active_organization_id: null,
      last_active_at: written,
      latest_activity: null,
      expire_at: written + 7 * DAY_MS,
      abandon_at: written + 30 * DAY_MS,
      updated_at: written,
      created_at: written,
      tasks: null,
    };
    const client: Client = {
      object: 'client',
      id: clientId,
      session_ids: [session.id],
      sessions: [session],
      sign_in_id: null,
      sign_up_id: null,
      last_active_session_id: session.id,
      last_authentication_strategy: null,
      created_at: written,
      updated_at: written,
    };
    this.#clients.push(client);
    if (this.#fault === 'stale-client-cache') this.#clientCache.set(clientId, structuredClone(client));
    return session;
  }

  /** A write's time: now, or 1 ms after the last write, so no two writes share a time. */
  #write(now: number): number {
    this.#lastWrite = Math.max(now, this.#lastWrite + 1);
    return this.#lastWrite;
  }

  /** Clerk expires signed-in sessions whose expire_at has passed; so does the store, on every read. */
  #tick(now: number): void {
    if (!this.#maintainClock) return;
    for (const client of this.#clients) {
      for (const session of client.sessions) {
        if ((session.status === 'active' || session.status === 'pending') && session.expire_at <= now) {
          session.status = 'expired';
          session.tasks = null;
          session.updated_at = Math.max(session.updated_at, session.expire_at);
          client.updated_at = Math.max(client.updated_at, session.updated_at);
          if (client.last_active_session_id === session.id) {
            client.last_active_session_id = lastSignedIn(client.sessions)?.id ?? null;
          }
        }
      }
    }
  }
}

/** A fresh Clerk id whose KSUID time is the object's creation. */
function newId(prefix: string, createdAt: number): string {
  const random = randomBytes(16);
  const words = [0, 4, 8, 12].map((offset) => random.readUInt32BE(offset)) as [
    number,
    number,
    number,
    number,
  ];
  return `${prefix}_${encodeKsuid(Math.floor(createdAt / 1000), words)}`;
}

function lastSignedIn(sessions: Session[]): Session | undefined {
  return sessions
    .filter((session) => session.status === 'active' || session.status === 'pending')
    .sort((a, b) => b.last_active_at - a.last_active_at)[0];
}
