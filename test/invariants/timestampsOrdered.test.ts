import { describe, expect, test } from 'vitest';
import { timestampsOrdered } from '../../src/invariants/timestampsOrdered.js';
import { client, copy, pathsOf, validClients } from '../helpers.js';

describe('timestamps-ordered', () => {
  test.each(validClients)('holds on a valid client with $sessions.length sessions', (valid) => {
    expect(pathsOf(timestampsOrdered, valid)).toEqual([]);
  });

  test('fires at /updated_at when the client was updated before it was created', () => {
    const broken = copy(client(1));
    broken.updated_at = broken.created_at - 1;
    expect(pathsOf(timestampsOrdered, broken)).toEqual(['/updated_at']);
  });

  test.each([
    ['updated_at', -1],
    ['expire_at', 0],
    ['abandon_at', 0],
  ] as const)('fires at /sessions/i/%s when it is %i ms from created_at', (field, offset) => {
    const broken = copy(client(2));
    const target = broken.sessions[1];
    if (target === undefined) throw new Error('fixture has sessions');
    target[field] = target.created_at + offset;
    expect(pathsOf(timestampsOrdered, broken)).toEqual([`/sessions/1/${field}`]);
  });

  test('does not flag the real quirk of client.updated_at a few ms before a session updated_at', () => {
    const quirk = copy(client(1));
    quirk.updated_at = (quirk.sessions[0]?.updated_at ?? 0) - 5;
    expect(pathsOf(timestampsOrdered, quirk)).toEqual([]);
  });
});
