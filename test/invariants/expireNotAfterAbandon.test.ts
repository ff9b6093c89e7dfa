import { describe, expect, test } from 'vitest';
import { expireNotAfterAbandon } from '../../src/invariants/expireNotAfterAbandon.js';
import { client, copy, pathsOf, validClients } from '../helpers.js';

describe('expire-not-after-abandon', () => {
  test.each(validClients)('holds on a valid client with $sessions.length sessions', (valid) => {
    expect(pathsOf(expireNotAfterAbandon, valid)).toEqual([]);
  });

  test('fires at /sessions/i/abandon_at, the later field of the pair', () => {
    const broken = copy(client(2));
    const first = broken.sessions[0];
    if (first !== undefined) first.abandon_at = first.expire_at - 1;
    expect(pathsOf(expireNotAfterAbandon, broken)).toEqual(['/sessions/0/abandon_at']);
  });

  test('holds when both lifetimes are equal', () => {
    const equal = copy(client(1));
    const first = equal.sessions[0];
    if (first !== undefined) first.abandon_at = first.expire_at;
    expect(pathsOf(expireNotAfterAbandon, equal)).toEqual([]);
  });
});
