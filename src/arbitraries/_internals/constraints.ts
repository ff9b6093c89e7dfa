import { InvalidOptionError } from '../../invalidOption.js';
/** @internal The constraints shared by the Client and session arbitraries, their defaults and eager validation. */

import { KSUID_EPOCH_SECONDS } from '../../ksuid.js';
import {
  API_VERSIONS,
  type ApiVersion,
  isApiVersion,
  LATEST_API_VERSION,
  type Surface,
} from '../../schema/derived/index.js';
import type { Session } from '../../schema/types.js';
import { sessionStatuses } from './schemaParts.js';

export type SessionStatus = Session['status'];

const DAY_MS = 86_400_000;

/** Constraints of `clientArbitrary`. */
export type ClientConstraints = {
  /**
   * The Clerk API version (`Clerk-API-Version` date) whose Backend API Client to generate, from the schemas derived
   * from Clerk's dated specs: `2025-03-12` has no `last_authentication_strategy`, versions before it no `pending`
   * status and no `tasks`. The `Client` type describes the latest version.
   * @defaultValue LATEST_API_VERSION
   */
  apiVersion?: ApiVersion;
  /** Fewest sessions in a Client. @defaultValue 0 */
  minSessions?: number;
  /** Most sessions in a Client (at most 100). @defaultValue 4 */
  maxSessions?: number;
  /** The statuses sessions may have. @defaultValue every status of the API version's schema */
  statuses?: readonly SessionStatus[];
  /**
   * When the Client is observed (ms since the epoch): nothing is created later, and every status agrees with it
   * (`status-matches-clock` holds at `now`). A fixed default keeps values the same for a seed.
   * @defaultValue 1764547200000 (2025-12-01T00:00:00Z)
   */
  now?: number;
  /** How long before `now` objects may be created, in ms. @defaultValue 90 days */
  windowMs?: number;
  /** Session lifetime from `created_at` to `expire_at`, in ms (Clerk's default). @defaultValue 7 days */
  expireAfterMs?: number;
  /** Session lifetime from `created_at` to `abandon_at`, in ms (Clerk's default). @defaultValue 30 days */
  abandonAfterMs?: number;
  /**
   * Realistic values (faker's cities and countries, real browsers, KSUID ids, clock quirks, weighted statuses);
   * `false` gives plain schema-generated values that still satisfy every invariant.
   * @defaultValue true
   */
  realistic?: boolean;
};

/** Constraints of `sessionArbitrary`: those of a Client's sessions, and the Client they belong to. */
export type SessionConstraints = Omit<ClientConstraints, 'minSessions' | 'maxSessions'> & {
  /** The `client_id` of the sessions. @defaultValue a generated `client_` id */
  clientId?: string;
};

export type ResolvedConstraints = Required<Omit<ClientConstraints, 'statuses'>> & {
  /** Every status the API version's Session allows. */
  versionStatuses: readonly SessionStatus[];
  statuses: readonly SessionStatus[];
  windowStart: number;
};

/** The observation time generated Clients agree with unless `now` is given: 2025-12-01T00:00:00Z. */
export const DEFAULT_NOW = Date.UTC(2025, 11, 1);

/**
 * Fills in the defaults and rejects impossible constraints with an error naming the arbitrary and the value; the
 * statuses are those of the `surface`'s Session in the API version.
 */
export function resolveConstraints(
  arbitrary: string,
  constraints: ClientConstraints,
  surface: Surface = 'bapi',
): ResolvedConstraints {
  const apiVersion = constraints.apiVersion ?? LATEST_API_VERSION;
  if (!isApiVersion(apiVersion))
    throw new InvalidOptionError(
      `${arbitrary}: unknown apiVersion ${JSON.stringify(apiVersion)}: expected one of ${API_VERSIONS.join(', ')}`,
    );
  const versionStatuses = sessionStatuses(surface, apiVersion) as readonly SessionStatus[];
  const resolved = {
    apiVersion,
    minSessions: constraints.minSessions ?? 0,
    maxSessions: constraints.maxSessions ?? Math.max(4, constraints.minSessions ?? 0),
    statuses: constraints.statuses ?? versionStatuses,
    now: constraints.now ?? DEFAULT_NOW,
    windowMs: constraints.windowMs ?? 90 * DAY_MS,
    expireAfterMs: constraints.expireAfterMs ?? 7 * DAY_MS,
    abandonAfterMs: constraints.abandonAfterMs ?? 30 * DAY_MS,
    realistic: constraints.realistic ?? true,
  };
  const fail = (message: string): never => {
    throw new InvalidOptionError(`${arbitrary}: ${message}`);
  };
  for (const key of [
    'minSessions',
    'maxSessions',
    'now',
    'windowMs',
    'expireAfterMs',
    'abandonAfterMs',
  ] as const) {
    if (!Number.isSafeInteger(resolved[key]) || resolved[key] < 0)
      fail(`${key} must be a whole number >= 0, got ${resolved[key]}`);
  }
  if (resolved.maxSessions > 100) fail(`maxSessions must be at most 100, got ${resolved.maxSessions}`);
  if (resolved.minSessions > resolved.maxSessions) {
    fail(`minSessions (${resolved.minSessions}) must not exceed maxSessions (${resolved.maxSessions})`);
  }
  if (resolved.statuses.length === 0) fail('statuses must list at least one status');
  const unknown = resolved.statuses.find((status) => !versionStatuses.includes(status));
  if (unknown !== undefined)
    fail(
      `unknown status ${JSON.stringify(unknown)} in API version ${apiVersion}: expected some of ${versionStatuses.join(', ')}`,
    );
  if (resolved.expireAfterMs < 1) fail(`expireAfterMs must be at least 1, got ${resolved.expireAfterMs}`);
  if (resolved.expireAfterMs > resolved.abandonAfterMs) {
    fail(
      `expireAfterMs (${resolved.expireAfterMs}) must not exceed abandonAfterMs (${resolved.abandonAfterMs})`,
    );
  }
  const windowStart = resolved.now - resolved.windowMs;
  if (windowStart < KSUID_EPOCH_SECONDS * 1000) {
    fail(
      `now - windowMs must be after 2014-05-13 (the KSUID epoch), got ${new Date(windowStart).toISOString()}`,
    );
  }
  if (resolved.now + resolved.abandonAfterMs >= 1e13) fail('now + abandonAfterMs must stay below 1e13 ms');
  if (resolved.statuses.includes('expired') && resolved.windowMs < resolved.expireAfterMs) {
    fail(
      `windowMs (${resolved.windowMs}) must be at least expireAfterMs (${resolved.expireAfterMs}) for expired sessions`,
    );
  }
  return { ...resolved, versionStatuses, windowStart };
}
