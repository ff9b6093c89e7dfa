import { describe, expect, test } from 'vitest';
import { timestampsInMilliseconds } from '../../src/invariants/timestampsInMilliseconds.js';
import { client, copy, findingsOf, pathsOf, validClients } from '../helpers.js';

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

describe('timestamps-in-milliseconds at every timestamp', () => {
  test('each field of the Client and its sessions, with the value', () => {
    const broken = copy(client(1)) as unknown as Record<string, unknown> & {
      sessions: Record<string, unknown>[];
    };
    for (const field of ['created_at', 'updated_at', 'cookie_expires_at']) broken[field] = 1_731_318_000;
    const session = broken.sessions[0] ?? {};
    for (const field of ['last_active_at', 'expire_at', 'abandon_at', 'updated_at', 'created_at'])
      session[field] = 1_731_318_000;
    const findings = findingsOf(timestampsInMilliseconds, broken);
    expect(findings.map((finding) => finding.path)).toEqual([
      '/created_at',
      '/updated_at',
      '/cookie_expires_at',
      '/sessions/0/last_active_at',
      '/sessions/0/expire_at',
      '/sessions/0/abandon_at',
      '/sessions/0/updated_at',
      '/sessions/0/created_at',
    ]);
    expect(findings[0]).toEqual({
      path: '/created_at',
      message: 'must be milliseconds since the epoch, in [1e12, 1e13)',
      params: { value: 1_731_318_000 },
    });
  });
});
