import { describe, expect, test } from 'vitest';
import { lastActiveSessionListed } from '../../src/invariants/lastActiveSessionListed.js';
import { client, copy, id, pathsOf, T0, validClients } from '../helpers.js';

describe('last-active-session-listed', () => {
  test.each(validClients)('holds on a valid client with $sessions.length sessions', (valid) => {
    expect(pathsOf(lastActiveSessionListed, valid)).toEqual([]);
  });

  test('holds when last_active_session_id is null', () => {
    expect(pathsOf(lastActiveSessionListed, { ...client(2), last_active_session_id: null })).toEqual([]);
  });

  test('fires at /last_active_session_id for an id not in sessions', () => {
    expect(
      pathsOf(lastActiveSessionListed, { ...client(2), last_active_session_id: id('sess', T0) }),
    ).toEqual(['/last_active_session_id']);
  });

  test('fires for a Client without sessions that names one', () => {
    const broken = copy(client(0));
    broken.last_active_session_id = id('sess', T0);
    expect(pathsOf(lastActiveSessionListed, broken)).toEqual(['/last_active_session_id']);
  });
});
