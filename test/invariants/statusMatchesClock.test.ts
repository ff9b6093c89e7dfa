import { describe, expect, test } from 'vitest';
import { statusMatchesClock } from '../../src/invariants/statusMatchesClock.js';
import { client, copy, findingsOf, pathsOf, validClients } from '../helpers.js';

describe('status-matches-clock', () => {
  test.each(validClients)('holds on a valid client observed when it was last updated', (valid) => {
    expect(pathsOf(statusMatchesClock, valid, { now: valid.updated_at })).toEqual([]);
  });

  test('is not checked when the observation time is unknown', () => {
    const stale = copy(client(1));
    expect(pathsOf(statusMatchesClock, stale, { now: undefined })).toEqual([]);
  });

  test('fires at /sessions/i/status for an active session observed after expire_at', () => {
    const stale = copy(client(1));
    const expireAt = stale.sessions[0]?.expire_at ?? 0;
    expect(pathsOf(statusMatchesClock, stale, { now: expireAt })).toEqual(['/sessions/0/status']);
  });

  test('fires for an expired session observed before expire_at beyond the skew, not within it', () => {
    const early = copy(client(1));
    const first = early.sessions[0];
    if (first === undefined) throw new Error('fixture has sessions');
    first.status = 'expired';
    expect(pathsOf(statusMatchesClock, early, { now: first.expire_at - 1001 })).toEqual([
      '/sessions/0/status',
    ]);
    expect(pathsOf(statusMatchesClock, early, { now: first.expire_at - 1000 })).toEqual([]);
  });
});

describe('status-matches-clock: pending sessions, and what a finding says', () => {
  test('a pending session observed after expire_at is reported like an active one, with the values compared', () => {
    const stale = copy(client(1));
    const first = stale.sessions[0];
    if (first === undefined) throw new Error('fixture has sessions');
    first.status = 'pending';
    const now = first.expire_at + 1;
    expect(findingsOf(statusMatchesClock, stale, { now })).toEqual([
      {
        path: '/sessions/0/status',
        message: 'must not be pending after expire_at',
        params: { status: 'pending', expire_at: first.expire_at, now, clockSkewMs: 1000 },
      },
    ]);
    first.status = 'ended';
    expect(findingsOf(statusMatchesClock, stale, { now })).toEqual([]);
  });

  test('an expired session observed early says so', () => {
    const early = copy(client(1));
    const first = early.sessions[0];
    if (first === undefined) throw new Error('fixture has sessions');
    first.status = 'expired';
    expect(findingsOf(statusMatchesClock, early, { now: first.created_at })).toMatchObject([
      { message: 'must not be expired before expire_at', params: { status: 'expired' } },
    ]);
    expect(findingsOf(statusMatchesClock, early, { now: undefined })).toEqual([]);
  });
});
