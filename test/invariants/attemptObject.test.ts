import { describe, expect, test } from 'vitest';
import { attemptObject } from '../../src/invariants/attemptObject.js';
import { fapiClient, pathsOf, signInAttempt, T0 } from '../helpers.js';

describe('attempt-object', () => {
  test('holds on a sign-in attempt, and on a Client without attempts', () => {
    expect(pathsOf(attemptObject, { ...fapiClient(0), sign_in: signInAttempt(T0) })).toEqual([]);
    expect(pathsOf(attemptObject, fapiClient(1))).toEqual([]);
  });

  test('fires at the object of an attempt that calls itself something else', () => {
    const broken = { ...fapiClient(0), sign_up: signInAttempt(T0) };
    expect(pathsOf(attemptObject, broken)).toEqual(['/sign_up/object']);
  });
});
