import type { Surface } from '../invariants/types.js';

/**
 * What one checked object is, which decides the schema and rules it is judged by: a Backend API Client or
 * Session, the Session of a `session.*` webhook event, or a Frontend API Client or Session.
 */
export type SubjectKind = 'client' | 'session' | 'webhook' | 'fapi-client' | 'fapi-session';

/** The per-kind counts of a run, as reports name them. */
export type SubjectCounts = { clients: number; sessions: number; fapiClients: number; fapiSessions: number };

type KindFacts = {
  surface: Surface;
  /** A Client (its own fields and its sessions) or one Session. */
  object: 'client' | 'session';
  /** Where the kind is counted. */
  count: keyof SubjectCounts;
  /** How `--kind` and the README describe it. */
  description: string;
};

export const SUBJECT_KINDS: Readonly<Record<SubjectKind, KindFacts>> = {
  client: {
    surface: 'bapi',
    object: 'client',
    count: 'clients',
    description: 'a Backend API Client (GET /v1/clients/{id}, POST /v1/clients/verify)',
  },
  session: {
    surface: 'bapi',
    object: 'session',
    count: 'sessions',
    description: 'a Backend API Session (GET /v1/sessions/{id}, GET /v1/sessions)',
  },
  webhook: {
    surface: 'bapi',
    object: 'session',
    count: 'sessions',
    description: 'a session.* webhook event: its data is a Session that also carries the user',
  },
  'fapi-client': {
    surface: 'fapi',
    object: 'client',
    count: 'fapiClients',
    description: 'a Frontend API Client (GET /v1/client), bare or in a {response, client} envelope',
  },
  'fapi-session': {
    surface: 'fapi',
    object: 'session',
    count: 'fapiSessions',
    description: 'a Frontend API Session (GET /v1/me/sessions/active)',
  },
};

export const SUBJECT_KIND_NAMES = Object.keys(SUBJECT_KINDS) as SubjectKind[];

export function noSubjects(): SubjectCounts {
  return { clients: 0, sessions: 0, fapiClients: 0, fapiSessions: 0 };
}
