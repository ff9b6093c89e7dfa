import { describe, expect, test } from 'vitest';
import { lastActiveAfterCreation } from '../../src/invariants/lastActiveAfterCreation.js';
import { client, context, copy, findingsOf, pathsOf, validClients } from '../helpers.js';

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

describe('last-active-after-creation at the edge of the skew', () => {
  test('exactly clockSkewMs early holds; one ms more fires, with the values that broke it', () => {
    const edge = copy(client(1));
    const first = edge.sessions[0];
    if (first === undefined) throw new Error('fixture has sessions');
    first.last_active_at = first.created_at - 1000;
    expect(findingsOf(lastActiveAfterCreation, edge)).toEqual([]);
    first.last_active_at -= 1;
    expect(findingsOf(lastActiveAfterCreation, edge)).toEqual([
      {
        path: '/sessions/0/last_active_at',
        message: 'must not be more than 1000 ms before created_at',
        params: { created_at: first.created_at, last_active_at: first.last_active_at, clockSkewMs: 1000 },
      },
    ]);
    expect(findingsOf(lastActiveAfterCreation, edge, { clockSkewMs: 1001 })).toEqual([]);
  });

  test('a Session document is judged alone, with paths from its root', () => {
    const session = copy(client(1)).sessions[0];
    if (session === undefined) throw new Error('fixture has sessions');
    session.last_active_at = session.created_at - 5000;
    expect(lastActiveAfterCreation.checkSession?.(session, context)).toMatchObject([
      { path: '/last_active_at' },
    ]);
  });
});
