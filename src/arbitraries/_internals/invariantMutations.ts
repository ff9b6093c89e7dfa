/** @internal Hand-made breaks, at least one per invariant, each leaving every other rule intact in both profiles. */
import fc from 'fast-check';
import { DEFAULT_CLOCK_SKEW_MS } from '../../check/checkClient.js';
import type { Client, Session, SessionActivity } from '../../schema/types.js';
import { sessionActivityArbitrary } from '../sessionActivityArbitrary.js';
import type { ResolvedConstraints } from './constraints.js';
import { clerkId, type KsuidPayload, payloadArbitrary } from './ids.js';
import type { Mutation, NearValidClient } from './mutation.js';

/** Shared draws of a break: indexes (taken modulo the session count), a size, a fresh id payload, an activity. */
export type Draws = { i: number; j: number; k: number; payload: KsuidPayload; activity?: SessionActivity };
export const DRAWS = {
  i: fc.nat(),
  j: fc.nat(),
  k: fc.integer({ min: 0, max: 100_000 }),
  payload: payloadArbitrary,
};
export const draws: fc.Arbitrary<Draws> = fc.record(DRAWS);

/** Salt 255 is never a session index, so a fresh id never equals a generated one. */
export const FRESH = 255;

/** A break of a valid value (a copy, free to edit) given the draws: the broken value and where it is reported. */
export type Break<T = Client, D = Draws> = (value: T, draws: D) => Pick<NearValidClient, 'value' | 'path'>;

/** A hand-made mutation: `apply` edits a copy of each valid value with fresh draws. */
export function mutation<T = Client, D extends Draws = Draws>(
  rule: string,
  name: string,
  minSessions: number,
  apply: Break<T, D>,
  using: fc.Arbitrary<D> = draws as fc.Arbitrary<D>,
  statuses?: readonly string[],
): Mutation<T> {
  return {
    rule,
    name,
    minSessions,
    ...(statuses === undefined ? {} : { statuses }),
    arbitrary: (clients) =>
      fc
        .tuple(clients, using)
        .map(([client, picked]) => ({ ...apply(structuredClone(client), picked), rule, mutation: name })),
  };
}

/** Ends a signed-in session, so a broken expiry does not also break the status or the last active session. */
function signOut(client: Client, session: Session): void {
  if (session.status !== 'active' && session.status !== 'pending') return;
  session.status = 'ended';
  session.tasks = null;
  if (client.last_active_session_id === session.id) client.last_active_session_id = null;
}

/** The i-th session (modulo the count) and its index. */
function pick(client: Client, n: number): [Session, number] {
  const index = n % client.sessions.length;
  return [client.sessions[index] as Session, index];
}

export function invariantMutations(c: ResolvedConstraints): Mutation[] {
  // Only the activity break needs an activity to fill in; the others do not pay for drawing one.
  const withActivity: fc.Arbitrary<Draws> = fc.record({ ...DRAWS, activity: sessionActivityArbitrary(c) });
  return [
    mutation('session-ids-match-sessions', 'drop an id from session_ids', 1, (client, { i }) => {
      client.session_ids.splice(i % client.session_ids.length, 1);
      return { value: client, path: '/session_ids' };
    }),
    mutation(
      'session-ids-match-sessions',
      'list an unknown session in session_ids',
      1,
      (client, { i, payload }) => {
        const [session, index] = pick(client, i);
        client.session_ids[index] = clerkId('sess', session.created_at, payload, FRESH);
        return { value: client, path: '/session_ids' };
      },
    ),
    mutation('session-ids-ordered', 'swap two ids in session_ids', 2, (client, { i, j }) => {
      const n = client.session_ids.length;
      const a = i % n;
      const b = (a + 1 + (j % (n - 1))) % n;
      [client.session_ids[a], client.session_ids[b]] = [
        client.session_ids[b] as string,
        client.session_ids[a] as string,
      ];
      return { value: client, path: '/session_ids' };
    }),
    mutation('session-ids-unique', 'list one session twice', 2, (client, { i, j }) => {
      // Replace a session that is not the last active one with a copy of another.
      const replaceable = client.sessions.flatMap((session, index) =>
        session.id === client.last_active_session_id ? [] : [index],
      );
      const target = replaceable[i % replaceable.length] as number;
      const others = client.sessions.map((_, index) => index).filter((index) => index !== target);
      const source = others[j % others.length] as number;
      client.sessions[target] = structuredClone(client.sessions[source] as Session);
      client.session_ids[target] = client.session_ids[source] as string;
      return { value: client, path: `/sessions/${Math.max(source, target)}/id` };
    }),
    mutation(
      'last-active-session-signed-in',
      'make the last active session an ended one',
      1,
      (client, { i }) => {
        const [session] = pick(client, i);
        session.status = 'ended';
        session.tasks = null;
        client.last_active_session_id = session.id;
        return { value: client, path: '/last_active_session_id' };
      },
    ),
    mutation(
      'session-client-id-matches',
      "give a session another client's id",
      1,
      (client, { i, payload }) => {
        const [session, index] = pick(client, i);
        session.client_id = clerkId('client', client.created_at, payload, FRESH);
        return { value: client, path: `/sessions/${index}/client_id` };
      },
    ),
    ...sharedMutations<Client, Session>(signOut, c.now),
    mutation('id-prefixes', 'a user id without user_', 1, (client, { i, payload }) => {
      const [session, index] = pick(client, i);
      session.user_id = clerkId('usr', session.created_at, payload);
      return { value: client, path: `/sessions/${index}/user_id` };
    }),
    mutation('id-prefixes', 'a sign-in id without sia_', 0, (client, { payload }) => {
      client.sign_in_id = clerkId('signin', client.updated_at, payload);
      return { value: client, path: '/sign_in_id' };
    }),
    mutation('ksuid-ids', 'a client id minted after the client', 0, (client, { k, payload }) => {
      client.id = clerkId('client', client.created_at + 1000 * (1 + k), payload);
      for (const session of client.sessions) session.client_id = client.id;
      return { value: client, path: '/id' };
    }),
    mutation('ksuid-ids', 'a session id that is no KSUID', 1, (client, { i, k }) => {
      const [session, index] = pick(client, i);
      const id = `sess_${k.toString(36)}`;
      if (client.last_active_session_id === session.id) client.last_active_session_id = id;
      session.id = id;
      client.session_ids[index] = id;
      return { value: client, path: `/sessions/${index}/id` };
    }),
    mutation(
      'latest-activity-object',
      'an activity that is not a session_activity',
      1,
      (client, { i, activity }) => {
        const [session, index] = pick(client, i);
        session.latest_activity = {
          ...(session.latest_activity ?? activity),
          object: 'activity',
        } as SessionActivity;
        return { value: client, path: `/sessions/${index}/latest_activity/object` };
      },
      withActivity,
    ),
  ];
}

/** The times and last active session of a Client, and the times of a session, which both APIs share. */
type Timed = { created_at: number; updated_at: number };
type TimedClient = Timed & { last_active_session_id: string | null };
type TimedSession = Timed & { status: string; expire_at: number; abandon_at: number; last_active_at: number };

/**
 * The breaks that are the same for Clients of either API (the last active session, the timestamp rules, the status
 * at `now`): `signOut` ends a signed-in session of that API, so a broken time does not also break its status.
 */
export function sharedMutations<T extends TimedClient & { sessions: S[] }, S extends TimedSession>(
  signOut: (client: T, session: S) => void,
  now: number,
): Mutation<T>[] {
  return [
    mutation<T>(
      'last-active-session-listed',
      'point last_active_session_id at an unknown session',
      0,
      (client, { payload }) => {
        client.last_active_session_id = clerkId('sess', client.updated_at, payload, FRESH);
        return { value: client, path: '/last_active_session_id' };
      },
    ),
    mutation<T>('timestamps-ordered', 'update the client before it was created', 0, (client, { k }) => {
      client.updated_at = client.created_at - 1 - k;
      return { value: client, path: '/updated_at' };
    }),
    mutation<T>('timestamps-ordered', 'update a session before it was created', 1, (client, { i, k }) => {
      const index = i % client.sessions.length;
      const session = client.sessions[index] as S;
      session.updated_at = session.created_at - 1 - k;
      return { value: client, path: `/sessions/${index}/updated_at` };
    }),
    mutation<T>('timestamps-ordered', 'expire a session when it was created', 1, (client, { i, k }) => {
      const index = i % client.sessions.length;
      const session = client.sessions[index] as S;
      signOut(client, session);
      session.expire_at = session.created_at - k;
      return { value: client, path: `/sessions/${index}/expire_at` };
    }),
    mutation<T>('timestamps-ordered', 'abandon a session before it was created', 1, (client, { i, k }) => {
      const index = i % client.sessions.length;
      const session = client.sessions[index] as S;
      signOut(client, session);
      // Expire with it, so expire_at <= abandon_at still holds.
      session.abandon_at = session.created_at - k;
      session.expire_at = session.abandon_at;
      return { value: client, path: `/sessions/${index}/abandon_at` };
    }),
    mutation<T>('last-active-after-creation', 'activity long before creation', 1, (client, { i, k }) => {
      const index = i % client.sessions.length;
      const session = client.sessions[index] as S;
      session.last_active_at = session.created_at - DEFAULT_CLOCK_SKEW_MS - 1 - k;
      return { value: client, path: `/sessions/${index}/last_active_at` };
    }),
    mutation<T>('expire-not-after-abandon', 'abandon a session before it expires', 1, (client, { i, k }) => {
      const index = i % client.sessions.length;
      const session = client.sessions[index] as S;
      session.abandon_at = session.expire_at - 1 - (k % (session.expire_at - session.created_at - 1));
      return { value: client, path: `/sessions/${index}/abandon_at` };
    }),
    mutation<T>('timestamps-in-milliseconds', 'client updated_at in microseconds', 0, (client) => {
      client.updated_at *= 1000;
      return { value: client, path: '/updated_at' };
    }),
    mutation<T>('timestamps-in-milliseconds', 'session abandon_at in microseconds', 1, (client, { i }) => {
      const index = i % client.sessions.length;
      const session = client.sessions[index] as S;
      session.abandon_at *= 1000;
      return { value: client, path: `/sessions/${index}/abandon_at` };
    }),
    mutation<T>('status-matches-clock', 'a session expired before expire_at', 1, (client, { i, k }) => {
      const index = i % client.sessions.length;
      const session = client.sessions[index] as S;
      signOut(client, session);
      session.status = 'expired';
      session.expire_at = Math.max(session.expire_at, now + DEFAULT_CLOCK_SKEW_MS + 1 + k);
      session.abandon_at = Math.max(session.abandon_at, session.expire_at);
      return { value: client, path: `/sessions/${index}/status` };
    }),
  ];
}
