import { pointer } from '../jsonPointer.js';
import { ksuidSeconds } from './_internals/ksuid.js';
import { isObject, isTimestamp, type JsonObject, sessionsOf } from './_internals/read.js';
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
    if (!isObject(client)) return [];
    return [
      ...notKsuid(client, []),
      ...sessionsOf(client).flatMap(({ index, session }) => notKsuid(session, ['sessions', index])),
    ];
  },
} satisfies Invariant;

function notKsuid(object: JsonObject, at: Array<string | number>): Finding[] {
  const { id, created_at: created } = object;
  if (typeof id !== 'string' || !isTimestamp(created)) return [];
  const path = pointer(...at, 'id');
  const seconds = ksuidSeconds(PREFIXED.exec(id)?.[1] ?? '');
  if (seconds === undefined)
    return [{ path, message: 'must be a prefix and a 27-character base62 KSUID', params: { id } }];
  const expected = Math.floor(created / 1000);
  if (seconds === expected) return [];
  return [
    {
      path,
      message: 'must embed the creation time (KSUID seconds = floor(created_at / 1000))',
      params: { id, ksuidSeconds: seconds, expectedSeconds: expected },
    },
  ];
}
