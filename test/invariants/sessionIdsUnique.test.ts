import { describe, expect, test } from 'vitest';
import { sessionIdsUnique } from '../../src/invariants/sessionIdsUnique.js';
import { client, copy, findingsOf, pathsOf, validClients } from '../helpers.js';

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

describe('session-ids-unique on many sessions and on ids of other types', () => {
  // Past 16 ids the rule hashes instead of comparing pairs: both ways must find the same repeats.
  test.each([3, 16, 17, 40])(
    'finds a repeat at the end of %i sessions, in sessions and in session_ids',
    (count) => {
      const broken = copy(client(count));
      const first = broken.sessions[0];
      if (first === undefined) throw new Error('fixture has sessions');
      broken.sessions[count - 1] = { ...copy(first) };
      broken.session_ids[count - 1] = first.id;
      expect(findingsOf(sessionIdsUnique, broken)).toEqual([
        {
          path: `/session_ids/${count - 1}`,
          message: 'must be unique',
          params: { id: first.id, firstAt: '/session_ids/0' },
        },
        {
          path: `/sessions/${count - 1}/id`,
          message: 'must be unique',
          params: { id: first.id, firstAt: '/sessions/0/id' },
        },
      ]);
    },
  );

  test.each([3, 40])('a repeat in session_ids alone, among %i, is found', (count) => {
    const broken = copy(client(count));
    broken.session_ids[1] = broken.session_ids[0] ?? '';
    expect(pathsOf(sessionIdsUnique, broken)).toEqual(['/session_ids/1']);
  });

  test.each([3, 40])(
    'ids that are no strings are the schema’s finding, however often they repeat (%i)',
    (count) => {
      const odd = copy(client(count)) as unknown as {
        session_ids: unknown[];
        sessions: Array<{ id: unknown }>;
      };
      odd.session_ids = odd.session_ids.map(() => null);
      for (const session of odd.sessions) session.id = 7;
      expect(pathsOf(sessionIdsUnique, odd)).toEqual([]);
      odd.session_ids[2] = 'sess_x';
      expect(pathsOf(sessionIdsUnique, odd)).toEqual([]);
    },
  );
});
