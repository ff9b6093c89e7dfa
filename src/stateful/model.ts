/** What a stateful run knows: the users, sessions and Clients it created, and what their answers said. */

/** A user of the run: created by it (`owned`, deleted at the end) or lent with `--user-id`. */
export type ModelUser = { id: string; owned: boolean };

/** A session the run created, as its answers describe it. */
export type ModelSession = {
  id: string;
  userId: string;
  clientId: string;
  createdAt: number;
  /** The status the last state-changing answer (create, revoke) gave it. */
  status: string;
  /** True once any read showed it in a terminal status. */
  terminalSeen: boolean;
  /** The highest updated_at read so far. */
  updatedAt: number;
};

export type StatefulModel = { users: ModelUser[]; sessions: ModelSession[]; clients: string[] };

export function emptyModel(): StatefulModel {
  return { users: [], sessions: [], clients: [] };
}

/** Statuses of a signed-in session. */
export const SIGNED_IN: readonly string[] = ['active', 'pending'];

export function isSignedIn(status: unknown): boolean {
  return typeof status === 'string' && SIGNED_IN.includes(status);
}

/** Statuses a session never leaves for a signed-in one. */
export function isTerminal(status: unknown): boolean {
  return typeof status === 'string' && !SIGNED_IN.includes(status);
}

/** The filters of one `GET /v1/sessions`. */
export type ListFilter = { userId?: string; clientId?: string; status?: string };

export function matches(
  session: { userId: string; clientId: string; status: string },
  filter: ListFilter,
): boolean {
  return (
    (filter.userId === undefined || session.userId === filter.userId) &&
    (filter.clientId === undefined || session.clientId === filter.clientId) &&
    (filter.status === undefined || session.status === filter.status)
  );
}
