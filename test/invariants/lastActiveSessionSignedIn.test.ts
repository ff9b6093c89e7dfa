import { describe, expect, test } from 'vitest';
import { lastActiveSessionSignedIn } from '../../src/invariants/lastActiveSessionSignedIn.js';
import { client, copy, pathsOf, validClients } from '../helpers.js';

describe('last-active-session-signed-in', () => {
  test.each(validClients)('holds on a valid client with $sessions.length sessions', (valid) => {
    expect(pathsOf(lastActiveSessionSignedIn, valid)).toEqual([]);
  });

  test.each(['revoked', 'ended', 'expired', 'removed', 'abandoned', 'replaced'] as const)(
    'fires at /last_active_session_id when that session is %s',
    (status) => {
      const broken = copy(client(2));
      const last = broken.sessions[1];
      if (last !== undefined) last.status = status;
      expect(pathsOf(lastActiveSessionSignedIn, broken)).toEqual(['/last_active_session_id']);
    },
  );

  test('holds for a pending last active session', () => {
    const pending = copy(client(1));
    if (pending.sessions[0] !== undefined) pending.sessions[0].status = 'pending';
    expect(pathsOf(lastActiveSessionSignedIn, pending)).toEqual([]);
  });

  test('stays silent on a status outside the enum (schema/enum reports it)', () => {
    const broken = copy(client(1)) as unknown as { sessions: Array<{ status: string }> };
    if (broken.sessions[0] !== undefined) broken.sessions[0].status = 'signed_in';
    expect(pathsOf(lastActiveSessionSignedIn, broken)).toEqual([]);
  });
});
