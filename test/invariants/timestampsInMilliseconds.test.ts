import { describe, expect, test } from 'vitest';
import { timestampsInMilliseconds } from '../../src/invariants/timestampsInMilliseconds.js';
import { client, copy, pathsOf, validClients } from '../helpers.js';

describe('timestamps-in-milliseconds', () => {
  test.each(validClients)('holds on a valid client with $sessions.length sessions', (valid) => {
    expect(pathsOf(timestampsInMilliseconds, valid)).toEqual([]);
  });

  test('fires at each timestamp in seconds', () => {
    const broken = copy(client(1));
    broken.created_at = Math.floor(broken.created_at / 1000);
    const first = broken.sessions[0];
    if (first !== undefined) first.expire_at = Math.floor(first.expire_at / 1000);
    expect(pathsOf(timestampsInMilliseconds, broken)).toEqual(['/created_at', '/sessions/0/expire_at']);
  });

  test('fires on microseconds and on the bounds of the range', () => {
    expect(pathsOf(timestampsInMilliseconds, { ...client(0), updated_at: 1_731_318_000_000_000 })).toEqual([
      '/updated_at',
    ]);
    expect(pathsOf(timestampsInMilliseconds, { ...client(0), created_at: 1e12, updated_at: 1e13 })).toEqual([
      '/updated_at',
    ]);
  });
});
