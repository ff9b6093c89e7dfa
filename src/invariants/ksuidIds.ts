import { pointer } from '../jsonPointer.js';
import { ksuidSeconds } from '../ksuid.js';
import { isObject, isTimestamp, type JsonObject, NO_FINDINGS, sessionsOf } from './_internals/read.js';
import type { Finding, Invariant } from './types.js';

const PREFIXED = /^[a-z]+(?:_[a-z]+)*_(.+)$/;

/** Client and session ids are KSUIDs minted when the object was created. */
export const ksuidIds = {
  id: 'ksuid-ids',
  description:
    'Client and session ids are a prefix plus a 27-character base62 KSUID whose time is `floor(created_at / 1000)`.',
  severity: { default: 'off', strict: 'error' },
  evidence: 'Real data: 16/16 id and created_at pairs.',
  check(client) {
    if (!isObject(client)) return NO_FINDINGS;
    let findings = notKsuid(client, [], undefined);
    const sessions = sessionsOf(client);
    for (let index = 0; index < sessions.length; index++) {
      const session = sessions[index];
      if (isObject(session)) findings = notKsuid(session, ['sessions', index], findings);
    }
    return findings ?? NO_FINDINGS;
  },
} satisfies Invariant;

function notKsuid(
  object: JsonObject,
  at: Array<string | number>,
  findings: Finding[] | undefined,
): Finding[] | undefined {
  const { id, created_at: created } = object;
  if (typeof id !== 'string' || !isTimestamp(created)) return findings;
  const seconds = ksuidSeconds(PREFIXED.exec(id)?.[1] ?? '');
  const expected = Math.floor(created / 1000);
  if (seconds === expected) return findings;
  const found = findings ?? [];
  found.push(
    seconds === undefined
      ? {
          path: pointer(...at, 'id'),
          message: 'must be a prefix and a 27-character base62 KSUID',
          params: { id },
        }
      : {
          path: pointer(...at, 'id'),
          message: 'must embed the creation time (KSUID seconds = floor(created_at / 1000))',
          params: { id, ksuidSeconds: seconds, expectedSeconds: expected },
        },
  );
  return found;
}
