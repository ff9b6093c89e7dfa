import fc from 'fast-check';
import { type ApiVersion, derivedDocument } from '../schema/derived/index.js';
import {
  type ClientConstraints,
  type ResolvedConstraints,
  resolveConstraints,
} from './_internals/constraints.js';
import {
  imageUrl,
  issuerArbitrary,
  type Person,
  personArbitrary,
  realisticFieldOverrides,
  sessionJwt,
} from './_internals/fapiRealism.js';
import { fractionArbitrary, scale } from './_internals/fractions.js';
import { clerkId, type KsuidPayload, payloadArbitrary } from './_internals/ids.js';
import {
  authenticationStrategyArbitrary,
  STATUS_WEIGHTS,
  taskKeyArbitrary,
} from './_internals/realisticData.js';
import { definitionProperties, definitionRoot } from './_internals/schemaParts.js';
import {
  lastActiveSession,
  type SessionDraft,
  sessionTimes,
  sessionTimingArbitrary,
} from './_internals/sessionDraft.js';
import { quirkMsArbitrary, sessionListArbitrary, withNull } from './_internals/weighted.js';
import { clerkIdArbitrary } from './clerkIdArbitrary.js';
import { schemaArbitrary } from './schemaArbitrary.js';

/** Constraints of {@link fapiClientArbitrary}: those of `clientArbitrary`, read for the Frontend API. */
export type FapiClientConstraints = ClientConstraints;

/** A Frontend API session as `fapiClientArbitrary` builds it (the version's schema has the rest). */
export type FapiSession = {
  object: 'session';
  id: string;
  status: string;
  expire_at: number;
  abandon_at: number;
  last_active_at: number;
  last_active_token?: { object: 'token'; jwt: string } | null;
  user?: { id: string; [field: string]: unknown };
  public_user_data?: { [field: string]: unknown } | null;
  created_at: number;
  updated_at: number;
  [field: string]: unknown;
};

/** A Frontend API Client (`GET /v1/client`'s `response`) as `fapiClientArbitrary` builds it. */
export type FapiClient = {
  object: 'client';
  id: string;
  sessions: FapiSession[];
  sign_in: {
    id: string;
    status: string;
    created_session_id?: string | null;
    [field: string]: unknown;
  } | null;
  sign_up: {
    id: string;
    status: string;
    created_session_id?: string | null;
    [field: string]: unknown;
  } | null;
  last_active_session_id: string | null;
  created_at: number;
  updated_at: number;
  [field: string]: unknown;
};

type Shape = { [field: string]: unknown };
type FapiSessionDraft = {
  shape: Shape;
  user: Shape;
  timing: SessionDraft['timing'];
  person: Person;
  emailId: KsuidPayload;
  signature: Uint8Array;
  factorAge: [number, number];
};
type ClientDraft = {
  shape: Shape;
  sessions: FapiSessionDraft[];
  signIn: { state: 'none' | 'progress' | 'complete'; shape: Shape; status: number; payload: KsuidPayload };
  signUp: { state: 'none' | 'progress' | 'complete'; shape: Shape; payload: KsuidPayload };
  timing: {
    created: number;
    updated: number;
    quirkMs: number;
    id: KsuidPayload;
    attempt: number;
    cookie: boolean;
  };
  instance: KsuidPayload;
  issuer: string;
  person: Person;
};

const HOUR_MS = 3_600_000;

/**
 * Frontend API Clients (what a browser gets from `GET /v1/client`) that pass the derived FAPI schema of their API
 * version (`apiVersion`, default the latest), coherent by construction: KSUID ids whose time is their `created_at`
 * (ms), sessions created after the Client, each embedding its `user` and `public_user_data`, signed-in sessions
 * carrying a `last_active_token` JWT naming them, `last_active_session_id` one of the sessions, and `sign_in` /
 * `sign_up` null, in progress or complete (a complete one names the session it created). Realistic by default.
 */
export function fapiClientArbitrary(constraints: FapiClientConstraints = {}): fc.Arbitrary<FapiClient> {
  const c = resolveConstraints('fapiClientArbitrary', constraints, 'fapi');
  const client = definitionRoot('fapi', c.apiVersion, 'Client.Client', true);
  const realism = c.realistic
    ? realisticFieldOverrides(derivedDocument('fapi', c.apiVersion), c.windowStart, c.now)
    : {};
  const computed = (at: string, fields: string[], value: unknown = null) =>
    Object.fromEntries(fields.map((field) => [`${at}/properties/${field}`, fc.constant(value)]));
  const clientOverrides = {
    ...realism,
    ...computed(client.at, [
      'id',
      'sessions',
      'sign_in',
      'sign_up',
      'last_active_session_id',
      'cookie_expires_at',
    ]),
    ...computed(client.at, ['created_at', 'updated_at'], 0),
    [`${client.at}/properties/last_authentication_strategy`]: withNull(authenticationStrategyArbitrary, 1, 4),
    [`${client.at}/properties/captcha_bypass`]: fc.oneof(
      { arbitrary: fc.constant(false), weight: 9 },
      { arbitrary: fc.constant(true), weight: 1 },
    ),
  };
  const attempt = (name: string, computedFields: string[]) => {
    const root = definitionRoot('fapi', c.apiVersion, name);
    return schemaArbitrary(root.schema, {
      overrides: { ...realism, ...computed(root.at, computedFields) },
    }) as fc.Arbitrary<Shape>;
  };
  const signInStatuses = enumOf(c.apiVersion, 'Client.SignIn', 'status').filter(
    (status) => status !== 'complete' && status !== 'abandoned',
  );
  return fc
    .record({
      shape: schemaArbitrary(client.schema, { overrides: clientOverrides }) as fc.Arbitrary<Shape>,
      sessions: sessionListArbitrary(fapiSessionDraftArbitrary(c, realism), c),
      signIn: fc.record({
        state: weighted({ none: 5, progress: 2, complete: 2 }),
        shape: attempt('Client.SignIn', ['id', 'status', 'identifier', 'created_session_id', 'abandon_at']),
        status: fc.nat(),
        payload: payloadArbitrary,
      }),
      signUp: fc.record({
        state: weighted({ none: 8, progress: 1, complete: 1 }),
        shape: attempt('Client.SignUp', [
          'id',
          'status',
          'created_session_id',
          'created_user_id',
          'abandon_at',
        ]),
        payload: payloadArbitrary,
      }),
      timing: fc.record({
        created: fractionArbitrary,
        updated: fractionArbitrary,
        quirkMs: quirkMsArbitrary(c.realistic, 3, 5, 1),
        id: payloadArbitrary,
        attempt: fractionArbitrary,
        cookie: fc.boolean(),
      }),
      instance: payloadArbitrary,
      issuer: issuerArbitrary,
      person: personArbitrary,
    })
    .map((draft) => buildClient(draft, c, signInStatuses));
}

function fapiSessionDraftArbitrary(
  c: ResolvedConstraints,
  realism: Record<string, fc.Arbitrary<unknown>>,
): fc.Arbitrary<FapiSessionDraft> {
  const session = definitionRoot('fapi', c.apiVersion, 'Client.Session');
  const user = definitionRoot('fapi', c.apiVersion, 'Client.User');
  const email = '/$defs/Client.EmailAddress/properties';
  const organizationId = clerkIdArbitrary('org', { minCreatedAt: c.windowStart, maxCreatedAt: c.now });
  const sessionOverrides: Record<string, fc.Arbitrary<unknown>> = {
    ...realism,
    [`${session.at}/properties/status`]: fc.oneof(
      ...c.statuses.map((status) => ({
        arbitrary: fc.constant(status),
        weight: STATUS_WEIGHTS[status] ?? 1,
      })),
    ),
    [`${session.at}/properties/actor`]: withNull(
      fc.record({ sub: clerkIdArbitrary('user', { maxCreatedAt: c.now }) }),
      9,
      1,
    ),
    [`${session.at}/properties/last_active_organization_id`]: withNull(organizationId, 3, 1),
    [`${session.at}/properties/tasks`]: withNull(
      fc.array(fc.record({ key: taskKeyArbitrary }), { minLength: 1, maxLength: 2 }),
      3,
      1,
    ),
  };
  for (const field of ['id', 'expire_at', 'abandon_at', 'last_active_at', 'created_at', 'updated_at'])
    sessionOverrides[`${session.at}/properties/${field}`] = fc.constant(0);
  for (const field of ['user', 'public_user_data', 'last_active_token', 'factor_verification_age'])
    sessionOverrides[`${session.at}/properties/${field}`] = fc.constant(null);
  // Realistic users: one email address, no other identifications, empty metadata (as in every real capture).
  const userOverrides: Record<string, fc.Arbitrary<unknown>> = c.realistic
    ? {
        ...realism,
        [`${user.at}/properties/profile_image_url`]: fc.constant('https://www.gravatar.com/avatar?d=mp'),
        ...Object.fromEntries(
          [
            'banned',
            'locked',
            'deprovisioned',
            'two_factor_enabled',
            'totp_enabled',
            'backup_code_enabled',
          ].map((field) => [`${user.at}/properties/${field}`, fc.constant(false)]),
        ),
        ...Object.fromEntries(
          [
            'phone_numbers',
            'web3_wallets',
            'passkeys',
            'external_accounts',
            'saml_accounts',
            'enterprise_accounts',
            'organization_memberships',
          ].map((field) => [`${user.at}/properties/${field}`, fc.constant([])]),
        ),
        ...Object.fromEntries(
          ['public_metadata', 'private_metadata', 'unsafe_metadata'].map((field) => [
            `${user.at}/properties/${field}`,
            fc.constant({}),
          ]),
        ),
        [`${email}/linked_to`]: fc.constant([]),
      }
    : {};
  const userSchema = schemaArbitrary(user.schema, { overrides: userOverrides }) as fc.Arbitrary<Shape>;
  return fc.record({
    shape: schemaArbitrary(session.schema, { overrides: sessionOverrides }) as fc.Arbitrary<Shape>,
    user: c.realistic
      ? fc
          .tuple(userSchema, fc.array(emailArbitrary(c.apiVersion, realism), { minLength: 1, maxLength: 2 }))
          .map(([generated, emails]) => ({ ...generated, email_addresses: emails }))
      : userSchema,
    timing: sessionTimingArbitrary(c),
    person: personArbitrary,
    emailId: payloadArbitrary,
    signature: fc.uint8Array({ minLength: 64, maxLength: 64 }),
    factorAge: fc.tuple(fc.integer({ min: 0, max: 600 }), fc.constantFrom(-1, -1, 0, 5)),
  });
}

function emailArbitrary(
  version: ApiVersion,
  realism: Record<string, fc.Arbitrary<unknown>>,
): fc.Arbitrary<Shape> {
  const root = definitionRoot('fapi', version, 'Client.EmailAddress');
  return schemaArbitrary(root.schema, {
    overrides: { ...realism, [`${root.at}/properties/linked_to`]: fc.constant([]) },
  }) as fc.Arbitrary<Shape>;
}

function buildClient(draft: ClientDraft, c: ResolvedConstraints, signInStatuses: string[]): FapiClient {
  const instanceId = clerkId('ins', c.windowStart, draft.instance);
  const sessions = draft.sessions
    .map((session, index) => buildSession(session, c, index, { instanceId, issuer: draft.issuer }))
    .sort((a, b) => a.created_at - b.created_at);
  const firstSession = sessions[0]?.created_at ?? c.now;
  const createdAt = c.windowStart + scale(draft.timing.created, firstSession - c.windowStart);
  let newestUpdate = Number.NEGATIVE_INFINITY;
  for (const session of sessions) newestUpdate = Math.max(newestUpdate, session.updated_at);
  let updatedAt =
    sessions.length > 0
      ? Math.max(createdAt, newestUpdate - draft.timing.quirkMs)
      : createdAt + scale(draft.timing.updated, c.now - createdAt);
  const lastActive = lastActiveSession(sessions);
  // A complete attempt created the last active session; one in progress started within its 24 h lifetime.
  const attempt = (state: ClientDraft['signIn']['state']) => {
    if (state === 'complete' && lastActive !== undefined) {
      const started = Math.max(createdAt, lastActive.created_at - scale(draft.timing.attempt, 60_000));
      return { state, started };
    }
    if (state === 'none' || state === 'complete') return undefined;
    const started =
      Math.max(createdAt, c.now - 24 * HOUR_MS) +
      scale(draft.timing.attempt, c.now - Math.max(createdAt, c.now - 24 * HOUR_MS));
    return { state, started };
  };
  const signIn = attempt(draft.signIn.state);
  const signUp = attempt(draft.signUp.state);
  for (const started of [signIn?.started, signUp?.started])
    if (started !== undefined) updatedAt = Math.max(updatedAt, started);
  const cookieExpiresAt =
    'cookie_expires_at' in draft.shape && draft.timing.cookie ? updatedAt + 365 * 24 * HOUR_MS : null;
  const client: FapiClient = {
    ...draft.shape,
    object: 'client',
    id: clerkId('client', createdAt, draft.timing.id),
    sessions,
    sign_in:
      signIn === undefined
        ? null
        : {
            ...draft.signIn.shape,
            id: clerkId('sia', signIn.started, draft.signIn.payload),
            status:
              signIn.state === 'complete'
                ? 'complete'
                : (signInStatuses[draft.signIn.status % signInStatuses.length] as string),
            identifier: signIn.state === 'complete' ? primaryEmail(lastActive) : draft.person.email,
            created_session_id: signIn.state === 'complete' ? (lastActive?.id ?? null) : null,
            abandon_at: signIn.started + 24 * HOUR_MS,
          },
    sign_up:
      signUp === undefined
        ? null
        : {
            ...draft.signUp.shape,
            id: clerkId('sua', signUp.started, draft.signUp.payload),
            status: signUp.state === 'complete' ? 'complete' : 'missing_requirements',
            created_session_id: signUp.state === 'complete' ? (lastActive?.id ?? null) : null,
            created_user_id: signUp.state === 'complete' ? (lastActive?.user?.id ?? null) : null,
            abandon_at: signUp.started + 24 * HOUR_MS,
          },
    last_active_session_id: lastActive?.id ?? null,
    created_at: createdAt,
    updated_at: updatedAt,
  };
  if ('cookie_expires_at' in draft.shape) client.cookie_expires_at = cookieExpiresAt;
  return client;
}

function buildSession(
  draft: FapiSessionDraft,
  c: ResolvedConstraints,
  salt: number,
  instance: { instanceId: string; issuer: string },
): FapiSession {
  const status = draft.shape.status as string;
  const times = sessionTimes(draft.timing, status, c);
  const id = clerkId('sess', times.created, draft.timing.id, salt);
  const user = buildUser(draft, times, instance.instanceId, c.apiVersion);
  const signedIn = status === 'active' || status === 'pending';
  const session: FapiSession = {
    ...draft.shape,
    object: 'session',
    id,
    status,
    expire_at: times.expire,
    abandon_at: times.abandon,
    last_active_at: times.lastActive,
    last_active_token: signedIn
      ? {
          object: 'token',
          jwt: sessionJwt(
            {
              ...instance,
              sessionId: id,
              userId: user.id,
              issuedAtMs: Math.max(times.lastActive, times.created),
            },
            draft.signature,
          ),
        }
      : null,
    user,
    public_user_data: publicUserData(user, c.apiVersion),
    created_at: times.created,
    updated_at: times.updated,
  };
  if ('factor_verification_age' in draft.shape) session.factor_verification_age = draft.factorAge;
  // Realistic: Clerk always sends the actor, usually null.
  if (c.realistic) session.actor ??= null;
  // A pending session has tasks to finish, and only a pending one (where the version has tasks).
  if (status === 'pending' && definitionProperties('fapi', c.apiVersion, 'Client.Session').has('tasks'))
    session.tasks = [{ key: draft.timing.taskKey }];
  else if ('tasks' in session) session.tasks = null;
  return session;
}

/** The session's user, named and timed after the draws: its id's time is its creation, its email its person's. */
function buildUser(
  draft: FapiSessionDraft,
  times: ReturnType<typeof sessionTimes>,
  instanceId: string,
  version: ApiVersion,
): FapiSession['user'] & Shape {
  const id = clerkId('user', times.userCreated, draft.timing.user);
  const user: Shape & { id: string } = { ...draft.user, id };
  const declared = definitionProperties('fapi', version, 'Client.User');
  const set = (field: string, value: unknown) => {
    if (declared.has(field) && (field in user || value !== undefined)) user[field] = value;
  };
  const emails = Array.isArray(user.email_addresses) ? (user.email_addresses as Shape[]) : [];
  user.email_addresses = emails.map((email, index) => ({
    ...email,
    id: clerkId('idn', times.userCreated, draft.emailId, index),
    email_address: index === 0 ? draft.person.email : `${index}.${draft.person.email}`,
    created_at: times.userCreated,
    updated_at: times.userCreated,
  }));
  set('object', 'user');
  set('first_name', draft.person.first_name);
  set('last_name', draft.person.last_name);
  set('username', draft.person.username);
  set('primary_email_address_id', (user.email_addresses as Shape[])[0]?.id ?? null);
  set('image_url', imageUrl(instanceId, id));
  set('created_at', times.userCreated);
  set('updated_at', times.updated);
  if ('last_sign_in_at' in user) user.last_sign_in_at = times.created;
  if ('last_active_at' in user) user.last_active_at = times.lastActive;
  return user;
}

/** What other users may see of a user, built from it (only the fields the version declares). */
function publicUserData(user: Shape & { id: string }, version: ApiVersion): Shape {
  const declared = definitionProperties('fapi', version, 'Client.PublicUserData');
  const email = (user.email_addresses as Shape[] | undefined)?.[0]?.email_address;
  const values: Shape = {
    first_name: user.first_name ?? null,
    last_name: user.last_name ?? null,
    image_url: typeof user.image_url === 'string' ? user.image_url : null,
    has_image: typeof user.has_image === 'boolean' ? user.has_image : false,
    identifier: typeof email === 'string' ? email : (user.username ?? user.id),
    user_id: user.id,
  };
  return Object.fromEntries(Object.entries(values).filter(([field]) => declared.has(field)));
}

function primaryEmail(session: FapiSession | undefined): string | null {
  const emails = session?.user?.email_addresses as Shape[] | undefined;
  const email = emails?.[0]?.email_address;
  return typeof email === 'string' ? email : null;
}

function enumOf(version: ApiVersion, definition: string, property: string): string[] {
  return (
    (definitionProperties('fapi', version, definition).get(property)?.enum as string[] | undefined) ?? []
  );
}

function weighted<K extends string>(weights: Record<K, number>): fc.Arbitrary<K> {
  return fc.oneof(
    ...Object.entries(weights).map(([key, weight]) => ({
      arbitrary: fc.constant(key as K),
      weight: weight as number,
    })),
  );
}
