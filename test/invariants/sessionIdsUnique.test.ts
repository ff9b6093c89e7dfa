import { describe, expect, test } from 'vitest';
import { sessionIdsUnique } from '../../src/invariants/sessionIdsUnique.js';
import { client, copy, pathsOf, validClients } from '../helpers.js';

describe('session-ids-unique', () => {
  test.each(validClients)('holds on a valid client with $sessions.length sessions', (valid) => {
    expect(pathsOf(sessionIdsUnique, valid)).toEqual([]);
  });

  test('fires at the repeated occurrence in sessions and in session_ids, not the first', () => {
    const broken = copy(client(3));
    const first = broken.sessions[0];
    if (first === undefined) throw new Error('fixture has sessions');
    broken.sessions[2] = { ...copy(first) };
    broken.session_ids[2] = first.id;
    expect(pathsOf(sessionIdsUnique, broken)).toEqual(['/session_ids/2', '/sessions/2/id']);
  });
});
