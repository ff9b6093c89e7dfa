/** @internal Type-guarded reads of an unchecked Client, so a broken field never cascades into invariant noise. */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An integer timestamp; anything else is the schema's business. */
export function isTimestamp(value: unknown): value is number {
  return Number.isInteger(value);
}

/** The sessions that are objects, with their index in `sessions`. */
export function sessionsOf(client: unknown): Array<{ index: number; session: JsonObject }> {
  if (!isObject(client) || !Array.isArray(client.sessions)) return [];
  return client.sessions.flatMap((session, index) => (isObject(session) ? [{ index, session }] : []));
}

/**
 * The ids of `sessions`, or undefined when any session or id is malformed (the schema reports that, and the
 * set of ids is then unknown).
 */
export function sessionIdsOf(client: unknown): string[] | undefined {
  if (!isObject(client) || !Array.isArray(client.sessions)) return undefined;
  const ids: string[] = [];
  for (const session of client.sessions) {
    if (!isObject(session) || typeof session.id !== 'string') return undefined;
    ids.push(session.id);
  }
  return ids;
}

/** `session_ids` when it is an array of strings, else undefined. */
export function listedSessionIdsOf(client: unknown): string[] | undefined {
  if (!isObject(client) || !Array.isArray(client.session_ids)) return undefined;
  return client.session_ids.every((id) => typeof id === 'string')
    ? (client.session_ids as string[])
    : undefined;
}
