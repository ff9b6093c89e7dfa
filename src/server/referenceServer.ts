import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from '../schema/types.js';
import { type Fault, faultNamed } from './faults.js';
import { ReferenceStore, type SessionFilter, type SessionMode } from './referenceStore.js';
import type { StatefulFaultName } from './statefulFaults.js';

/** The bearer token the reference server accepts unless told otherwise (a fake, public key). */
export const REFERENCE_SECRET_KEY = 'sk_test_clerk_client_conformance';

/** Options of {@link startReferenceServer}. */
export type ReferenceServerOptions = {
  /** Port on 127.0.0.1. @defaultValue `0` (an ephemeral port) */
  port?: number;
  /** Seed of the generated Clients. @defaultValue `1` */
  seed?: number;
  /** How many Clients. @defaultValue `20` */
  clients?: number;
  /** A fault from either catalogue (`FAULTS`, `STATEFUL_FAULTS`) to make on purpose. */
  fault?: string;
  /** Whether a revoked session stays in its Client (`multi`) or leaves it (`single`, Clerk's default). */
  sessionMode?: SessionMode;
  /** The server's clock when it starts (ms). @defaultValue `Date.now()` */
  now?: number;
  /** The bearer token requests must carry. @defaultValue {@link REFERENCE_SECRET_KEY} */
  secretKey?: string;
};

/** A running reference server. */
export type ReferenceServer = {
  /** Base URL, like Clerk's `https://api.clerk.com`: the API is under `/v1`. */
  url: string;
  secretKey: string;
  store: ReferenceStore;
  fault: Fault | undefined;
  /**
   * The reads a conformance run makes, through endpoints Clerk supports: `GET /v1/clients/{id}` and
   * `GET /v1/sessions?client_id=…` of every Client (`GET /v1/clients`, deprecated by Clerk, is still served).
   */
  readPaths: () => string[];
  close: () => Promise<void>;
};

const DAY_MS = 86_400_000;

/**
 * Starts a Clerk-compatible Backend API server on loopback, over Clients generated from a fixed seed:
 * `GET /v1/clients` (`limit`, `offset`, `paginated=true`), `GET /v1/clients/{id}`, `POST /v1/clients/verify`,
 * `POST /v1/users`, `DELETE /v1/users/{id}`, `POST /v1/sessions`, `GET /v1/sessions/{id}`, `GET /v1/sessions`
 * (`client_id`, `user_id`, `status`, `paginated`, `limit`, `offset`) and `POST /v1/sessions/{id}/revoke`, with
 * Clerk's error bodies.
 */
export async function startReferenceServer(options: ReferenceServerOptions = {}): Promise<ReferenceServer> {
  const fault = options.fault === undefined ? undefined : faultNamed(options.fault);
  const startedAt = options.now ?? Date.now();
  const store = new ReferenceStore({
    seed: options.seed ?? 1,
    clients: options.clients ?? 20,
    // A server with a stale clock generated its data days ago and never moved on.
    now: fault?.staleClock ? startedAt - 3 * DAY_MS : startedAt,
    maintainClock: !fault?.staleClock,
    sessionMode: options.sessionMode ?? 'single',
    ...(fault?.stateful ? { fault: fault.name as StatefulFaultName } : {}),
  });
  const secretKey = options.secretKey ?? REFERENCE_SECRET_KEY;
  // A pinned clock stays pinned, so a seed gives the same bytes; otherwise the server lives in real time.
  const clock = options.now === undefined ? () => Date.now() : () => startedAt;
  const server = createServer((request, response) => {
    handle(request, response, { store, fault, secretKey, now: clock() }).catch((error: unknown) => {
      sendError(response, 500, 'internal_error', 'internal error', String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    secretKey,
    store,
    fault,
    readPaths: () =>
      store
        .list(clock())
        .flatMap(({ id }) => [
          `/v1/clients/${encodeURIComponent(id)}`,
          `/v1/sessions?client_id=${encodeURIComponent(id)}`,
        ]),
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

type Context = { store: ReferenceStore; fault: Fault | undefined; secretKey: string; now: number };

async function handle(request: IncomingMessage, response: ServerResponse, context: Context): Promise<void> {
  const { store, now } = context;
  if (request.headers.authorization !== `Bearer ${context.secretKey}`) {
    return sendError(
      response,
      401,
      'authorization_invalid',
      'Unauthorized request',
      'The request was not authorized: send your secret key as a bearer token.',
    );
  }
  let url: URL;
  try {
    url = new URL(request.url ?? '/', 'http://localhost');
  } catch {
    return sendError(
      response,
      400,
      'request_invalid',
      'invalid request',
      'The request target is not a valid path.',
    );
  }
  const route = `${request.method} ${url.pathname.replace(/\/+$/, '')}`;
  const serialize = (client: Client) => serializeClient(client, context);

  if (route === 'GET /v1/clients') {
    const page = pagination(url);
    if (typeof page === 'string')
      return sendError(response, 422, 'form_param_value_invalid', 'is invalid', page);
    const all = store.list(now);
    const data = all.slice(page.offset, page.offset + page.limit).map(serialize);
    return send(
      response,
      200,
      url.searchParams.get('paginated') === 'true' ? { data, total_count: all.length } : data,
    );
  }
  if (route === 'POST /v1/clients/verify') {
    const token = await jsonBody(request).then((body) => (body as { token?: unknown } | undefined)?.token);
    const client = typeof token === 'string' ? store.get(clientIdOfToken(token) ?? '', now) : undefined;
    if (client === undefined)
      return sendError(
        response,
        400,
        'token_invalid',
        'Invalid token',
        'The client token is invalid or names no client.',
      );
    return send(response, 200, serialize(client));
  }
  const clientPath = /^GET \/v1\/clients\/([^/]+)$/.exec(route);
  if (clientPath) {
    const id = decodedSegment(clientPath[1] as string);
    if (id === undefined) return malformedPath(response);
    const client = store.get(id, now);
    if (client === undefined) return notFound(response, 'client');
    return send(response, 200, serialize(client));
  }
  if (route === 'GET /v1/sessions') return listSessions(url, response, context);
  if (route === 'POST /v1/sessions') {
    const userId = await jsonBody(request).then(
      (body) => (body as { user_id?: unknown } | undefined)?.user_id,
    );
    if (typeof userId !== 'string' || userId === '')
      return sendError(response, 422, 'form_param_missing', 'user_id must be included', 'Pass the user_id.');
    const session = store.createSession(userId, now);
    if (session === undefined) return notFound(response, 'user');
    return send(response, 200, session);
  }
  const sessionPath = /^GET \/v1\/sessions\/([^/]+)$/.exec(route);
  if (sessionPath) {
    const id = decodedSegment(sessionPath[1] as string);
    if (id === undefined) return malformedPath(response);
    const session = store.session(id, now);
    if (session === undefined) return notFound(response, 'session');
    return send(response, 200, session);
  }
  const revokePath = /^POST \/v1\/sessions\/([^/]+)\/revoke$/.exec(route);
  if (revokePath) {
    const id = decodedSegment(revokePath[1] as string);
    if (id === undefined) return malformedPath(response);
    const session = store.revoke(id, now);
    if (session === undefined) return notFound(response, 'session');
    return send(response, 200, session);
  }
  if (route === 'POST /v1/users') {
    const body = await jsonBody(request);
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      return sendError(
        response,
        400,
        'request_invalid',
        'invalid request',
        'The body must be a JSON object.',
      );
    const fields = body as Record<string, unknown>;
    const text = (key: string) => (typeof fields[key] === 'string' ? (fields[key] as string) : null);
    const user = store.createUser(
      { external_id: text('external_id'), first_name: text('first_name'), last_name: text('last_name') },
      now,
    );
    if (typeof user === 'string')
      return sendError(response, 422, 'form_identifier_exists', 'already exists', user);
    return send(response, 200, user);
  }
  const userPath = /^DELETE \/v1\/users\/([^/]+)$/.exec(route);
  if (userPath) {
    const id = decodedSegment(userPath[1] as string);
    if (id === undefined) return malformedPath(response);
    if (!store.deleteUser(id, now)) return notFound(response, 'user');
    return send(response, 200, { object: 'user', id, deleted: true });
  }
  return notFound(response, 'resource');
}

/**
 * `GET /v1/sessions`: the sessions of a Client or user (at least one of `client_id`, `user_id`), optionally of one
 * `status`, newest first, `limit`/`offset` applied; `paginated=true` wraps them as `{ data, total_count }`.
 */
async function listSessions(url: URL, response: ServerResponse, context: Context): Promise<void> {
  const { store, fault, now } = context;
  const query = url.searchParams;
  const filter: SessionFilter = {};
  for (const [key, param] of [
    ['clientId', 'client_id'],
    ['userId', 'user_id'],
    ['status', 'status'],
  ] as const) {
    const value = query.get(param);
    if (value !== null) filter[key] = value;
  }
  if (filter.clientId === undefined && filter.userId === undefined)
    return sendError(
      response,
      422,
      'form_param_missing',
      'client_id or user_id required',
      'Pass the client_id of a client or the user_id of a user.',
    );
  if (filter.status !== undefined && !SESSION_LIST_STATUSES.includes(filter.status))
    return sendError(
      response,
      422,
      'form_param_value_invalid',
      'is invalid',
      `status must be one of ${SESSION_LIST_STATUSES.join(', ')}`,
    );
  const page = pagination(url);
  if (typeof page === 'string')
    return sendError(response, 422, 'form_param_value_invalid', 'is invalid', page);
  const all = store.sessions(filter, now);
  // The fault's page starts one item early after the first page.
  const start = fault?.name === 'offset-repeats-last' && page.offset > 0 ? page.offset - 1 : page.offset;
  let data: unknown[] = all.slice(start, start + page.limit);
  // A single-document fault shows in a Client's session list as it does in the Client.
  const client = filter.clientId === undefined ? undefined : store.get(filter.clientId, now);
  if (client !== undefined && fault?.serialize !== undefined) {
    const sessions = data as Client['sessions'];
    const listed = { ...client, sessions, session_ids: sessions.map((session) => session.id) };
    const serialized = serializeClient(listed, context) as { sessions?: unknown };
    data = Array.isArray(serialized.sessions) ? serialized.sessions : [];
  }
  const { status: _ignored, ...withoutStatus } = filter;
  const totalCount =
    fault?.name === 'total-count-ignores-filter' ? store.sessions(withoutStatus, now).length : all.length;
  return send(response, 200, query.get('paginated') === 'true' ? { data, total_count: totalCount } : data);
}

/** The values of `GET /v1/sessions?status=` in Clerk's spec. */
const SESSION_LIST_STATUSES = ['abandoned', 'active', 'ended', 'expired', 'removed', 'replaced', 'revoked'];

/** The Client as sent: healthy, or through the fault. */
function serializeClient(client: Client, { store, fault, now }: Context): unknown {
  if (fault?.serialize === undefined) return client;
  const others = store.list(now).filter((each) => each.id !== client.id);
  return fault.serialize(structuredClone(client), {
    revokes: store.revokes,
    otherClientId: others[0]?.id ?? client.id,
  });
}

/** A percent-encoded path segment, or undefined when its encoding is malformed (`%zz`, a lone `%E2`). */
function decodedSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function malformedPath(response: ServerResponse): void {
  sendError(response, 400, 'request_invalid', 'invalid request', 'The path has malformed percent-encoding.');
}

/**
 * Clerk's `limit` (1-500, default 10) and `offset` (>= 0, default 0), or why they are invalid. Only decimal digits
 * are numbers here: `1e2`, `0x10` or ` 5` are not.
 */
function pagination(url: URL): { limit: number; offset: number } | string {
  const integer = (text: string | null, fallback: number) =>
    text === null ? fallback : /^\d{1,15}$/.test(text) ? Number(text) : Number.NaN;
  const limit = integer(url.searchParams.get('limit'), 10);
  const offset = integer(url.searchParams.get('offset'), 0);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) return 'limit must be an integer from 1 to 500';
  if (!Number.isInteger(offset) || offset < 0) return 'offset must be an integer >= 0';
  return { limit, offset };
}

/** The client id in a client token: a JWT whose payload's `id` names the client (the signature is not checked). */
function clientIdOfToken(token: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return typeof payload?.id === 'string' ? payload.id : undefined;
  } catch {
    return undefined;
  }
}

async function jsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** Clerk's error body: `{ errors: [{ message, long_message, code }] }`. */
function sendError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  longMessage: string,
): void {
  send(response, status, { errors: [{ message, long_message: longMessage, code }] });
}

function notFound(response: ServerResponse, what: string): void {
  sendError(response, 404, 'resource_not_found', 'not found', `No ${what} was found at this path.`);
}
