import type { Checker } from '../check/checkClient.js';
import type { Exchange, TargetHttp } from './http.js';
import { emptyModel, isSignedIn, type ModelUser, type StatefulModel } from './model.js';

/** One request of a run, as reports show it. */
export type StatefulStep = {
  /** The command that made it, as fast-check prints it (`RevokeSession(session 0)`). */
  command: string;
  method: string;
  path: string;
  status: number;
  requestBody?: unknown;
  /** The part of the answer that matters: ids and statuses, an error code. */
  summary: string;
  /** The ids a successful create answered, which later steps name (for the curl script). */
  created?: { id: string; clientId?: string };
};

/** Where a run's users come from: created with `POST /v1/users`, or lent with `--user-id`. */
export type UserSource = { create: (context: RunContext) => Promise<ModelUser> };

/** The real side of a model run: the target, the checks, and this run's requests. */
export class RunContext {
  readonly steps: StatefulStep[] = [];
  /** Users this run created and has not deleted yet. */
  readonly liveUsers: string[] = [];
  /** Users of `--user-id` this run has taken. */
  readonly lentUsers: string[] = [];
  /** The model of this run (fast-check's), for the clean-up. */
  readonly model: StatefulModel = emptyModel();
  /** The command now running, for the steps it records. */
  command = '';

  constructor(
    readonly http: TargetHttp,
    readonly check: Checker,
    readonly users: UserSource,
  ) {}

  /** Sessions of lent users still signed in: the clean-up revokes them, as it cannot delete the users. */
  signedInLentSessions(): string[] {
    const owned = new Set(this.model.users.filter((user) => user.owned).map((user) => user.id));
    return this.model.sessions
      .filter((session) => !owned.has(session.userId) && isSignedIn(session.status))
      .map((session) => session.id);
  }

  /** Sends a request of the current command and records it as a step. */
  async send(method: string, path: string, body?: unknown): Promise<Exchange> {
    // A user being created needs its own deletion kept back too.
    const creatingUser = method === 'POST' && path === '/v1/users';
    const exchange = await this.http.send(method, path, {
      ...(body === undefined ? {} : { body }),
      reserve: this.liveUsers.length + (creatingUser ? 1 : 0),
      creates: creatingUser || (method === 'POST' && path === '/v1/sessions'),
    });
    this.steps.push({
      command: this.command,
      method,
      path,
      status: exchange.status,
      ...(body === undefined ? {} : { requestBody: body }),
      summary: summarize(exchange.body),
      ...createdIds(method, exchange),
    });
    return exchange;
  }
}

/** The ids a `POST /v1/users` or `POST /v1/sessions` answered. */
function createdIds(method: string, exchange: Exchange): Pick<StatefulStep, 'created'> {
  const body = exchange.body as { id?: unknown; client_id?: unknown } | null;
  if (method !== 'POST' || exchange.status !== 200 || typeof body?.id !== 'string') return {};
  if (exchange.path !== '/v1/users' && exchange.path !== '/v1/sessions') return {};
  return {
    created: { id: body.id, ...(typeof body.client_id === 'string' ? { clientId: body.client_id } : {}) },
  };
}

/** A one-line view of an answer: what a reader of a failing sequence needs. */
export function summarize(body: unknown): string {
  if (Array.isArray(body)) return `[${body.map(summarize).join(', ')}]`;
  if (typeof body !== 'object' || body === null) return JSON.stringify(body)?.slice(0, 80) ?? String(body);
  const value = body as Record<string, unknown>;
  if (Array.isArray(value.errors)) {
    const codes = value.errors.map((error) => (error as { code?: unknown })?.code);
    return `errors: ${codes.map(String).join(', ')}`;
  }
  if (Array.isArray(value.data))
    return `{ data: ${summarize(value.data)}, total_count: ${String(value.total_count)} }`;
  if (value.object === 'client' && Array.isArray(value.sessions))
    return `client ${String(value.id)} { sessions: ${summarize(value.sessions)}, last_active_session_id: ${String(value.last_active_session_id)} }`;
  if (value.object === 'session') return `${String(value.id)} ${String(value.status)}`;
  if (typeof value.id === 'string')
    return `${value.object === undefined ? '' : `${String(value.object)} `}${value.id}`;
  return JSON.stringify(value).slice(0, 80);
}
