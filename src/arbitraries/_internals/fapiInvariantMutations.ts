/** @internal Hand-made breaks of Frontend API Clients, at least one per invariant that applies to them. */
import fc from 'fast-check';
import { DEFAULT_CLOCK_SKEW_MS } from '../../check/checkClient.js';
import { KSUID_EPOCH_SECONDS } from '../../ksuid.js';
import type { FapiClient, FapiSession } from '../fapiClientArbitrary.js';
import { sessionActivityArbitrary } from '../sessionActivityArbitrary.js';
import type { ResolvedConstraints } from './constraints.js';
import { clerkId } from './ids.js';
import {
  DRAWS,
  type Draws,
  FRESH,
  mutation as genericMutation,
  sharedMutations,
} from './invariantMutations.js';
import type { Mutation } from './mutation.js';
import { definitionProperties } from './schemaParts.js';

const YEAR_MS = 365 * 86_400_000;

const mutation = genericMutation<FapiClient>;

/** Ends a signed-in session, so a broken time does not also break its status or the last active session. */
function signOut(client: FapiClient, session: FapiSession): void {
  if (session.status !== 'active' && session.status !== 'pending') return;
  session.status = 'ended';
  session.last_active_token = null;
  if ('tasks' in session) session.tasks = null;
  if (client.last_active_session_id === session.id) client.last_active_session_id = null;
}

/** The i-th session (modulo the count) and its index. */
function pick(client: FapiClient, n: number): [FapiSession, number] {
  const index = n % client.sessions.length;
  return [client.sessions[index] as FapiSession, index];
}

/** Gives a session a new id, and every reference to it too, so only the id itself is broken. */
function renameSession(client: FapiClient, session: FapiSession, id: string): void {
  if (client.last_active_session_id === session.id) client.last_active_session_id = id;
  for (const attempt of [client.sign_in, client.sign_up])
    if (attempt !== null && attempt.created_session_id === session.id) attempt.created_session_id = id;
  session.id = id;
}

/** `signInFiller`: valid sign-in attempts, for a Client that has none. */
export function fapiInvariantMutations(
  c: ResolvedConstraints,
  signInFiller: fc.Arbitrary<Record<string, unknown>>,
): Mutation<FapiClient>[] {
  const withActivity: fc.Arbitrary<Draws> = fc.record({
    ...DRAWS,
    activity: sessionActivityArbitrary({ now: c.now, windowMs: c.windowMs, realistic: c.realistic }),
  });
  const found: Mutation<FapiClient>[] = [
    mutation(
      'last-active-session-signed-in',
      'make the last active session an ended one',
      1,
      (client, { i }) => {
        const [session] = pick(client, i);
        signOut(client, session);
        session.status = 'ended';
        client.last_active_session_id = session.id;
        return { value: client, path: '/last_active_session_id' };
      },
    ),
    ...sharedMutations<FapiClient, FapiSession>(signOut, c.now),
    mutation('id-prefixes', 'a user id without user_', 1, (client, { i, payload }) => {
      const [session, index] = pick(client, i);
      const user = session.user as { id: string };
      user.id = clerkId('usr', session.created_at, payload);
      return { value: client, path: `/sessions/${index}/user/id` };
    }),
    mutation('ksuid-ids', 'a client id minted after the client', 0, (client, { k, payload }) => {
      client.id = clerkId('client', client.created_at + 1000 * (1 + k), payload);
      return { value: client, path: '/id' };
    }),
    mutation('ksuid-ids', 'a session id that is no KSUID', 1, (client, { i, k }) => {
      const [session, index] = pick(client, i);
      renameSession(client, session, `sess_${k.toString(36)}`);
      return { value: client, path: `/sessions/${index}/id` };
    }),
    mutation(
      'latest-activity-object',
      'an activity that is not a session_activity',
      1,
      (client, { i, activity }) => {
        const [session, index] = pick(client, i);
        session.latest_activity = { ...activity, object: 'activity' };
        return { value: client, path: `/sessions/${index}/latest_activity/object` };
      },
      withActivity,
    ),
    mutation(
      'active-session-has-token',
      'an active session without its token',
      1,
      (client, { i }) => {
        const [session, index] = pick(client, i);
        session.last_active_token = null;
        return { value: client, path: `/sessions/${index}/last_active_token` };
      },
      undefined,
      ['active'],
    ),
    mutation('sessions-after-client', 'a session created before its client', 1, (client, { i, k }) => {
      const [session, index] = pick(client, i);
      const latest = client.created_at - DEFAULT_CLOCK_SKEW_MS - 1;
      // Minted at its new time (KSUIDs count whole seconds since their epoch), so only the order is broken.
      session.created_at = latest - (k % Math.max(1, latest - KSUID_EPOCH_SECONDS * 1000 - 1000));
      renameSession(client, session, clerkId('sess', session.created_at, (k + i * 0x9e3779b9) >>> 0, index));
      return { value: client, path: `/sessions/${index}/created_at` };
    }),
    genericMutation<FapiClient, Draws & { signIn: Record<string, unknown> }>(
      'completed-sign-in-session-listed',
      'a complete sign-in naming an unknown session',
      0,
      (client, { payload, signIn }) => {
        const attempt = (client.sign_in ?? structuredClone(signIn)) as NonNullable<FapiClient['sign_in']>;
        attempt.status = 'complete';
        attempt.created_session_id = clerkId('sess', client.updated_at, payload, FRESH);
        client.sign_in = attempt;
        return { value: client, path: '/sign_in/created_session_id' };
      },
      fc.record({ ...DRAWS, signIn: signInFiller }),
    ),
  ];
  if (definitionProperties('fapi', c.apiVersion, 'Client.Client').has('cookie_expires_at'))
    found.push(
      mutation('timestamps-in-milliseconds', 'cookie_expires_at in seconds', 0, (client) => {
        client.cookie_expires_at = Math.floor(
          ((client.cookie_expires_at as number | null) ?? client.updated_at + YEAR_MS) / 1000,
        );
        return { value: client, path: '/cookie_expires_at' };
      }),
    );
  return found;
}
