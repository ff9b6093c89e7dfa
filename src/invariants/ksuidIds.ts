import { ksuidSeconds } from '../ksuid.js';
import { addFinding, perSession, sessionPath } from './_internals/perSession.js';
import { isTimestamp, type JsonObject } from './_internals/read.js';
import type { Finding, Invariant } from './types.js';

const PREFIXED = /^[a-z]+(?:_[a-z]+)*_(.+)$/;

/** Client and session ids are KSUIDs minted when the object was created. */
export const ksuidIds = {
  id: 'ksuid-ids',
  description:
    'Client and session ids are a prefix plus a 27-character base62 KSUID whose time is `floor(created_at / 1000)`.',
  severity: { default: 'off', strict: 'error' },
  evidence:
    'Real data: 16/16 id and created_at pairs; undocumented, and emulators mint their own ids: off by default, an error in strict.',
  surfaces: ['bapi', 'fapi'],
  reads: ['/id', '/created_at', '/sessions/*/id', '/sessions/*/created_at'],
  dependsOn: ['timestamps-in-milliseconds'],
  ...perSession(
    (session, _context, index, found) => notKsuid(session, index, found),
    (client, _context, found) => notKsuid(client, undefined, found),
  ),
} satisfies Invariant;

/** A finding at the object's `id` unless it is a KSUID of its `created_at`; `sessionIndex` places a session. */
function notKsuid(
  object: JsonObject,
  sessionIndex: number | undefined,
  found: Finding[] | undefined,
): Finding[] | undefined {
  const { id, created_at: created } = object;
  if (typeof id !== 'string' || !isTimestamp(created) || embedsCreationTime(id, created)) return found;
  const seconds = ksuidOf(id);
  const expected = Math.floor(created / 1000);
  // A Client's own id sits at /id; so does a Session document's, whose sessionIndex is undefined too.
  const path = sessionIndex === undefined ? '/id' : sessionPath(sessionIndex, 'id');
  return addFinding(
    found,
    seconds === undefined
      ? { path, message: 'must be a prefix and a 27-character base62 KSUID', params: { id } }
      : {
          path,
          message: 'must embed the creation time (KSUID seconds = floor(created_at / 1000))',
          params: { id, ksuidSeconds: seconds, expectedSeconds: expected },
        },
  );
}

/** @internal True when `id` is a prefix and a KSUID minted in the second of `createdAt` (ms). */
export function embedsCreationTime(id: string, createdAt: number): boolean {
  return ksuidOf(id) === Math.floor(createdAt / 1000);
}

function ksuidOf(id: string): number | undefined {
  return ksuidSeconds(PREFIXED.exec(id)?.[1] ?? '');
}
