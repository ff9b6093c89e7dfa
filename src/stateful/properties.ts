/**
 * The properties a stateful run checks after every request, in the order they are judged: documented behaviour of
 * Clerk's session endpoints, then consistency across calls. Ids are the public contract (reports, faults' caughtBy).
 */
export type StatefulProperty = {
  id: StatefulPropertyId;
  description: string;
  /** Where the expectation comes from. */
  evidence: string;
};

export type StatefulPropertyId =
  | 'documents-valid'
  | 'created-session-active'
  | 'known-ids-found'
  | 'revoke-answers-revoked'
  | 'unknown-id-not-found'
  | 'list-newest-first'
  | 'list-filters-exact'
  | 'total-count'
  | 'client-lists-its-sessions'
  | 'reads-agree-on-status'
  | 'pages-each-once'
  | 'terminal-status-final'
  | 'immutable-fields'
  | 'updated-at-monotonic';

const SPEC = "Clerk's Backend API spec (clerk/openapi-specs bapi/2026-05-12.yml)";

/** The registry, in order: documented behaviour first, then consistency across calls. */
export const STATEFUL_PROPERTIES: readonly StatefulProperty[] = [
  // Documented behaviour
  {
    id: 'documents-valid',
    description:
      'every Client and Session read passes the schema and the error-severity invariants of the default profile, judged at the time it arrived',
    evidence: `${SPEC}, components Client and Session; the invariant catalogue (docs/invariants.md)`,
  },
  {
    id: 'created-session-active',
    description: 'POST /v1/sessions answers 200 with an active session of the requested user',
    evidence: `${SPEC}, createSession: "Create a new active session for the provided user ID"`,
  },
  {
    id: 'known-ids-found',
    description:
      'a session or Client the run created answers 200 on GET (old inactive sessions are cleaned up only periodically)',
    evidence: `${SPEC}, GetSession and GetClient answer 200 with the object`,
  },
  {
    id: 'revoke-answers-revoked',
    description:
      'revoking an active session answers 200 with that session, status revoked; revoking it again (undocumented) may answer 200 revoked or a 4xx with an error body',
    evidence: `${SPEC}, RevokeSession: "Sets the status of a session as \\"revoked\\""`,
  },
  {
    id: 'unknown-id-not-found',
    description:
      "an id that does not exist answers 404 with Clerk's error body { errors: [{ message, long_message, code }] }",
    evidence: `${SPEC}, responses ResourceNotFound and ClerkErrors`,
  },
  {
    id: 'list-newest-first',
    description:
      'GET /v1/sessions lists sessions newest first (created_at never increases), across pages too',
    evidence: `${SPEC}, GetSessionList: "sorted by creation date, with the newest sessions appearing first"`,
  },
  {
    id: 'list-filters-exact',
    description:
      "GET /v1/sessions with client_id, user_id and status lists only matching sessions, and every matching signed-in session the run knows (sessions in a terminal status may have been cleaned up); a user the run created has no sessions but the run's",
    evidence: `${SPEC}, GetSessionList parameters client_id, user_id, status; "old and inactive sessions are periodically cleaned up"`,
  },
  {
    id: 'total-count',
    description:
      'with paginated=true, total_count counts the matching sessions: at least those signed in, at most all the run knows of (plus any of users it did not create)',
    evidence: `${SPEC}, GetSessionList parameter paginated; Clerk's paginated lists answer { data, total_count }`,
  },
  {
    id: 'client-lists-its-sessions',
    description:
      'a Client lists every signed-in session the run created in it; a revoked one is listed as revoked (multi-session mode) or not at all',
    evidence: `${SPEC}, RevokeSession: "In multi-session mode, a revoked session will still be returned along with its client object"`,
  },
  // Consistency across calls
  {
    id: 'reads-agree-on-status',
    description:
      'every read of a session (its GET, a list, its Client) shows the status the last state-changing answer gave it',
    evidence: 'a session has one status: reads must not disagree (Schemathesis-style use-after-change)',
  },
  {
    id: 'pages-each-once',
    description:
      'paging through a list with limit and offset yields each session exactly once and as many as total_count',
    evidence: `${SPEC}, GetSessionList parameters limit and offset`,
  },
  {
    id: 'terminal-status-final',
    description:
      'a session seen in a terminal status (revoked, ended, removed, expired, abandoned, replaced) is never signed in (active, pending) again',
    evidence: '@clerk/shared session statuses: a revoked session needs a new sign-in; no endpoint un-revokes',
  },
  {
    id: 'immutable-fields',
    description: "a session's id, created_at, user_id and client_id never change",
    evidence: `${SPEC}, Session: identifiers and creation time of one session`,
  },
  {
    id: 'updated-at-monotonic',
    description: "a session's updated_at never decreases from one read to the next",
    evidence: `${SPEC}, Session.updated_at: "Unix timestamp of last update"`,
  },
];

/** A property that did not hold: what the runner reports, with the property's id. */
export class PropertyFailure extends Error {
  constructor(
    readonly property: StatefulPropertyId,
    message: string,
  ) {
    super(message);
    this.name = 'PropertyFailure';
  }
}

/** Fails the property with the message unless `condition` holds. */
export function expectThat(condition: boolean, property: StatefulPropertyId, message: () => string): void {
  if (!condition) throw new PropertyFailure(property, message());
}
