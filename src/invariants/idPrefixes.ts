import { pointer } from '../jsonPointer.js';
import { isObject, NO_FINDINGS, sessionsOf } from './_internals/read.js';
import type { Finding, Invariant } from './types.js';

/** Ids carry the prefix of what they name. */
export const idPrefixes = {
  id: 'id-prefixes',
  description:
    'Ids carry their prefix: `client_` (`id`, `client_id`), `sess_` (session ids, `session_ids`, `last_active_session_id`), `user_`, `sia_`, `sua_`, `org_`, `sess_activity_`.',
  severity: { default: 'warning', strict: 'error' },
  evidence: 'Real data: every id of every capture.',
  check(client) {
    if (!isObject(client)) return NO_FINDINGS;
    // Named reads, and paths built only on failure: this rule runs on every Client and stays cheap that way.
    let found: Finding[] | undefined;
    const { id, sign_in_id: signIn, sign_up_id: signUp, last_active_session_id: lastActive } = client;
    if (wrong(id, 'client_')) found = add(found, id, 'client_', '/id');
    if (wrong(signIn, 'sia_')) found = add(found, signIn, 'sia_', '/sign_in_id');
    if (wrong(signUp, 'sua_')) found = add(found, signUp, 'sua_', '/sign_up_id');
    if (wrong(lastActive, 'sess_')) found = add(found, lastActive, 'sess_', '/last_active_session_id');
    const listed = Array.isArray(client.session_ids) ? client.session_ids : NO_FINDINGS;
    for (let index = 0; index < listed.length; index++) {
      if (wrong(listed[index], 'sess_'))
        found = add(found, listed[index], 'sess_', pointer('session_ids', index));
    }
    const sessions = sessionsOf(client);
    for (let index = 0; index < sessions.length; index++) {
      const session = sessions[index];
      if (!isObject(session)) continue;
      const {
        id,
        client_id: clientId,
        user_id: userId,
        last_active_organization_id: org,
        latest_activity: activity,
      } = session;
      if (wrong(id, 'sess_')) found = add(found, id, 'sess_', pointer('sessions', index, 'id'));
      if (wrong(clientId, 'client_'))
        found = add(found, clientId, 'client_', pointer('sessions', index, 'client_id'));
      if (wrong(userId, 'user_')) found = add(found, userId, 'user_', pointer('sessions', index, 'user_id'));
      if (wrong(org, 'org_'))
        found = add(found, org, 'org_', pointer('sessions', index, 'last_active_organization_id'));
      if (isObject(activity) && wrong(activity.id, 'sess_activity_')) {
        found = add(
          found,
          activity.id,
          'sess_activity_',
          pointer('sessions', index, 'latest_activity', 'id'),
        );
      }
    }
    return found ?? NO_FINDINGS;
  },
} satisfies Invariant;

/** A string without the prefix; any other type is the schema's finding. */
function wrong(id: unknown, prefix: string): boolean {
  return typeof id === 'string' && !(id.length > prefix.length && id.startsWith(prefix));
}

/** Appends to one array per Client (never a copy per finding, which made many broken sessions quadratic). */
function add(found: Finding[] | undefined, id: unknown, prefix: string, path: string): Finding[] {
  const list = found ?? [];
  list.push({ path, message: `must start with ${prefix}`, params: { prefix, id } });
  return list;
}
