import { pointer } from '../jsonPointer.js';
import { isObject, NO_FINDINGS, sessionsOf } from './_internals/read.js';
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
    if (!isObject(client)) return NO_FINDINGS;
    // Named reads and paths built only on failure: this rule runs on every Client and stays cheap that way.
    let found: Finding[] | undefined;
    if (outOfRange(client.created_at)) found = add(found, '/created_at', client.created_at);
    if (outOfRange(client.updated_at)) found = add(found, '/updated_at', client.updated_at);
    const sessions = sessionsOf(client);
    for (let index = 0; index < sessions.length; index++) {
      const session = sessions[index];
      if (!isObject(session)) continue;
      const { last_active_at: lastActive, expire_at: expire, abandon_at: abandon } = session;
      const { updated_at: updated, created_at: created } = session;
      if (outOfRange(lastActive))
        found = add(found, pointer('sessions', index, 'last_active_at'), lastActive);
      if (outOfRange(expire)) found = add(found, pointer('sessions', index, 'expire_at'), expire);
      if (outOfRange(abandon)) found = add(found, pointer('sessions', index, 'abandon_at'), abandon);
      if (outOfRange(updated)) found = add(found, pointer('sessions', index, 'updated_at'), updated);
      if (outOfRange(created)) found = add(found, pointer('sessions', index, 'created_at'), created);
    }
    return found ?? NO_FINDINGS;
  },
} satisfies Invariant;

/** An integer outside the millisecond range; any other value is the schema's finding. */
function outOfRange(value: unknown): boolean {
  return Number.isInteger(value) && ((value as number) < MIN_MS || (value as number) >= MAX_MS);
}

/** Appends to one array per Client (never a copy per finding, which made many broken sessions quadratic). */
function add(found: Finding[] | undefined, path: string, value: unknown): Finding[] {
  const list = found ?? [];
  list.push({ path, message: 'must be milliseconds since the epoch, in [1e12, 1e13)', params: { value } });
  return list;
}
