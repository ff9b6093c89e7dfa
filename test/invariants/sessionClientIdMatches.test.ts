import { describe, expect, test } from 'vitest';
import { sessionClientIdMatches } from '../../src/invariants/sessionClientIdMatches.js';
import { client, copy, id, pathsOf, T0, validClients } from '../helpers.js';

describe('session-client-id-matches', () => {
  test.each(validClients)('holds on a valid client with $sessions.length sessions', (valid) => {
    expect(pathsOf(sessionClientIdMatches, valid)).toEqual([]);
  });

  test('fires at /sessions/i/client_id for a session of another client', () => {
    const broken = copy(client(3));
    if (broken.sessions[1] !== undefined) broken.sessions[1].client_id = id('client', T0);
    expect(pathsOf(sessionClientIdMatches, broken)).toEqual(['/sessions/1/client_id']);
  });
});
