import { describe, expect, test } from 'vitest';
import { idPrefixes } from '../../src/invariants/idPrefixes.js';
import { client, copy, findingsOf, pathsOf, validClients } from '../helpers.js';

describe('id-prefixes', () => {
  test.each(validClients)('holds on a valid client with $sessions.length sessions', (valid) => {
    expect(pathsOf(idPrefixes, valid)).toEqual([]);
  });

  test('holds on sign-in, sign-up and organization ids with their prefixes', () => {
    const full = copy(client(1));
    full.sign_in_id = 'sia_2ohNn8o55J9vvkkko1KowJ987Cu';
    full.sign_up_id = 'sua_2ohNn8o55J9vvkkko1KowJ987Cu';
    if (full.sessions[0] !== undefined)
      full.sessions[0].last_active_organization_id = 'org_2ohNn8o55J9vvkkko1KowJ987Cu';
    expect(pathsOf(idPrefixes, full)).toEqual([]);
  });

  test('fires at each id field with a wrong prefix', () => {
    const broken = copy(client(1));
    broken.id = broken.id.replace('client_', 'cli_');
    broken.sign_in_id = 'sign_in_123';
    broken.session_ids[0] = 'session_1';
    const first = broken.sessions[0];
    if (first === undefined || !first.latest_activity) throw new Error('fixture has an activity');
    first.id = 'session_1';
    first.client_id = broken.id;
    first.user_id = 'usr_1';
    first.last_active_organization_id = 'organization_1';
    first.latest_activity.id = 'activity_1';
    broken.last_active_session_id = 'session_1';
    expect(pathsOf(idPrefixes, broken)).toEqual([
      '/id',
      '/sign_in_id',
      '/last_active_session_id',
      '/session_ids/0',
      '/sessions/0/id',
      '/sessions/0/client_id',
      '/sessions/0/user_id',
      '/sessions/0/last_active_organization_id',
      '/sessions/0/latest_activity/id',
    ]);
  });

  test('fires on a bare prefix with nothing after it', () => {
    expect(pathsOf(idPrefixes, { ...client(0), id: 'client_' })).toEqual(['/id']);
  });
});

// biome-ignore-start lint/suspicious/noExplicitAny: Clients broken field by field
describe('id-prefixes: what each finding says', () => {
  test('names the prefix and the id, at every field, embedded attempts and users included', () => {
    const broken = copy(client(1)) as unknown as Record<string, any>;
    broken.sign_up_id = 'signup_1';
    broken.sign_in = { id: 'signin_1' };
    broken.sign_up = { id: 'signup_2' };
    broken.session_ids.push('x_1', 'x_2');
    broken.sessions[0].user = { id: 'u_1' };
    const findings = findingsOf(idPrefixes, broken).map(({ path, message, params }) => [
      path,
      message,
      params,
    ]);
    expect(findings).toEqual([
      ['/sign_up_id', 'must start with sua_', { prefix: 'sua_', id: 'signup_1' }],
      ['/sign_in/id', 'must start with sia_', { prefix: 'sia_', id: 'signin_1' }],
      ['/sign_up/id', 'must start with sua_', { prefix: 'sua_', id: 'signup_2' }],
      ['/session_ids/1', 'must start with sess_', { prefix: 'sess_', id: 'x_1' }],
      ['/session_ids/2', 'must start with sess_', { prefix: 'sess_', id: 'x_2' }],
      ['/sessions/0/user/id', 'must start with user_', { prefix: 'user_', id: 'u_1' }],
    ]);
  });

  test('each field is checked against its own prefix', () => {
    const swapped = copy(client(1)) as unknown as Record<string, any>;
    const session = swapped.sessions[0];
    const [clientId, sessionId, userId] = [swapped.id, session.id, session.user_id];
    Object.assign(swapped, { id: sessionId, last_active_session_id: clientId, sign_in_id: 'sua_1' });
    swapped.session_ids = [userId];
    Object.assign(session, { id: userId, client_id: sessionId, user_id: clientId });
    session.last_active_organization_id = 'user_1';
    session.latest_activity.id = 'sess_1';
    expect(findingsOf(idPrefixes, swapped).map(({ path, params }) => `${path} ${params?.prefix}`)).toEqual([
      '/id client_',
      '/sign_in_id sia_',
      '/last_active_session_id sess_',
      '/session_ids/0 sess_',
      '/sessions/0/id sess_',
      '/sessions/0/client_id client_',
      '/sessions/0/user_id user_',
      '/sessions/0/last_active_organization_id org_',
      '/sessions/0/latest_activity/id sess_activity_',
    ]);
  });
});
// biome-ignore-end lint/suspicious/noExplicitAny: Clients broken field by field
