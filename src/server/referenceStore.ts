import fc from 'fast-check';
import { clientArbitrary } from '../arbitraries/clientArbitrary.js';
import { InvalidOptionError } from '../invalidOption.js';
import type { Client, Session } from '../schema/types.js';

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
};

/** A past revoke: the session left its Client; the faults about stale state replay it. */
export type Revoke = { clientId: string; session: Session; wasLastActive: boolean };

const DAY_MS = 86_400_000;

/**
 * Clients made by `clientArbitrary` from a fixed seed, kept coherent through revokes and the passing of time.
 * Its history starts with a few revokes, so faults that mishandle them show on a plain read.
 */
export class ReferenceStore {
  readonly #clients: Client[];
  readonly #maintainClock: boolean;
  readonly revokes: Revoke[] = [];

  constructor({ seed, clients, now, maintainClock = true }: StoreOptions) {
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
    this.#clients.forEach((client, index) => {
      const sessionId = client.last_active_session_id;
      if (index % 3 === 1 && sessionId !== null) this.revoke(sessionId, now);
    });
  }

  /** Every Client, newest first (as `GET /v1/clients`). */
  list(now: number): Client[] {
    this.#tick(now);
    return [...this.#clients].sort((a, b) => b.created_at - a.created_at);
  }

  get(id: string, now: number): Client | undefined {
    this.#tick(now);
    return this.#clients.find((client) => client.id === id);
  }

  /** Revokes a session: it leaves its Client, which stays coherent. Returns the revoked session. */
  revoke(sessionId: string, now: number): Session | undefined {
    this.#tick(now);
    const client = this.#clients.find((each) => each.session_ids.includes(sessionId));
    const session = client?.sessions.find((each) => each.id === sessionId);
    if (client === undefined || session === undefined) return undefined;
    const wasLastActive = client.last_active_session_id === sessionId;
    client.sessions = client.sessions.filter((each) => each !== session);
    client.session_ids = client.sessions.map((each) => each.id);
    if (wasLastActive) client.last_active_session_id = lastSignedIn(client.sessions)?.id ?? null;
    client.updated_at = Math.max(client.updated_at, now);
    const revoked: Session = {
      ...session,
      status: 'revoked',
      tasks: null,
      updated_at: Math.max(session.updated_at, now),
    };
    this.revokes.push({ clientId: client.id, session: revoked, wasLastActive });
    return revoked;
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

function lastSignedIn(sessions: Session[]): Session | undefined {
  return sessions
    .filter((session) => session.status === 'active' || session.status === 'pending')
    .sort((a, b) => b.last_active_at - a.last_active_at)[0];
}
