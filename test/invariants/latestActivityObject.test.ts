import { describe, expect, test } from 'vitest';
import { latestActivityObject } from '../../src/invariants/latestActivityObject.js';
import { client, copy, pathsOf, validClients } from '../helpers.js';

describe('latest-activity-object', () => {
  test.each(validClients)('holds on a valid client with $sessions.length sessions', (valid) => {
    expect(pathsOf(latestActivityObject, valid)).toEqual([]);
  });

  test('holds when latest_activity is null or absent', () => {
    const sparse = copy(client(2));
    if (sparse.sessions[0] !== undefined) sparse.sessions[0].latest_activity = null;
    if (sparse.sessions[1] !== undefined) delete sparse.sessions[1].latest_activity;
    expect(pathsOf(latestActivityObject, sparse)).toEqual([]);
  });

  test('fires at /sessions/i/latest_activity/object for another object type', () => {
    const broken = copy(client(1));
    const activity = broken.sessions[0]?.latest_activity;
    if (activity) activity.object = 'activity';
    expect(pathsOf(latestActivityObject, broken)).toEqual(['/sessions/0/latest_activity/object']);
  });
});
