/** The model runner: fast-check runs command sequences against a target and shrinks a failure to its shortest. */
import fc from 'fast-check';
import { createChecker } from '../check/checkClient.js';
import type { CheckOptions } from '../check/types.js';
import { InvalidOptionError } from '../invalidOption.js';
import { statefulCommandArbitraries } from './commands.js';
import { type FetchHandler, RunStopped, TargetError, TargetHttp } from './http.js';
import type { ModelUser } from './model.js';
import { PropertyFailure, type StatefulPropertyId } from './properties.js';
import { RunContext, type StatefulStep, type UserSource } from './runContext.js';

/** Options of {@link runStateful}. */
export type StatefulOptions = {
  /** The API's base URL, like `https://api.clerk.com`: requests go to `<baseUrl>/v1/...`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <secretKey>`; never printed. */
  secretKey?: string;
  /** Extra request headers; their values are never printed. */
  headers?: Record<string, string>;
  /** How requests are sent: the global `fetch`, or an in-process handler. @defaultValue `fetch` */
  fetch?: FetchHandler;
  /** How many command sequences. @defaultValue `40` */
  runs?: number;
  /** Commands per sequence at most. @defaultValue `12` */
  maxSteps?: number;
  /** fast-check seed. @defaultValue a random one (reported) */
  seed?: number;
  /** Replays one counterexample: fast-check's path (with the seed and `maxSteps` of the failing run). */
  path?: string;
  /** fast-check's `replayPath` of the commands, printed with a failure. */
  replayPath?: string;
  /** A hard cap on the requests of the whole run, clean-up included. @defaultValue `1000` */
  maxRequests?: number;
  /** Per request, body included, in ms. @defaultValue `10000` */
  timeoutMs?: number;
  /** Existing users to use instead of creating them (their sessions made by the run are revoked at the end). */
  userIds?: readonly string[];
  /** How the checks judge each Client and Session read. @defaultValue the default profile */
  checkOptions?: CheckOptions;
  /** Aborting stops the run; its users are still deleted. */
  signal?: AbortSignal;
};

/** A property that failed, with the shrunk sequence of requests that shows it. */
export type StatefulFailure = {
  property: StatefulPropertyId;
  message: string;
  steps: StatefulStep[];
  /** The shrunk commands as fast-check prints them. */
  commands: string;
  seed: number;
  path: string;
  replayPath?: string;
};

/** What {@link runStateful} returns. */
export type StatefulResult = {
  /** True when every run finished and no property failed. */
  ok: boolean;
  /** Command sequences run (shrinking attempts included). */
  runs: number;
  requests: number;
  seed: number;
  failure: StatefulFailure | null;
  /** Why the run stopped early: a target error, `--max-requests`, a signal. */
  error?: { kind: 'target' | 'stopped' | 'cleanup'; message: string };
  /** Users created and deleted again. */
  usersDeleted: number;
};

export const STATEFUL_DEFAULTS = { runs: 40, maxSteps: 12, maxRequests: 1000, timeoutMs: 10_000 } as const;

/** A recognisable external_id per run: test users left by a crash can be found and deleted by it. */
export const EXTERNAL_ID_PREFIX = 'clerk-conformance-stateful';

/**
 * Runs model-based sequences of the session lifecycle against a target: creates test users, sessions, revokes,
 * reads and lists, checks every answer against the model and every document with the checks of `check`, and on a
 * failure shrinks to the shortest sequence. Test users are deleted after every sequence, failed or interrupted.
 */
export async function runStateful(options: StatefulOptions): Promise<StatefulResult> {
  const runs = positive(options.runs ?? STATEFUL_DEFAULTS.runs, 'runs');
  const maxSteps = positive(options.maxSteps ?? STATEFUL_DEFAULTS.maxSteps, 'maxSteps');
  const maxRequests = positive(options.maxRequests ?? STATEFUL_DEFAULTS.maxRequests, 'maxRequests');
  const timeoutMs = positive(options.timeoutMs ?? STATEFUL_DEFAULTS.timeoutMs, 'timeoutMs');
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const signal = options.signal ?? new AbortController().signal;
  const http = new TargetHttp({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    ...(options.secretKey === undefined ? {} : { secretKey: options.secretKey }),
    headers: options.headers ?? {},
    timeoutMs,
    maxRequests,
    fetch: options.fetch ?? ((request) => fetch(request)),
    signal,
  });
  const check = createChecker(options.checkOptions ?? {});
  const users = userSource(options.userIds);
  let stop: Error | undefined;
  let lastFailure: { failure: PropertyFailure; steps: StatefulStep[] } | undefined;
  let sequences = 0;
  let usersDeleted = 0;
  const cleanupFailures: string[] = [];

  const property = fc.asyncProperty(
    fc.commands(statefulCommandArbitraries(), {
      maxCommands: maxSteps,
      size: 'max',
      ...(options.replayPath === undefined ? {} : { replayPath: options.replayPath }),
    }),
    async (commands) => {
      // Once the target failed or the run was stopped, the remaining sequences pass without a request.
      if (stop !== undefined) return;
      sequences += 1;
      const context = new RunContext(http, check, users);
      try {
        await fc.asyncModelRun(() => ({ model: context.model, real: context }), commands);
      } catch (error) {
        if (error instanceof PropertyFailure) {
          lastFailure = { failure: error, steps: context.steps };
          throw error;
        }
        stop = error instanceof Error ? error : new Error(String(error));
      } finally {
        const { deleted, failed } = await cleanUp(context);
        usersDeleted += deleted;
        cleanupFailures.push(...failed);
      }
    },
  );
  const details = await fc.check(property, {
    seed,
    numRuns: runs,
    ...(options.path === undefined ? {} : { path: options.path, endOnFailure: true }),
  });
  const failure: StatefulFailure | null =
    details.failed && lastFailure !== undefined
      ? {
          property: lastFailure.failure.property,
          message: lastFailure.failure.message,
          steps: lastFailure.steps,
          commands: commandsText(details.counterexample?.[0]),
          seed,
          path: details.counterexamplePath ?? '',
          ...replayPathOf(details.counterexample?.[0]),
        }
      : null;
  // A run whose sequences were all empty checked nothing: it has not passed.
  const error =
    errorOf(stop, details, cleanupFailures) ??
    (http.requests === 0 && failure === null
      ? {
          kind: 'target' as const,
          message: 'no request was made, so nothing was checked: raise --runs or --max-steps',
        }
      : undefined);
  return {
    ok: failure === null && error === undefined && sequences > 0,
    runs: sequences,
    requests: http.requests,
    seed,
    failure,
    ...(error === undefined ? {} : { error }),
    usersDeleted,
  };
}

/** Why the run cannot pass: the target failed, the run was stopped, clean-up failed, or fast-check broke. */
function errorOf(
  stop: Error | undefined,
  details: { failed: boolean; errorInstance?: unknown },
  cleanupFailures: readonly string[],
): StatefulResult['error'] {
  if (cleanupFailures.length > 0)
    return { kind: 'cleanup', message: `could not delete test user(s): ${cleanupFailures.join('; ')}` };
  if (stop instanceof TargetError) return { kind: 'target', message: stop.message };
  if (stop instanceof RunStopped) return { kind: 'stopped', message: stop.message };
  if (stop !== undefined) throw stop;
  // A failure that is no property's is a bug of this tool, not of the target.
  if (details.failed && !(details.errorInstance instanceof PropertyFailure)) throw details.errorInstance;
  return undefined;
}

/** Users from `--user-id` (lent, never deleted), or new ones with a recognisable external_id. */
function userSource(userIds: readonly string[] | undefined): UserSource {
  const runTag = `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
  let created = 0;
  if (userIds !== undefined && userIds.length > 0) {
    return {
      create: async (context) => {
        const taken = new Set(context.lentUsers);
        const id = userIds.find((each) => !taken.has(each)) ?? (userIds[0] as string);
        context.lentUsers.push(id);
        return { id, owned: false };
      },
    };
  }
  return {
    create: async (context): Promise<ModelUser> => {
      created += 1;
      const external_id = `${EXTERNAL_ID_PREFIX}-${runTag}-${created}`;
      const exchange = await context.send('POST', '/v1/users', {
        external_id,
        first_name: 'Conformance',
        last_name: `Run ${created}`,
      });
      const id = (exchange.body as { id?: unknown } | null)?.id;
      if (exchange.status !== 200 || typeof id !== 'string')
        throw new TargetError(
          `POST /v1/users answered ${exchange.status} (${context.steps.at(-1)?.summary ?? ''}): the run needs test users (or pass --user-id)`,
        );
      context.liveUsers.push(id);
      return { id, owned: true };
    },
  };
}

/** Deletes the users a sequence created; with lent users, revokes the sessions it left signed in. */
async function cleanUp(context: RunContext): Promise<{ deleted: number; failed: string[] }> {
  const failed: string[] = [];
  let deleted = 0;
  for (const id of [...context.liveUsers]) {
    try {
      const { status } = await context.http.send('DELETE', `/v1/users/${encodeURIComponent(id)}`, {
        cleanup: true,
      });
      if (status === 200 || status === 404) {
        deleted += status === 200 ? 1 : 0;
        context.liveUsers.splice(context.liveUsers.indexOf(id), 1);
      } else failed.push(`${id}: DELETE answered ${status}`);
    } catch (error) {
      failed.push(`${id}: ${(error as Error).message}`);
    }
  }
  for (const id of context.signedInLentSessions()) {
    try {
      await context.http.send('POST', `/v1/sessions/${encodeURIComponent(id)}/revoke`, { cleanup: true });
    } catch (error) {
      failed.push(`session ${id}: ${(error as Error).message}`);
    }
  }
  return { deleted, failed };
}

function commandsText(value: unknown): string {
  return value === undefined ? '' : String(value).replace(/\s*\/\*replayPath=.*\*\/\s*$/, '');
}

/** fast-check's replayPath of a commands counterexample, from its printed form. */
function replayPathOf(value: unknown): { replayPath?: string } {
  const match = /\/\*replayPath="([^"]*)"\*\//.exec(String(value ?? ''));
  return match?.[1] ? { replayPath: match[1] } : {};
}

function positive(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new InvalidOptionError(`runStateful: ${name} must be a whole number >= 1, got ${value}`);
  return value;
}
