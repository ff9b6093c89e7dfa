import { pointer } from '../jsonPointer.js';
import { isObject, isTimestamp, type JsonObject, sessionsOf } from './_internals/read.js';
import { CLIENT_TIMESTAMPS, SESSION_TIMESTAMPS } from './_internals/timestamps.js';
import type { Finding, Invariant } from './types.js';

/** 1e12 ms is 2001-09-09 and 1e13 ms is 2286-11-20: seconds fall below, microseconds above. */
const MIN_MS = 1e12;
const MAX_MS = 1e13;

/** Timestamps are milliseconds since the epoch, not seconds or microseconds. */
export const timestampsInMilliseconds = {
  id: 'timestamps-in-milliseconds',
  description: 'Every timestamp is in `[1e12, 1e13)`: milliseconds between 2001-09-09 and 2286-11-20.',
  severity: { default: 'error', strict: 'error' },
  evidence: 'Real 2024-2025 data and the SDKs (`new Date(n)`); only 2021-era docs used seconds.',
  check(client) {
    if (!isObject(client)) return [];
    return [
      ...outOfRange(client, CLIENT_TIMESTAMPS, []),
      ...sessionsOf(client).flatMap(({ index, session }) =>
        outOfRange(session, SESSION_TIMESTAMPS, ['sessions', index]),
      ),
    ];
  },
} satisfies Invariant;

function outOfRange(object: JsonObject, fields: readonly string[], at: Array<string | number>): Finding[] {
  return fields.flatMap((field) => {
    const value = object[field];
    if (!isTimestamp(value) || (value >= MIN_MS && value < MAX_MS)) return [];
    return [
      {
        path: pointer(...at, field),
        message: 'must be milliseconds since the epoch, in [1e12, 1e13)',
        params: { value },
      },
    ];
  });
}
