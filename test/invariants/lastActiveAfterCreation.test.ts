import { describe, expect, test } from 'vitest';
import { lastActiveAfterCreation } from '../../src/invariants/lastActiveAfterCreation.js';
import { client, copy, pathsOf, validClients } from '../helpers.js';

describe('last-active-after-creation', () => {
  test.each(validClients)('holds on a valid client with $sessions.length sessions', (valid) => {
    expect(pathsOf(lastActiveAfterCreation, valid)).toEqual([]);
  });

  test('does not flag the real quirk of last_active_at 2-8 ms before created_at', () => {
    const quirk = copy(client(1));
    const first = quirk.sessions[0];
    if (first !== undefined) first.last_active_at = first.created_at - 8;
    expect(pathsOf(lastActiveAfterCreation, quirk)).toEqual([]);
  });

  test('fires at /sessions/i/last_active_at beyond the skew, and honours a custom skew', () => {
    const broken = copy(client(1));
    const first = broken.sessions[0];
    if (first !== undefined) first.last_active_at = first.created_at - 1001;
    expect(pathsOf(lastActiveAfterCreation, broken)).toEqual(['/sessions/0/last_active_at']);
    expect(pathsOf(lastActiveAfterCreation, broken, { clockSkewMs: 2000 })).toEqual([]);
  });
});
