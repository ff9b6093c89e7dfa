import { describe, expect, test } from 'vitest';
import { sessionsAfterClient } from '../../src/invariants/sessionsAfterClient.js';
import { fapiClient, pathsOf } from '../helpers.js';

describe('sessions-after-client', () => {
  test.each([0, 1, 3])('holds on a valid Frontend API Client with %i sessions', (count) => {
    expect(pathsOf(sessionsAfterClient, fapiClient(count))).toEqual([]);
  });

  test('fires at the created_at of a session older than its Client, beyond the clock skew', () => {
    const broken = fapiClient(2);
    (broken.sessions[0] as Record<string, unknown>).created_at = (broken.created_at as number) - 1001;
    expect(pathsOf(sessionsAfterClient, broken)).toEqual(['/sessions/0/created_at']);
  });

  test('tolerates exactly the clock skew', () => {
    const skewed = fapiClient(1);
    (skewed.sessions[0] as Record<string, unknown>).created_at = (skewed.created_at as number) - 1000;
    expect(pathsOf(sessionsAfterClient, skewed)).toEqual([]);
  });
});

test('a session created_at in seconds is left to timestamps-in-milliseconds (one fault, one violation)', () => {
  const seconds = fapiClient(1);
  const session = seconds.sessions[0] as Record<string, unknown>;
  session.created_at = Math.floor((session.created_at as number) / 1000);
  expect(pathsOf(sessionsAfterClient, seconds)).toEqual([]);
});

test('timestamps at the edges of the millisecond range are judged; those outside it are not', () => {
  const judged = (clientCreated: number, sessionCreated: number) => {
    const value = fapiClient(1);
    value.created_at = clientCreated;
    (value.sessions[0] as Record<string, unknown>).created_at = sessionCreated;
    return pathsOf(sessionsAfterClient, value);
  };
  expect(judged(1e12 + 5000, 1e12)).toEqual(['/sessions/0/created_at']);
  expect(judged(1e13 - 1, 1e13 - 5000)).toEqual(['/sessions/0/created_at']);
  expect(judged(1e13, 1e12)).toEqual([]);
  expect(judged(1e12 + 5000, 1e12 - 1)).toEqual([]);
});
