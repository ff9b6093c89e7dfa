import { describe, expect, test } from 'vitest';
import { sessionIdsMatchSessions } from '../../src/invariants/sessionIdsMatchSessions.js';
import { client, copy, findingsOf, pathsOf, validClients } from '../helpers.js';

describe('session-ids-match-sessions', () => {
  test.each(validClients)('holds on a valid client with $sessions.length sessions', (valid) => {
    expect(pathsOf(sessionIdsMatchSessions, valid)).toEqual([]);
  });

  test('fires at /session_ids when an id is missing, with what is missing', () => {
    const broken = copy(client(2));
    const dropped = broken.session_ids.pop();
    expect(findingsOf(sessionIdsMatchSessions, broken)).toEqual([
      {
        path: '/session_ids',
        message: 'must list exactly the ids of sessions',
        params: { missing: [dropped], unexpected: [] },
      },
    ]);
  });

  test('fires when an id is listed twice but the session appears once (multisets)', () => {
    const broken = copy(client(2));
    broken.session_ids = [broken.session_ids[0] ?? '', broken.session_ids[0] ?? ''];
    expect(pathsOf(sessionIdsMatchSessions, broken)).toEqual(['/session_ids']);
  });

  test('ignores order (session-ids-ordered judges it)', () => {
    const reordered = copy(client(3));
    reordered.session_ids.reverse();
    expect(pathsOf(sessionIdsMatchSessions, reordered)).toEqual([]);
  });

  test('stays silent when a session id has the wrong type (the schema reports it)', () => {
    const broken = copy(client(1)) as unknown as { sessions: Array<{ id: unknown }> };
    (broken.sessions[0] as { id: unknown }).id = 42;
    expect(pathsOf(sessionIdsMatchSessions, broken)).toEqual([]);
  });
});
