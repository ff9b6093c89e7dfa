import { describe, expect, test } from 'vitest';
import { idPrefixes } from '../../src/invariants/idPrefixes.js';
import { client, copy, pathsOf, validClients } from '../helpers.js';

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
