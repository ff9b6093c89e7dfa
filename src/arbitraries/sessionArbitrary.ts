import fc from 'fast-check';
import { InvalidOptionError } from '../invalidOption.js';
import type { Session } from '../schema/types.js';
import { resolveConstraints, type SessionConstraints } from './_internals/constraints.js';
import { clerkId, payloadArbitrary } from './_internals/ids.js';
import { buildSession, sessionDraftArbitrary } from './_internals/sessionDraft.js';

export type { SessionConstraints } from './_internals/constraints.js';

/**
 * One session as a Client lists it: schema-valid, its timestamps ordered and in milliseconds, its status in
 * agreement with the clock at `now`, KSUID ids that embed its creation time, and realistic values by default.
 */
export function sessionArbitrary(constraints: SessionConstraints = {}): fc.Arbitrary<Session> {
  const { clientId, ...clientConstraints } = constraints;
  const c = resolveConstraints('sessionArbitrary', clientConstraints);
  if (clientId !== undefined && !/^client_./.test(clientId)) {
    throw new InvalidOptionError(
      `sessionArbitrary: clientId must be a client_ id, got ${JSON.stringify(clientId)}`,
    );
  }
  return fc
    .tuple(sessionDraftArbitrary(c), payloadArbitrary)
    .map(([draft, clientPayload]) =>
      buildSession(draft, c, clientId ?? clerkId('client', c.windowStart, clientPayload), 0),
    );
}
