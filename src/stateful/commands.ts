/**
 * The commands of a stateful run, each one request (or one paged list) to the documented session endpoints, each
 * checking its answers against the model. Sessions, users and Clients are picked by index among those the run
 * created, so a shrunk sequence still names real objects; some commands pick ids that do not exist.
 */
import fc from 'fast-check';
import { clerkIdArbitrary } from '../arbitraries/clerkIdArbitrary.js';
import { isObject } from '../jsonValue.js';
import type { Exchange } from './http.js';
import { isSignedIn, isTerminal, type ListFilter, matches, type StatefulModel } from './model.js';
import { expectErrorBody, expectFound, expectNotFound, expectValid, observeSession } from './observe.js';
import { expectThat } from './properties.js';
import type { RunContext } from './runContext.js';

/** A command of a stateful run. */
export type StatefulCommand = fc.AsyncCommand<StatefulModel, RunContext>;

/** One of the run's objects by index (modulo how many there are), or an id that does not exist. */
export type Pick = { known: true; index: number } | { known: false; id: string };

/** Users a run creates at most. */
const MAX_USERS = 3;
/** Pages one list command reads at most. */
const MAX_PAGES = 6;
/** Clerk's default `limit`. */
const DEFAULT_LIMIT = 10;

const encode = encodeURIComponent;

/** `POST /v1/sessions` for one of the run's users, or a new user (made first, with `POST /v1/users`). */
export class CreateSession implements StatefulCommand {
  constructor(
    readonly user: Pick & { known: true },
    readonly newUser: boolean,
  ) {}
  check = () => true;
  async run(model: StatefulModel, context: RunContext): Promise<void> {
    context.command = this.toString();
    if (model.users.length === 0 || (this.newUser && model.users.length < MAX_USERS))
      model.users.push(await context.users.create(context));
    const user = model.users[this.user.index % model.users.length] as StatefulModel['users'][number];
    const exchange = await context.send('POST', '/v1/sessions', { user_id: user.id });
    expectThat(
      exchange.status === 200,
      'created-session-active',
      () => `POST /v1/sessions for ${user.id} answered ${exchange.status}, not 200`,
    );
    const session = exchange.body;
    expectValid(context, 'session', session, exchange);
    const created = session as Record<string, unknown> & {
      id: string;
      client_id: string;
      created_at: number;
      updated_at: number;
    };
    expectThat(
      created.status === 'active' && created.user_id === user.id,
      'created-session-active',
      () =>
        `POST /v1/sessions for ${user.id} answered a ${String(created.status)} session of ${String(created.user_id)}`,
    );
    expectThat(
      !model.sessions.some((each) => each.id === created.id),
      'created-session-active',
      () => `POST /v1/sessions answered ${created.id}, a session that already existed`,
    );
    model.sessions.push({
      id: created.id,
      userId: user.id,
      clientId: created.client_id,
      createdAt: created.created_at,
      status: 'active',
      terminalSeen: false,
      updatedAt: created.updated_at,
    });
    if (!model.clients.includes(created.client_id)) model.clients.push(created.client_id);
  }
  toString(): string {
    return `CreateSession(${this.newUser ? 'new user' : `user ${this.user.index}`})`;
  }
}

/** `GET /v1/sessions/{id}`. */
export class GetSession implements StatefulCommand {
  constructor(readonly session: Pick) {}
  check = (model: Readonly<StatefulModel>) => !this.session.known || model.sessions.length > 0;
  async run(model: StatefulModel, context: RunContext): Promise<void> {
    context.command = this.toString();
    const id = sessionId(model, this.session);
    const exchange = await context.send('GET', `/v1/sessions/${encode(id)}`);
    if (!this.session.known) return expectNotFound(exchange);
    expectFound(exchange, 'a session');
    expectValid(context, 'session', exchange.body, exchange);
    const read = exchange.body as Record<string, unknown>;
    expectThat(read.id === id, 'known-ids-found', () => `GET /v1/sessions/${id} answered ${String(read.id)}`);
    observeSession(model, read, exchange, '');
  }
  toString(): string {
    return `GetSession(${describe(this.session, 'session')})`;
  }
}

/** `POST /v1/sessions/{id}/revoke`. */
export class RevokeSession implements StatefulCommand {
  constructor(readonly session: Pick) {}
  check = (model: Readonly<StatefulModel>) => !this.session.known || model.sessions.length > 0;
  async run(model: StatefulModel, context: RunContext): Promise<void> {
    context.command = this.toString();
    const id = sessionId(model, this.session);
    const exchange = await context.send('POST', `/v1/sessions/${encode(id)}/revoke`);
    if (!this.session.known) return expectNotFound(exchange);
    const known = model.sessions.find((session) => session.id === id);
    if (known === undefined) return;
    const again = isTerminal(known.status);
    // Revoking twice is undocumented: an error body is as good an answer as the revoked session.
    if (again && exchange.status >= 400 && exchange.status < 500 && exchange.status !== 404)
      return expectErrorBody(exchange, 'revoke-answers-revoked');
    expectFound(exchange, 'a session');
    expectValid(context, 'session', exchange.body, exchange);
    const read = exchange.body as Record<string, unknown>;
    expectThat(
      read.id === id && (again ? isTerminal(read.status) : read.status === 'revoked'),
      'revoke-answers-revoked',
      () => `POST /v1/sessions/${id}/revoke answered ${String(read.id)} ${String(read.status)}`,
    );
    if (!again) known.status = 'revoked';
    else if (typeof read.status === 'string' && !isSignedIn(read.status)) known.status = read.status;
    observeSession(model, read, exchange, '');
  }
  toString(): string {
    return `RevokeSession(${describe(this.session, 'session')})`;
  }
}

/** The list parameters one `ListSessions` sends. */
export type ListQuery = {
  by: 'user' | 'client';
  index: number;
  status: 'active' | 'revoked' | undefined;
  /** With `paginated=true` and a limit, every page is read. */
  paginated: boolean;
  limit: number | undefined;
};

/** `GET /v1/sessions` by user or Client, maybe by status, one page or every page. */
export class ListSessions implements StatefulCommand {
  constructor(readonly query: ListQuery) {}
  check = (model: Readonly<StatefulModel>) =>
    (this.query.by === 'user' ? model.users.length : model.clients.length) > 0;
  async run(model: StatefulModel, context: RunContext): Promise<void> {
    context.command = this.toString();
    const { by, index, status, paginated, limit } = this.query;
    const filter: ListFilter =
      by === 'user'
        ? { userId: (model.users[index % model.users.length] as { id: string }).id }
        : { clientId: model.clients[index % model.clients.length] as string };
    if (status !== undefined) filter.status = status;
    const params = new URLSearchParams();
    if (filter.userId !== undefined) params.set('user_id', filter.userId);
    if (filter.clientId !== undefined) params.set('client_id', filter.clientId);
    if (status !== undefined) params.set('status', status);
    if (paginated) params.set('paginated', 'true');
    if (limit !== undefined) params.set('limit', String(limit));
    const pageSize = limit ?? DEFAULT_LIMIT;
    const items: Array<{ item: Record<string, unknown>; exchange: Exchange }> = [];
    let totalCount: number | undefined;
    let complete = false;
    for (let page = 0; page < MAX_PAGES; page++) {
      if (page > 0) params.set('offset', String(page * pageSize));
      const exchange = await context.send('GET', `/v1/sessions?${params}`);
      expectFound(exchange, 'a list of sessions of a user or Client');
      const { data, total } = listBody(exchange, paginated);
      if (paginated) {
        expectThat(
          totalCount === undefined || totalCount === total,
          'total-count',
          () => `${exchange.path}: total_count ${total} differs from the ${totalCount} of the first page`,
        );
        totalCount = total;
      }
      data.forEach((item, position) => {
        expectValid(context, 'session', item, exchange, `/${position}`);
        items.push({ item: item as Record<string, unknown>, exchange });
      });
      if (data.length < pageSize) complete = true;
      // Without pagination, or with it and every counted item read, the list is done.
      if (!paginated || limit === undefined || (page + 1) * pageSize >= (totalCount ?? 0)) {
        if (paginated && limit !== undefined) complete = true;
        break;
      }
    }
    judgeList(model, filter, items, {
      paginated,
      totalCount,
      complete,
      pagedAll: paginated && limit !== undefined && complete,
    });
  }
  toString(): string {
    const { by, index, status, paginated, limit } = this.query;
    const options = [
      `${by} ${index}`,
      ...(status === undefined ? [] : [`status=${status}`]),
      ...(paginated ? ['paginated'] : []),
      ...(limit === undefined ? [] : [`limit=${limit}`]),
    ];
    return `ListSessions(${options.join(', ')})`;
  }
}

/** `GET /v1/clients/{id}`. */
export class GetClient implements StatefulCommand {
  constructor(readonly client: Pick) {}
  check = (model: Readonly<StatefulModel>) => !this.client.known || model.clients.length > 0;
  async run(model: StatefulModel, context: RunContext): Promise<void> {
    context.command = this.toString();
    const id = this.client.known
      ? (model.clients[this.client.index % model.clients.length] as string)
      : this.client.id;
    const exchange = await context.send('GET', `/v1/clients/${encode(id)}`);
    if (!this.client.known) return expectNotFound(exchange);
    expectFound(exchange, 'a Client');
    expectValid(context, 'client', exchange.body, exchange);
    const client = exchange.body as { id: unknown; sessions: Array<Record<string, unknown>> };
    expectThat(
      client.id === id,
      'known-ids-found',
      () => `GET /v1/clients/${id} answered ${String(client.id)}`,
    );
    client.sessions.forEach((session, position) => {
      observeSession(model, session, exchange, ` /sessions/${position}`);
    });
    for (const known of model.sessions) {
      if (known.clientId !== id || !isSignedIn(known.status)) continue;
      expectThat(
        client.sessions.some((session) => session.id === known.id),
        'client-lists-its-sessions',
        () => `GET /v1/clients/${id} does not list ${known.id}, ${known.status} in it`,
      );
    }
  }
  toString(): string {
    return `GetClient(${describe(this.client, 'client')})`;
  }
}

/** The data and total_count of one list page, or a failure when it has neither shape. */
function listBody(exchange: Exchange, paginated: boolean): { data: unknown[]; total: number | undefined } {
  const { body } = exchange;
  if (paginated) {
    const wellFormed =
      isObject(body) &&
      Array.isArray(body.data) &&
      Number.isInteger(body.total_count) &&
      (body.total_count as number) >= 0;
    expectThat(wellFormed, 'total-count', () => `${exchange.path}: not { data: [...], total_count: n }`);
    const page = body as { data: unknown[]; total_count: number };
    return { data: page.data, total: page.total_count };
  }
  expectThat(Array.isArray(body), 'documents-valid', () => `${exchange.path}: not an array of sessions`);
  return { data: body as unknown[], total: undefined };
}

type ListShape = { paginated: boolean; totalCount: number | undefined; complete: boolean; pagedAll: boolean };

/** The list against the model: filters, order, each item once, total_count, completeness. */
function judgeList(
  model: StatefulModel,
  filter: ListFilter,
  items: ReadonlyArray<{ item: Record<string, unknown>; exchange: Exchange }>,
  { paginated, totalCount, complete, pagedAll }: ListShape,
): void {
  const owned = (userId: unknown) => model.users.some((user) => user.id === userId && user.owned);
  let previous: { item: Record<string, unknown>; exchange: Exchange } | undefined;
  for (const { item, exchange } of items) {
    const read = {
      userId: item.user_id as string,
      clientId: item.client_id as string,
      status: item.status as string,
    };
    expectThat(
      matches(read, filter),
      'list-filters-exact',
      () =>
        `${exchange.path} lists ${String(item.id)} (${read.status}, user ${read.userId}, client ${read.clientId})`,
    );
    const known = observeSession(model, item, exchange, ` item ${String(item.id)}`);
    expectThat(
      known !== undefined || !owned(item.user_id),
      'list-filters-exact',
      () =>
        `${exchange.path} lists ${String(item.id)}, which the run never created, for a user the run created`,
    );
    if (previous !== undefined) {
      const before = previous;
      expectThat(
        (item.created_at as number) <= (before.item.created_at as number),
        'list-newest-first',
        () =>
          `${exchange.path} lists ${String(item.id)} (created_at ${String(item.created_at)}) after ${String(before.item.id)} (created_at ${String(before.item.created_at)})`,
      );
    }
    previous = { item, exchange };
  }
  const last = items.at(-1)?.exchange.path ?? 'GET /v1/sessions';
  const ids = items.map(({ item }) => item.id);
  const repeated = ids.find((id, position) => ids.indexOf(id) !== position);
  expectThat(
    repeated === undefined,
    'pages-each-once',
    () => `the pages of ${last} list ${String(repeated)} twice`,
  );
  const matching = model.sessions.filter((session) => matches(session, filter));
  const signedIn = matching.filter((session) => isSignedIn(session.status));
  const othersPossible =
    (filter.userId !== undefined && !owned(filter.userId)) ||
    matching.some((session) => !owned(session.userId));
  if (paginated && totalCount !== undefined) {
    expectThat(
      totalCount >= signedIn.length && (othersPossible || totalCount <= matching.length),
      'total-count',
      () =>
        `${last}: total_count is ${totalCount}; the run knows ${matching.length} matching session(s), ${signedIn.length} signed in`,
    );
    if (pagedAll)
      expectThat(
        ids.length === totalCount,
        'pages-each-once',
        () => `the pages of ${last} hold ${ids.length} session(s), total_count says ${totalCount}`,
      );
  }
  if (!complete) return;
  for (const session of signedIn) {
    expectThat(
      ids.includes(session.id),
      'list-filters-exact',
      () =>
        `${last} does not list ${session.id} (${session.status}, user ${session.userId}, client ${session.clientId})`,
    );
  }
}

function sessionId(model: StatefulModel, pick: Pick): string {
  return pick.known ? (model.sessions[pick.index % model.sessions.length] as { id: string }).id : pick.id;
}

function describe(pick: Pick, what: string): string {
  return pick.known ? `${what} ${pick.index}` : `unknown ${pick.id}`;
}

/** The command arbitraries of a run, weighted towards the requests that change and read sessions. */
export function statefulCommandArbitraries(): fc.Arbitrary<StatefulCommand>[] {
  const index = fc.nat({ max: 7 });
  const pick = (prefix: string) =>
    fc.oneof(
      { weight: 5, arbitrary: index.map((at): Pick => ({ known: true, index: at })) },
      { weight: 1, arbitrary: clerkIdArbitrary(prefix).map((id): Pick => ({ known: false, id })) },
    );
  // Mostly the same users, so their lists hold several sessions to order and page through.
  const create = fc
    .tuple(index, fc.nat({ max: 3 }))
    .map(([at, draw]) => new CreateSession({ known: true, index: at }, draw === 3));
  const list = fc
    .record({
      by: fc.oneof(
        { weight: 3, arbitrary: fc.constant('user' as const) },
        { weight: 1, arbitrary: fc.constant('client' as const) },
      ),
      index,
      status: fc.constantFrom(undefined, 'active' as const, 'revoked' as const),
      // Mostly pages of a few items, so paging through has several pages to get wrong.
      paginated: fc.nat({ max: 2 }).map((draw) => draw > 0),
      limit: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined, freq: 3 }),
    })
    .map((query) => new ListSessions(query));
  const revoke = pick('sess').map((session) => new RevokeSession(session));
  return [
    create,
    create,
    create,
    revoke,
    revoke,
    pick('sess').map((session) => new GetSession(session)),
    list,
    list,
    list,
    pick('client').map((client) => new GetClient(client)),
  ];
}
