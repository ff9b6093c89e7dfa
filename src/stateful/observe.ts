/** The expectations every answer of a stateful run is held to, against the model. */
import type { SubjectKind } from '../documents/subjectKinds.js';
import { isObject } from '../jsonValue.js';
import type { Exchange } from './http.js';
import { isSignedIn, isTerminal, type ModelSession, type StatefulModel } from './model.js';
import { expectThat, PropertyFailure, type StatefulPropertyId } from './properties.js';
import type { RunContext } from './runContext.js';

/** Judges a Client or Session with the existing checks at the time it arrived: an error fails `documents-valid`. */
export function expectValid(
  context: RunContext,
  kind: SubjectKind,
  value: unknown,
  exchange: Exchange,
  where = '',
): void {
  const { violations } = context.check(kind, value, exchange.observedAt);
  const error = violations.find((violation) => violation.severity === 'error');
  if (error !== undefined)
    throw new PropertyFailure(
      'documents-valid',
      `${exchange.method} ${exchange.path}: ${kind} ${where}${error.path || '/'} ${error.message} (${error.rule})`,
    );
}

/** A 4xx answer must carry Clerk's error body. */
export function expectErrorBody(exchange: Exchange, property: StatefulPropertyId): void {
  const { body } = exchange;
  const errors = isObject(body) ? body.errors : undefined;
  const wellFormed =
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every(
      (error) =>
        isObject(error) &&
        typeof error.message === 'string' &&
        typeof error.long_message === 'string' &&
        typeof error.code === 'string',
    );
  expectThat(
    wellFormed,
    property,
    () =>
      `${exchange.method} ${exchange.path} answered ${exchange.status} without Clerk's error body { errors: [{ message, long_message, code }] }`,
  );
}

/** An id that does not exist answers 404 with Clerk's error body. */
export function expectNotFound(exchange: Exchange): void {
  expectThat(
    exchange.status === 404,
    'unknown-id-not-found',
    () =>
      `${exchange.method} ${exchange.path} answered ${exchange.status} for an id that does not exist, not 404`,
  );
  expectErrorBody(exchange, 'unknown-id-not-found');
}

/** A session the run created must be found. */
export function expectFound(exchange: Exchange, what: string): void {
  expectThat(
    exchange.status === 200,
    'known-ids-found',
    () => `${exchange.method} ${exchange.path} answered ${exchange.status} for ${what} the run created`,
  );
}

/**
 * Holds one read of a session to the model: its fixed fields, its updated_at, its status. `changed` is the status
 * a state-changing answer (create, revoke) gives it; a plain read must agree with the model instead.
 */
export function observeSession(
  model: StatefulModel,
  read: Record<string, unknown>,
  exchange: Exchange,
  where: string,
): ModelSession | undefined {
  const known = model.sessions.find((session) => session.id === read.id);
  if (known === undefined) return undefined;
  const shown = `${exchange.method} ${exchange.path}${where}`;
  for (const [field, expected] of [
    ['created_at', known.createdAt],
    ['user_id', known.userId],
    ['client_id', known.clientId],
  ] as const) {
    expectThat(
      read[field] === expected,
      'immutable-fields',
      () =>
        `${shown}: ${known.id} has ${field} ${JSON.stringify(read[field])}, first read as ${JSON.stringify(expected)}`,
    );
  }
  const status = read.status as string;
  expectThat(
    !(known.terminalSeen && isSignedIn(status)),
    'terminal-status-final',
    () => `${shown}: ${known.id} is ${status} again after it was read as ${known.status}`,
  );
  // Time may end a session on its own (an instance with short lifetimes): an expiry past expire_at is no disagreement.
  const expired =
    status === 'expired' &&
    typeof read.expire_at === 'number' &&
    read.expire_at <= exchange.observedAt + 1000;
  expectThat(
    status === known.status || expired,
    'reads-agree-on-status',
    () => `${shown}: ${known.id} is ${status}, but the last answer that changed it made it ${known.status}`,
  );
  if (expired) known.status = status;
  const updatedAt = read.updated_at as number;
  expectThat(
    updatedAt >= known.updatedAt,
    'updated-at-monotonic',
    () =>
      `${shown}: ${known.id} has updated_at ${updatedAt}, earlier than the ${known.updatedAt} read before`,
  );
  known.updatedAt = updatedAt;
  if (isTerminal(status)) known.terminalSeen = true;
  return known;
}
