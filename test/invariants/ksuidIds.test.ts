import { describe, expect, test } from 'vitest';
import { ksuidIds } from '../../src/invariants/ksuidIds.js';
import { ksuidSeconds } from '../../src/ksuid.js';
import { client, copy, pathsOf, validClients } from '../helpers.js';

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
