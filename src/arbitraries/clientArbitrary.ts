import fc from 'fast-check';
import type { Client } from '../schema/types.js';
import {
  type ClientConstraints,
  type ResolvedConstraints,
  resolveConstraints,
} from './_internals/constraints.js';
import { fractionArbitrary, scale } from './_internals/fractions.js';
import { clerkId, type KsuidPayload, payloadArbitrary } from './_internals/ids.js';
import { authenticationStrategyArbitrary } from './_internals/realisticData.js';
import { derivedRoot } from './_internals/schemaParts.js';
import {
  buildSession,
  lastActiveSession,
  type SessionDraft,
  sessionDraftArbitrary,
} from './_internals/sessionDraft.js';
import { quirkMsArbitrary, sessionListArbitrary, withNull } from './_internals/weighted.js';
import { clerkIdArbitrary } from './clerkIdArbitrary.js';
import { schemaArbitrary } from './schemaArbitrary.js';

export type { ClientConstraints } from './_internals/constraints.js';

type ClientDraft = {
  shape: Omit<Client, 'sessions'> & { sessions: SessionDraft[] };
  timing: { created: number; updated: number; quirkMs: number; touchedMs: number; id: KsuidPayload };
};

/** Placeholders for what the coherence step computes; the schema walk fills in everything else. */
const COMPUTED = ['id', 'session_ids', 'last_active_session_id', 'updated_at', 'created_at'];

/**
 * Clerk Clients that pass the schema of their API version (`apiVersion`, default the latest) and every invariant of
 * the catalogue in both profiles (and `status-matches-clock` at `now`), by construction: the walk of the version's
 * derived schema generates every field, then a map makes them coherent. Realistic by default; deterministic for a
 * seed, and every shrunk value is still coherent.
 */
export function clientArbitrary(constraints: ClientConstraints = {}): fc.Arbitrary<Client> {
  const c = resolveConstraints('clientArbitrary', constraints);
  return clientDraftArbitrary(c).map((draft) => buildClient(draft, c));
}

function clientDraftArbitrary(c: ResolvedConstraints): fc.Arbitrary<ClientDraft> {
  const idIn = (prefix: string) =>
    clerkIdArbitrary(prefix, { minCreatedAt: c.windowStart, maxCreatedAt: c.now });
  const { schema, at } = derivedRoot('bapi', 'client', c.apiVersion);
  const overrides = {
    ...Object.fromEntries(COMPUTED.map((field) => [`${at}/properties/${field}`, fc.constant(null)])),
    [`${at}/properties/sessions`]: sessionListArbitrary(sessionDraftArbitrary(c), c),
    ...(c.realistic
      ? {
          [`${at}/properties/sign_in_id`]: withNull(idIn('sia'), 4, 1),
          [`${at}/properties/sign_up_id`]: withNull(idIn('sua'), 9, 1),
          [`${at}/properties/last_authentication_strategy`]: withNull(authenticationStrategyArbitrary, 1, 4),
        }
      : {
          [`${at}/properties/sign_in_id`]: fc.option(idIn('sia'), { nil: null }),
          [`${at}/properties/sign_up_id`]: fc.option(idIn('sua'), { nil: null }),
        }),
  };
  return fc.record({
    shape: schemaArbitrary(schema, { overrides }) as fc.Arbitrary<ClientDraft['shape']>,
    timing: fc.record({
      created: fractionArbitrary,
      updated: fractionArbitrary,
      // Real Clerk: client.updated_at is often 3-5 ms before its newest session's updated_at.
      quirkMs: quirkMsArbitrary(c.realistic, 3, 5, 1),
      // Real Clerk: sign-in attempts touch the Client seconds to days after its newest session (3 of 9 captures).
      touchedMs: quirkMsArbitrary(c.realistic, 1_000, 2 * 86_400_000, 2),
      id: payloadArbitrary,
    }),
  });
}

/** Sessions oldest first, the Client created before them, ids and references that agree. */
function buildClient({ shape, timing }: ClientDraft, c: ResolvedConstraints): Client {
  const sessions = shape.sessions
    .map((draft, index) => buildSession(draft, c, '', index))
    .sort((a, b) => a.created_at - b.created_at);
  const firstSession = sessions[0]?.created_at ?? c.now;
  const createdAt = c.windowStart + scale(timing.created, firstSession - c.windowStart);
  const id = clerkId('client', createdAt, timing.id);
  for (const session of sessions) session.client_id = id;
  let newestUpdate = Number.NEGATIVE_INFINITY;
  for (const session of sessions) newestUpdate = Math.max(newestUpdate, session.updated_at);
  const touched = timing.touchedMs > 0 ? Math.min(c.now, newestUpdate + timing.touchedMs) : undefined;
  const updatedAt =
    sessions.length > 0
      ? Math.max(createdAt, touched ?? newestUpdate - timing.quirkMs)
      : createdAt + scale(timing.updated, c.now - createdAt);
  return {
    ...shape,
    id,
    session_ids: sessions.map((session) => session.id),
    sessions,
    last_active_session_id: lastActiveSession(sessions)?.id ?? null,
    updated_at: updatedAt,
    created_at: createdAt,
  };
}
