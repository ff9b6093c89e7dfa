import { KSUID_LENGTH, ksuidSeconds } from '../ksuid.js';
import { addFinding, perSession, sessionPath } from './_internals/perSession.js';
import { isTimestamp, type JsonObject } from './_internals/read.js';
import type { Finding, Invariant } from './types.js';

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

/** @internal The seconds of an id that is a prefix (lowercase words joined by `_`), `_` and a KSUID; else undefined. */
export function ksuidOf(id: string): number | undefined {
  const start = id.length - KSUID_LENGTH;
  if (id.charCodeAt(start - 1) !== UNDERSCORE || !isPrefix(id, start - 1)) return undefined;
  return ksuidSeconds(id, start);
}

const UNDERSCORE = 0x5f;

/** True when `id` up to `end` is lowercase words joined by single underscores (`sess`, `sess_activity`). */
function isPrefix(id: string, end: number): boolean {
  // Starting as if after an underscore refuses a leading one, and an empty prefix.
  let previous = UNDERSCORE;
  for (let index = 0; index < end; index++) {
    const code = id.charCodeAt(index);
    if (code === UNDERSCORE ? previous === UNDERSCORE : code < 0x61 || code > 0x7a) return false;
    previous = code;
  }
  return previous !== UNDERSCORE;
}
