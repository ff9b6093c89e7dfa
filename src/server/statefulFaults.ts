/**
 * Faults of the session lifecycle: each answer looks valid on its own, and only a sequence of calls (`stateful`)
 * shows the bug. They live apart from the single-document catalogue, which `check` catches one response at a time.
 */

import type { Fault } from './faults.js';

/** The names of the stateful faults; the reference store and server commit each where it happens. */
export type StatefulFaultName =
  | 'revoke-not-persisted'
  | 'revoke-wrong-session'
  | 'stale-client-cache'
  | 'status-filter-ignored'
  | 'total-count-ignores-filter'
  | 'offset-repeats-last'
  | 'oldest-first'
  | 'revoke-rewrites-created-at';

/** A stateful fault: caught by the `stateful` property named in `caughtBy`, never by one document's rules. */
export type StatefulFault = Fault & {
  name: StatefulFaultName;
  /** The stateful property (docs/stateful.md) that catches it. */
  caughtBy: string;
  stateful: true;
};

/** The stateful fault catalogue, each with the property that catches it. */
export const STATEFUL_FAULTS: readonly StatefulFault[] = [
  {
    name: 'revoke-not-persisted',
    description:
      'revoke answers the session as revoked but never saves it: it is active again on the next read',
    caughtBy: 'terminal-status-final',
    stateful: true,
  },
  {
    name: 'revoke-wrong-session',
    description: "revoke answers for the session named but revokes the user's oldest active session instead",
    caughtBy: 'reads-agree-on-status',
    stateful: true,
  },
  {
    name: 'stale-client-cache',
    description: 'GET /v1/clients/{id} serves the Client cached at sign-in, never invalidated by a revoke',
    caughtBy: 'terminal-status-final',
    stateful: true,
  },
  {
    name: 'status-filter-ignored',
    description: 'GET /v1/sessions ignores the status filter',
    caughtBy: 'list-filters-exact',
    stateful: true,
  },
  {
    name: 'total-count-ignores-filter',
    description: 'total_count counts every session of the user or Client, whatever the status filter',
    caughtBy: 'total-count',
    stateful: true,
  },
  {
    name: 'offset-repeats-last',
    description:
      'every page after the first starts one item early (offset - 1): the last item of a page repeats',
    caughtBy: 'pages-each-once',
    stateful: true,
  },
  {
    name: 'oldest-first',
    description: 'GET /v1/sessions sorts by created_at ascending (a missing DESC)',
    caughtBy: 'list-newest-first',
    stateful: true,
  },
  {
    name: 'revoke-rewrites-created-at',
    description: "revoke upserts the whole row: the session's created_at becomes the time of the revoke",
    caughtBy: 'immutable-fields',
    stateful: true,
  },
];
