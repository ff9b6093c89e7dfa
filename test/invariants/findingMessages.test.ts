import { describe, expect, test } from 'vitest';
import { activeSessionHasToken } from '../../src/invariants/activeSessionHasToken.js';
import { completedSignInSessionListed } from '../../src/invariants/completedSignInSessionListed.js';
import { expireNotAfterAbandon } from '../../src/invariants/expireNotAfterAbandon.js';
import { lastActiveSessionListed } from '../../src/invariants/lastActiveSessionListed.js';
import { lastActiveSessionSignedIn } from '../../src/invariants/lastActiveSessionSignedIn.js';
import { latestActivityObject } from '../../src/invariants/latestActivityObject.js';
import { sessionClientIdMatches } from '../../src/invariants/sessionClientIdMatches.js';
import { sessionIdsOrdered } from '../../src/invariants/sessionIdsOrdered.js';
import { sessionsAfterClient } from '../../src/invariants/sessionsAfterClient.js';
import { timestampsOrdered } from '../../src/invariants/timestampsOrdered.js';
import { client, copy, fapiClient, findingsOf, signInAttempt, T0 } from '../helpers.js';

/** What a report shows: each rule's message and params, on one targeted break. */
describe('each finding says what is wrong, with the values it compared', () => {
  test('session ids and the last active session', () => {
    const reordered = copy(client(2));
    reordered.session_ids.reverse();
    const [first, second] = reordered.sessions;
    expect(findingsOf(sessionIdsOrdered, reordered)).toEqual([
      {
        path: '/session_ids',
        message: 'must be in the order of sessions',
        params: { index: 0, expected: first?.id, actual: second?.id },
      },
    ]);
    const unlisted = { ...copy(client(1)), last_active_session_id: 'sess_other' };
    expect(findingsOf(lastActiveSessionListed, unlisted)).toEqual([
      {
        path: '/last_active_session_id',
        message: 'must be the id of one of sessions',
        params: { id: 'sess_other' },
      },
    ]);
    const ended = copy(client(2));
    if (ended.sessions[1]) ended.sessions[1].status = 'ended';
    expect(findingsOf(lastActiveSessionSignedIn, ended)).toEqual([
      {
        path: '/last_active_session_id',
        message: 'must name an active or pending session',
        params: { id: ended.last_active_session_id, status: 'ended', sessionIndex: 1 },
      },
    ]);
    const moved = copy(client(1));
    if (moved.sessions[0]) moved.sessions[0].client_id = 'client_other';
    expect(findingsOf(sessionClientIdMatches, moved)).toEqual([
      {
        path: '/sessions/0/client_id',
        message: 'must equal the client id',
        params: { expected: moved.id, actual: 'client_other' },
      },
    ]);
  });

  test('timestamps', () => {
    const broken = copy(client(1));
    const session = broken.sessions[0];
    if (session === undefined) throw new Error('fixture has sessions');
    session.updated_at = session.created_at - 1;
    session.expire_at = session.created_at;
    expect(findingsOf(timestampsOrdered, broken)).toEqual([
      {
        path: '/sessions/0/updated_at',
        message: 'must be at or after created_at',
        params: { created_at: session.created_at, updated_at: session.updated_at },
      },
      {
        path: '/sessions/0/expire_at',
        message: 'must be after created_at',
        params: { created_at: session.created_at, expire_at: session.expire_at },
      },
    ]);
    session.abandon_at = session.expire_at - 1;
    expect(findingsOf(expireNotAfterAbandon, broken)).toEqual([
      {
        path: '/sessions/0/abandon_at',
        message: 'must be at or after expire_at',
        params: { expire_at: session.expire_at, abandon_at: session.abandon_at },
      },
    ]);
  });

  test('embedded objects and the Frontend API’s rules', () => {
    const odd = copy(client(1));
    if (odd.sessions[0]?.latest_activity) odd.sessions[0].latest_activity.object = 'activity';
    expect(findingsOf(latestActivityObject, odd)).toEqual([
      {
        path: '/sessions/0/latest_activity/object',
        message: 'must be "session_activity"',
        params: { actual: 'activity' },
      },
    ]);
    const fapi = fapiClient(1);
    const session = fapi.sessions[0] as Record<string, unknown>;
    session.last_active_token = null;
    session.created_at = T0 - 5000;
    fapi.sign_in = signInAttempt(T0, { status: 'complete', created_session_id: 'sess_gone' });
    expect(findingsOf(activeSessionHasToken, fapi)).toEqual([
      {
        path: '/sessions/0/last_active_token',
        message: 'must be a token while the session is active',
        params: { id: session.id },
      },
    ]);
    expect(findingsOf(sessionsAfterClient, fapi)).toEqual([
      {
        path: '/sessions/0/created_at',
        message: "must not be more than 1000 ms before the client's created_at",
        params: { client_created_at: T0, created_at: T0 - 5000, clockSkewMs: 1000 },
      },
    ]);
    expect(findingsOf(completedSignInSessionListed, fapi)).toEqual([
      {
        path: '/sign_in/created_session_id',
        message: 'must be the id of one of sessions',
        params: { id: 'sess_gone' },
      },
    ]);
  });
});
