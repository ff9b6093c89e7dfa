/** @internal Rules that hold for each session, run over a Client's sessions or over one Session document. */
import { pointer } from '../../jsonPointer.js';
import type { Finding, Invariant, InvariantContext } from '../types.js';
import { isObject, type JsonObject, NO_FINDINGS, sessionsOf } from './read.js';

/**
 * Adds to `found` (created on the first finding, so the happy path allocates nothing) and returns it. `index` is
 * the session's place in a Client's `sessions`, undefined for a Session document.
 */
export type SessionPart = (
  session: JsonObject,
  context: InvariantContext,
  index: number | undefined,
  found: Finding[] | undefined,
) => Finding[] | undefined;

/** The same for a Client's own fields. */
export type ClientPart = (
  client: JsonObject,
  context: InvariantContext,
  found: Finding[] | undefined,
) => Finding[] | undefined;

/** `check` (a Client: its own part, then each session) and `checkSession` (one Session) of a per-session rule. */
export function perSession(
  sessionPart: SessionPart,
  clientPart?: ClientPart,
): Pick<Invariant, 'check' | 'checkSession'> {
  return {
    check(client, context) {
      if (!isObject(client)) return NO_FINDINGS;
      let found = clientPart?.(client, context, undefined);
      const sessions = sessionsOf(client);
      for (let index = 0; index < sessions.length; index++) {
        const session = sessions[index];
        if (isObject(session)) found = sessionPart(session, context, index, found);
      }
      return found ?? NO_FINDINGS;
    },
    checkSession(session, context) {
      return (isObject(session) && sessionPart(session, context, undefined, undefined)) || NO_FINDINGS;
    },
  };
}

/** A field of a session: `/sessions/2/expire_at` in a Client, `/expire_at` in a Session document. */
export function sessionPath(index: number | undefined, ...tokens: ReadonlyArray<string | number>): string {
  return index === undefined ? pointer(...tokens) : pointer('sessions', index, ...tokens);
}

/** Appends a finding in place: collecting stays linear however many findings a document has. */
export function addFinding(found: Finding[] | undefined, finding: Finding): Finding[] {
  if (found === undefined) return [finding];
  found.push(finding);
  return found;
}
