import { pointer } from '../jsonPointer.js';
import { addFinding, perSession, sessionPath } from './_internals/perSession.js';
import { isObject, NO_FINDINGS } from './_internals/read.js';
import type { Finding, Invariant } from './types.js';

/** Ids carry the prefix of what they name. */
export const idPrefixes = {
  id: 'id-prefixes',
  description:
    'Ids carry their prefix: `client_` (`id`, `client_id`), `sess_` (session ids, `session_ids`, `last_active_session_id`), `user_` (`user_id`, `user.id`), `sia_` (`sign_in_id`, `sign_in.id`), `sua_` (`sign_up_id`, `sign_up.id`), `org_`, `sess_activity_`.',
  severity: { default: 'warning', strict: 'error' },
  evidence:
    'Real data: every id of every capture carries its prefix; undocumented in the spec (ids are plain strings there). Warning by default.',
  surfaces: ['bapi', 'fapi'],
  reads: [
    '/id',
    '/sign_in_id',
    '/sign_up_id',
    '/sign_in/id',
    '/sign_up/id',
    '/last_active_session_id',
    '/session_ids/*',
    '/sessions/*/id',
    '/sessions/*/client_id',
    '/sessions/*/user_id',
    '/sessions/*/user/id',
    '/sessions/*/last_active_organization_id',
    '/sessions/*/latest_activity/id',
  ],
  dependsOn: [],
  // Named reads, and paths built only on failure: this rule runs on every Client and stays cheap that way.
  ...perSession(
    (session, _context, index, found) => {
      const { id, client_id: clientId, user_id: userId, last_active_organization_id: org } = session;
      const { latest_activity: activity, user } = session;
      if (wrong(id, 'sess_')) found = add(found, id, 'sess_', sessionPath(index, 'id'));
      if (wrong(clientId, 'client_'))
        found = add(found, clientId, 'client_', sessionPath(index, 'client_id'));
      if (wrong(userId, 'user_')) found = add(found, userId, 'user_', sessionPath(index, 'user_id'));
      if (isObject(user) && wrong(user.id, 'user_'))
        found = add(found, user.id, 'user_', sessionPath(index, 'user', 'id'));
      if (wrong(org, 'org_'))
        found = add(found, org, 'org_', sessionPath(index, 'last_active_organization_id'));
      if (isObject(activity) && wrong(activity.id, 'sess_activity_'))
        found = add(found, activity.id, 'sess_activity_', sessionPath(index, 'latest_activity', 'id'));
      return found;
    },
    (client, _context, found) => {
      const { id, sign_in_id: signInId, sign_up_id: signUpId, last_active_session_id: lastActive } = client;
      const { sign_in: signIn, sign_up: signUp } = client;
      if (wrong(id, 'client_')) found = add(found, id, 'client_', '/id');
      if (wrong(signInId, 'sia_')) found = add(found, signInId, 'sia_', '/sign_in_id');
      if (wrong(signUpId, 'sua_')) found = add(found, signUpId, 'sua_', '/sign_up_id');
      if (isObject(signIn) && wrong(signIn.id, 'sia_')) found = add(found, signIn.id, 'sia_', '/sign_in/id');
      if (isObject(signUp) && wrong(signUp.id, 'sua_')) found = add(found, signUp.id, 'sua_', '/sign_up/id');
      if (wrong(lastActive, 'sess_')) found = add(found, lastActive, 'sess_', '/last_active_session_id');
      const listed = Array.isArray(client.session_ids) ? client.session_ids : NO_FINDINGS;
      for (let index = 0; index < listed.length; index++) {
        if (wrong(listed[index], 'sess_'))
          found = add(found, listed[index], 'sess_', pointer('session_ids', index));
      }
      return found;
    },
  ),
} satisfies Invariant;

/** A string without the prefix; any other type is the schema's finding. */
function wrong(id: unknown, prefix: string): boolean {
  return typeof id === 'string' && !(id.length > prefix.length && id.startsWith(prefix));
}

function add(found: Finding[] | undefined, id: unknown, prefix: string, path: string): Finding[] {
  return addFinding(found, { path, message: `must start with ${prefix}`, params: { prefix, id } });
}
