import { pointer } from '../jsonPointer.js';
import { isObject, type JsonObject, sessionsOf } from './_internals/read.js';
import type { Finding, Invariant } from './types.js';

/** Each id field and the prefix its values carry. */
const CLIENT_IDS = { id: 'client_', sign_in_id: 'sia_', sign_up_id: 'sua_', last_active_session_id: 'sess_' };
const SESSION_IDS = {
  id: 'sess_',
  client_id: 'client_',
  user_id: 'user_',
  last_active_organization_id: 'org_',
};
const ACTIVITY_IDS = { id: 'sess_activity_' };

/** Ids carry the prefix of what they name. */
export const idPrefixes = {
  id: 'id-prefixes',
  description:
    'Ids carry their prefix: `client_` (`id`, `client_id`), `sess_` (session ids, `session_ids`, `last_active_session_id`), `user_`, `sia_`, `sua_`, `org_`, `sess_activity_`.',
  severity: { default: 'warning', strict: 'error' },
  evidence: 'Real data: every id of every capture.',
  check(client) {
    if (!isObject(client)) return [];
    const findings = wrongPrefixes(client, CLIENT_IDS, []);
    if (Array.isArray(client.session_ids)) {
      client.session_ids.forEach((id, index) => {
        findings.push(...wrongPrefix(id, 'sess_', pointer('session_ids', index)));
      });
    }
    for (const { index, session } of sessionsOf(client)) {
      findings.push(...wrongPrefixes(session, SESSION_IDS, ['sessions', index]));
      if (isObject(session.latest_activity)) {
        findings.push(
          ...wrongPrefixes(session.latest_activity, ACTIVITY_IDS, ['sessions', index, 'latest_activity']),
        );
      }
    }
    return findings;
  },
} satisfies Invariant;

function wrongPrefixes(
  object: JsonObject,
  fields: Record<string, string>,
  at: Array<string | number>,
): Finding[] {
  return Object.entries(fields).flatMap(([field, prefix]) =>
    wrongPrefix(object[field], prefix, pointer(...at, field)),
  );
}

function wrongPrefix(id: unknown, prefix: string, path: string): Finding[] {
  if (typeof id !== 'string' || (id.startsWith(prefix) && id.length > prefix.length)) return [];
  return [{ path, message: `must start with ${prefix}`, params: { prefix, id } }];
}
