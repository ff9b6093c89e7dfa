import type { SubjectKind } from '../documents/subjectKinds.js';
import { embedsCreationTime } from '../invariants/ksuidIds.js';
import { ksuidSeconds } from '../ksuid.js';
import {
  compileTestedCertifier,
  type ObjectTest,
  type TestedCertainty,
  type TestedCertifier,
} from '../schema/certifier.js';
import { type ApiVersion, LATEST_API_VERSION } from '../schema/derived/index.js';
import { clientSchema, type SchemaObject } from '../schema/validator.js';

/**
 * What the fast path proved of a value, always of plain JSON data (standard prototypes, so the full checker reads it
 * as it is): `valid`, the full checker would report nothing at all (no error, no warning) at `now`; `schema`, the
 * schema holds (so Ajv would report nothing) but some invariant may not. `unproven` hands the whole value over.
 */
export type Certainty = 'valid' | 'schema' | 'unproven';

/** The fast path of one kind: the full checker stays the source of every reported violation. */
export type FastPath = (value: unknown, now: number | undefined) => Certainty;

/** The per-session rules the fused pass proves, in a Client's sessions and in a Session document. */
const PROVEN_PER_SESSION = [
  'timestamps-ordered',
  'last-active-after-creation',
  'expire-not-after-abandon',
  'timestamps-in-milliseconds',
  'id-prefixes',
  'ksuid-ids',
  'latest-activity-object',
  'status-matches-clock',
];
/**
 * The invariants the fused pass below proves, per kind: a kind with an active rule outside its list gets no fast
 * path, so a rule added to the registry is never skipped silently (the fast path is off until it learns the rule).
 */
const PROVEN_RULES: Readonly<Partial<Record<SubjectKind, ReadonlySet<string>>>> = {
  client: new Set([
    'session-ids-match-sessions',
    'session-ids-ordered',
    'session-ids-unique',
    'last-active-session-listed',
    'last-active-session-signed-in',
    'session-client-id-matches',
    ...PROVEN_PER_SESSION,
  ]),
  session: new Set(PROVEN_PER_SESSION),
};

/** The seed schema of each kind the fast path serves: the one `subjectValidator` applies at the latest version. */
const SEED_SCHEMAS: Readonly<Partial<Record<SubjectKind, () => SchemaObject>>> = {
  client: () => clientSchema,
  session: () => (clientSchema.properties as { sessions: { items: SchemaObject } }).sessions.items,
};

/**
 * The fast path of a kind at an API version for these active rules, or undefined where none is proven: only the
 * Backend API Client and Session of the latest version (their schema is the seed, which the certifier fully knows).
 * Every rule in the registry is proven whether it is on or off (an off rule only makes more values valid), except
 * `ksuid-ids`, which is only proven when on, since its ids need not be KSUIDs otherwise.
 */
export function fastPathFor(
  kind: SubjectKind,
  version: ApiVersion,
  activeRules: readonly string[],
  clockSkewMs: number,
): FastPath | undefined {
  const proven = PROVEN_RULES[kind];
  const seed = SEED_SCHEMAS[kind];
  if (version !== LATEST_API_VERSION || proven === undefined || seed === undefined) return undefined;
  if (!activeRules.every((rule) => proven.has(rule))) return undefined;
  let certify = certifiers.get(kind);
  if (certify === undefined) {
    certify = compileTestedCertifier(seed(), OBJECT_TESTS[kind] ?? {});
    certifiers.set(kind, certify);
  }
  const context: Context = { clockSkewMs, ksuid: activeRules.includes('ksuid-ids') };
  return (value, now) => CERTAINTIES[certify(value, context, now)];
}

const CERTAINTIES: Readonly<Record<TestedCertainty, Certainty>> = { 0: 'unproven', 1: 'schema', 2: 'valid' };

/** Each kind's certifier with its invariants, compiled once: the rule settings and `now` come with each call. */
const certifiers = new Map<SubjectKind, TestedCertifier>();

/** The rule settings the invariants need besides the values (the call's `now` comes after them). */
type Context = { clockSkewMs: number; ksuid: boolean };

// The types the seed schema guarantees of the values an object test gets.
type Session = { id: string; client_id: string; status: string };

/** The fields a Session's test reads, in the order of its parameters (`client_id` is the Client's to prove). */
const SESSION_FIELDS = [
  'id',
  'user_id',
  'status',
  'last_active_organization_id',
  'last_active_at',
  'expire_at',
  'abandon_at',
  'updated_at',
  'created_at',
];

/** `latest-activity-object`, and the prefix of the activity's id, on the values the certifier read. */
const ACTIVITY_TEST: ObjectTest = { names: ['object', 'id'], holds: activityHolds };

/**
 * The invariants of each kind, run by its certifier on the objects they are about with the values it read: each
 * property is read once for the schema and the rules (an activity's shape varies, so a second read of it is a slow
 * lookup). A Client's sessions are tested as the certifier meets them, the Client last.
 */
const OBJECT_TESTS: Readonly<Partial<Record<SubjectKind, Record<string, ObjectTest>>>> = {
  client: {
    '': {
      names: [
        'id',
        'session_ids',
        'sessions',
        'sign_in_id',
        'sign_up_id',
        'last_active_session_id',
        'created_at',
        'updated_at',
      ],
      holds: clientHolds,
    },
    '/properties/sessions/items': { names: SESSION_FIELDS, holds: sessionHolds },
    '/properties/sessions/items/properties/latest_activity': ACTIVITY_TEST,
  },
  session: {
    '': { names: ['client_id', ...SESSION_FIELDS], holds: sessionDocumentHolds },
    '/properties/latest_activity': ACTIVITY_TEST,
  },
};

/** Above this many sessions, uniqueness is checked with a set rather than pairwise. */
const PAIRWISE_LIMIT = 16;

/** The Client-wide rules on a schema-valid Client whose sessions each passed {@link sessionHolds}. */
function clientHolds(
  id: string,
  listed: string[],
  sessions: Session[],
  signIn: string | null,
  signUp: string | null,
  lastActive: string | null,
  created: number,
  updated: number,
  context: Context,
): boolean {
  // id-prefixes
  if (!isClientId(id)) return false;
  if (signIn !== null && !isSignInId(signIn)) return false;
  if (signUp !== null && !isSignUpId(signUp)) return false;
  // timestamps-in-milliseconds, timestamps-ordered, ksuid-ids
  if (!inMilliseconds(created) || !inMilliseconds(updated) || created > updated) return false;
  if (context.ksuid && !mintedAt(id, 'client_', created)) return false;
  // session-ids-match-sessions, -ordered and -unique: session_ids lists the ids of sessions, in order, each once.
  if (listed.length !== sessions.length) return false;
  const seen = sessions.length > PAIRWISE_LIMIT ? new Set<string>() : undefined;
  // last-active-session-listed and -signed-in (so its prefix is a session id's): none counts as signed in.
  let lastActiveStatus = lastActive === null ? 'active' : undefined;
  for (let index = 0; index < sessions.length; index++) {
    const session = sessions[index] as Session;
    const sessionId = session.id;
    if (listed[index] !== sessionId) return false;
    if (seen === undefined) {
      for (let before = 0; before < index; before++)
        if ((sessions[before] as Session).id === sessionId) return false;
    } else if (seen.size === seen.add(sessionId).size) return false;
    // session-client-id-matches (so its prefix is the Client id's)
    if (session.client_id !== id) return false;
    if (sessionId === lastActive) lastActiveStatus = session.status;
  }
  return lastActiveStatus === 'active' || lastActiveStatus === 'pending';
}

/** Every per-session rule on a schema-valid Session document. */
function sessionDocumentHolds(clientId: string, ...session: Parameters<typeof sessionHolds>): boolean {
  return isClientId(clientId) && sessionHolds(...session);
}

/** Every per-session rule on a schema-valid Session, but the prefix of its `client_id`, which the caller proves. */
function sessionHolds(
  id: string,
  userId: string,
  status: string,
  organization: string | null | undefined,
  lastActiveAt: number,
  expire: number,
  abandon: number,
  updated: number,
  created: number,
  { clockSkewMs, ksuid }: Context,
  now: number | undefined,
): boolean {
  // id-prefixes
  if (!isSessionId(id) || !isUserId(userId)) return false;
  if (typeof organization === 'string' && !isOrganizationId(organization)) return false;
  // timestamps-in-milliseconds
  if (!inMilliseconds(created) || !inMilliseconds(updated) || !inMilliseconds(expire)) return false;
  if (!inMilliseconds(abandon) || !inMilliseconds(lastActiveAt)) return false;
  // timestamps-ordered, expire-not-after-abandon (created < expire <= abandon: so created < abandon too), and
  // last-active-after-creation
  if (created > updated || created >= expire || expire > abandon) return false;
  if (!(lastActiveAt >= created - clockSkewMs)) return false;
  // status-matches-clock
  if (now !== undefined) {
    if ((status === 'active' || status === 'pending') && expire <= now) return false;
    if (status === 'expired' && expire > now + clockSkewMs) return false;
  }
  return !ksuid || mintedAt(id, 'sess_', created);
}

/** An activity's rules: `latest-activity-object` and the prefix of its id (`id-prefixes`). */
function activityHolds(object: string, id: string): boolean {
  return object === 'session_activity' && isActivityId(id);
}

/**
 * `ksuid-ids` on an id whose prefix is proven: read right after it when the KSUID follows that prefix directly (as
 * it always does in a Clerk id), in general otherwise.
 */
function mintedAt(id: string, prefix: string, created: number): boolean {
  return ksuidSeconds(id, prefix.length) === Math.floor(created / 1000) || embedsCreationTime(id, created);
}

/**
 * As `id-prefixes` wants it: the prefix and something after it, which are exactly the strings between the prefix and
 * the prefix with its last character's successor ('sess_' < id < 'sess`', as '`' follows '_'). Two native comparisons
 * measured 1.06-1.12× faster on a whole strict check than comparing the prefix's chars one by one. A function of its
 * own per prefix, because V8 does not inline closures that share one function (its inlining trace: "many closures").
 */
function prefixTest(prefix: string): IdTest {
  const after = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return new Function(
    'id',
    `return id > ${JSON.stringify(prefix)} && id < ${JSON.stringify(after)};`,
  ) as IdTest;
}
type IdTest = (id: string) => boolean;
const isClientId = prefixTest('client_');
const isSignInId = prefixTest('sia_');
const isSignUpId = prefixTest('sua_');
const isSessionId = prefixTest('sess_');
const isUserId = prefixTest('user_');
const isOrganizationId = prefixTest('org_');
const isActivityId = prefixTest('sess_activity_');

function inMilliseconds(timestamp: number): boolean {
  return timestamp >= 1e12 && timestamp < 1e13;
}
