import { describe, expect, test } from 'vitest';
import { ksuidIds } from '../../src/invariants/ksuidIds.js';
import { ksuidSeconds } from '../../src/ksuid.js';
import { client, context, copy, findingsOf, pathsOf, validClients } from '../helpers.js';

describe('ksuid-ids', () => {
  test.each(validClients)('holds on a valid client with $sessions.length sessions', (valid) => {
    expect(pathsOf(ksuidIds, valid)).toEqual([]);
  });

  test('decodes the time of real Clerk ids (values published in clerk-docs)', () => {
    // client_2b6J9fCrQt0KRCCtFu7WCIQvSfd was created at 1705529444202 (clerk-docs get-client.mdx).
    expect(ksuidSeconds('2b6J9fCrQt0KRCCtFu7WCIQvSfd')).toBe(1_705_529_444);
  });

  test('fires at /id when the KSUID time is not the creation time', () => {
    const broken = copy(client(1));
    broken.created_at += 1000;
    expect(pathsOf(ksuidIds, broken)).toEqual(['/id']);
  });

  test('fires at /sessions/i/id for an id that is no KSUID', () => {
    const broken = copy(client(2));
    if (broken.sessions[1] !== undefined) broken.sessions[1].id = 'sess_abc123xyz456def789';
    expect(pathsOf(ksuidIds, broken)).toEqual(['/sessions/1/id']);
  });

  test('rejects 27 base62 characters above the 160-bit range', () => {
    expect(ksuidSeconds('zzzzzzzzzzzzzzzzzzzzzzzzzzz')).toBeUndefined();
  });
});

describe('ksuid-ids: what each finding says', () => {
  test('an id that is no KSUID, and one whose time is wrong, with the seconds found and expected', () => {
    const broken = copy(client(1));
    broken.id = 'client_abc';
    const session = broken.sessions[0];
    if (session === undefined) throw new Error('fixture has sessions');
    session.created_at += 5000;
    const expected = Math.floor(session.created_at / 1000);
    expect(findingsOf(ksuidIds, broken)).toEqual([
      {
        path: '/id',
        message: 'must be a prefix and a 27-character base62 KSUID',
        params: { id: 'client_abc' },
      },
      {
        path: '/sessions/0/id',
        message: 'must embed the creation time (KSUID seconds = floor(created_at / 1000))',
        params: { id: session.id, ksuidSeconds: expected - 5, expectedSeconds: expected },
      },
    ]);
    expect(ksuidIds.checkSession?.(session, context)).toMatchObject([{ path: '/id' }]);
  });

  test('a bare KSUID without prefix, or an id or created_at of the wrong type, is not this rule’s finding', () => {
    const bare = copy(client(0));
    bare.id = bare.id.slice('client_'.length);
    expect(pathsOf(ksuidIds, bare)).toEqual(['/id']);
    expect(pathsOf(ksuidIds, { ...client(0), id: 7 })).toEqual([]);
    expect(pathsOf(ksuidIds, { ...client(0), id: 'client_x', created_at: '2024' })).toEqual([]);
  });
});
