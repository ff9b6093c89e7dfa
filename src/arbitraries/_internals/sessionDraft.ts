/** @internal A session as generated (schema-derived shape + timing draws), and how it becomes a coherent session. */
import fc from 'fast-check';
import type { Session } from '../../schema/types.js';
import { clerkIdArbitrary } from '../clerkIdArbitrary.js';
import { schemaArbitrary } from '../schemaArbitrary.js';
import { sessionActivityArbitrary } from '../sessionActivityArbitrary.js';
import type { ResolvedConstraints } from './constraints.js';
import { fractionArbitrary, scale } from './fractions.js';
import { clerkId, type KsuidPayload, payloadArbitrary } from './ids.js';
import { STATUS_WEIGHTS, taskKeyArbitrary } from './realisticData.js';
import { derivedRoot } from './schemaParts.js';
import { quirkMsArbitrary, withNull } from './weighted.js';

export type SessionDraft = {
  /** What the schema walk generated; ids, client id and timestamps are placeholders until built. */
  shape: Session;
  timing: {
    created: number;
    updated: number;
    lastActive: number;
    /** Real Clerk: a new session's last_active_at is often 2-8 ms before its created_at (0: no quirk). */
    quirkMs: number;
    /** Real Clerk: lifetimes are sometimes anchored a few ms before created_at (7 d - 8 ms; 0: exact). */
    lifetimeQuirkMs: number;
    userAge: number;
    id: KsuidPayload;
    user: KsuidPayload;
    taskKey: string;
  };
};

/** Placeholders for what {@link buildSession} computes; the schema walk fills in everything else. */
const COMPUTED = [
  'id',
  'user_id',
  'client_id',
  'last_active_at',
  'expire_at',
  'abandon_at',
  'updated_at',
  'created_at',
];

/** Generates session drafts under the constraints. */
export function sessionDraftArbitrary(c: ResolvedConstraints): fc.Arbitrary<SessionDraft> {
  const organizationId = clerkIdArbitrary('org', { minCreatedAt: c.windowStart, maxCreatedAt: c.now });
  const { schema, at } = derivedRoot('bapi', 'session', c.apiVersion);
  const realistic = {
    '/properties/status': fc.oneof(
      ...c.statuses.map((status) => ({
        arbitrary: fc.constant(status),
        weight: STATUS_WEIGHTS[status] ?? 1,
      })),
    ),
    '/properties/actor': withNull(
      fc.record({ sub: clerkIdArbitrary('user', { maxCreatedAt: c.now }) }),
      9,
      1,
    ),
    '/properties/last_active_organization_id': withNull(organizationId, 3, 1),
    '/properties/latest_activity': withNull(sessionActivityArbitrary(c), 1, 6),
    '/properties/tasks': withNull(
      fc.array(fc.record({ key: taskKeyArbitrary }), { minLength: 1, maxLength: 2 }),
      3,
      1,
    ),
  };
  const plain = {
    '/properties/status': fc.constantFrom(...c.statuses),
    '/properties/last_active_organization_id': fc.option(organizationId, { nil: null }),
    '/properties/latest_activity': fc.option(sessionActivityArbitrary(c), { nil: null }),
  };
  const overrides = Object.fromEntries(
    Object.entries({
      ...Object.fromEntries(COMPUTED.map((field) => [`/properties/${field}`, fc.constant(0)])),
      ...(c.realistic ? realistic : plain),
    }).map(([path, arbitrary]) => [at + path, arbitrary]),
  );
  // Realistic: Clerk always sends these two, usually null, in their place.
  const alwaysPresent = c.realistic
    ? ['actor', 'last_active_organization_id'].map((field) => `${at}/properties/${field}`)
    : [];
  return fc.record({
    shape: schemaArbitrary(schema, { overrides, alwaysPresent }) as fc.Arbitrary<Session>,
    timing: sessionTimingArbitrary(c),
  });
}

/** The draws that place a session in time and name it (shared by the Backend and Frontend API sessions). */
export function sessionTimingArbitrary(c: ResolvedConstraints): fc.Arbitrary<SessionDraft['timing']> {
  return fc.record({
    created: fractionArbitrary,
    updated: fractionArbitrary,
    lastActive: fractionArbitrary,
    quirkMs: quirkMsArbitrary(c.realistic, 2, 8, 2),
    lifetimeQuirkMs: quirkMsArbitrary(c.realistic, 2, MAX_LIFETIME_QUIRK_MS, 3),
    userAge: fractionArbitrary,
    id: payloadArbitrary,
    user: payloadArbitrary,
    taskKey: taskKeyArbitrary,
  });
}

/**
 * The coherent session of a draft: created in the range its status allows at `now`, the other timestamps after it,
 * KSUID ids that embed their creation time, and `salt` (0-255) in the id so sessions of one Client never collide.
 */
export function buildSession(
  { shape, timing }: SessionDraft,
  c: ResolvedConstraints,
  clientId: string,
  salt: number,
): Session {
  const times = sessionTimes(timing, shape.status, c);
  const session: Session = {
    ...shape,
    id: clerkId('sess', times.created, timing.id, salt),
    user_id: clerkId('user', times.userCreated, timing.user),
    client_id: clientId,
    last_active_at: times.lastActive,
    expire_at: times.expire,
    abandon_at: times.abandon,
    updated_at: times.updated,
    created_at: times.created,
  };
  // Realistic: a pending session has tasks to finish, and only a pending one.
  if (c.realistic && shape.status === 'pending' && !session.tasks?.length)
    session.tasks = [{ key: timing.taskKey }];
  if (c.realistic && shape.status !== 'pending' && session.tasks) session.tasks = null;
  return session;
}

/**
 * A session's timestamps from its timing draws: created in the range its status allows at `now`, the others after
 * it (but `last_active_at` a few ms early with the clock quirk), and when its user was created.
 */
export function sessionTimes(timing: SessionDraft['timing'], status: string, c: ResolvedConstraints) {
  const [earliest, latest] = createdRange(status, c);
  const created = earliest + scale(timing.created, latest - earliest);
  // Only real lifetimes (of a second or more) are anchored a few ms early.
  const early = c.expireAfterMs > 1000 && c.abandonAfterMs > 1000 ? timing.lifetimeQuirkMs : 0;
  const expire = created + c.expireAfterMs - early;
  // An expired session is not touched at expiry: its last update came before it.
  const lastUpdate = status === 'expired' ? Math.min(c.now, expire - 1) : c.now;
  const updated = created + scale(timing.updated, Math.max(0, lastUpdate - created));
  const lastActive =
    timing.quirkMs > 0 ? created - timing.quirkMs : created + scale(timing.lastActive, updated - created);
  const userCreated = created - scale(timing.userAge, created - c.windowStart);
  return { created, updated, lastActive, expire, abandon: created + c.abandonAfterMs - early, userCreated };
}

/** The most a lifetime is anchored before created_at. */
const MAX_LIFETIME_QUIRK_MS = 8;

/** How long a generated signed-in session stays unexpired after `now`, at least (the embedded server serves it). */
const SIGNED_IN_MARGIN_MS = 60_000;

/** When a session with this status can have been created, so that its status agrees with the clock at `now`. */
function createdRange(status: string, c: ResolvedConstraints): [number, number] {
  // Signed in: not expired yet (expire_at > now), and for a while after, so a server serving it stays coherent.
  if (status === 'active' || status === 'pending') {
    const margin = Math.min(SIGNED_IN_MARGIN_MS, Math.floor(c.expireAfterMs / 2));
    const earliest = c.now - c.expireAfterMs + 1 + MAX_LIFETIME_QUIRK_MS + margin;
    return [Math.min(c.now, Math.max(c.windowStart, earliest)), c.now];
  }
  // Expired: expire_at <= now.
  if (status === 'expired') return [c.windowStart, c.now - c.expireAfterMs];
  return [c.windowStart, c.now];
}

/** The signed-in session used most recently, if any (what `last_active_session_id` names). */
export function lastActiveSession<S extends { status: string; last_active_at: number }>(
  sessions: S[],
): S | undefined {
  let latest: S | undefined;
  for (const session of sessions) {
    const signedIn = session.status === 'active' || session.status === 'pending';
    if (signedIn && (latest === undefined || session.last_active_at >= latest.last_active_at))
      latest = session;
  }
  return latest;
}
