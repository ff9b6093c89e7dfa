import type { SubjectKind } from '../documents/subjectKinds.js';
import schemaJson from './clerk-client.schema.json' with { type: 'json' };
import { compileValidator, type SchemaObject, type SchemaValidator, SEED_ID } from './validator.js';

const validators = new Map<string, SchemaValidator>();

/** The schema validator of a kind of subject, compiled on first use and kept. */
export function subjectValidator(kind: SubjectKind): SchemaValidator {
  let validator = validators.get(kind);
  if (validator === undefined) {
    validator = compileValidator(schemaOf(kind));
    validators.set(kind, validator);
  }
  return validator;
}

function schemaOf(kind: SubjectKind): SchemaObject {
  if (kind === 'client') return { $ref: SEED_ID };
  if (kind === 'session') return { $ref: `${SEED_ID}#/properties/sessions/items` };
  if (kind === 'webhook') return withUser(schemaJson.properties.sessions.items);
  throw new Error(`no schema for ${kind} yet`);
}

/**
 * The Session of a `session.*` webhook event: a Session that also carries the `user` (webhooks spec
 * `SessionEventPayload`, an `allOf` of Session and `{user}`, which a validator cannot apply as written since the
 * Session forbids additional properties).
 */
function withUser(session: { properties: object; required: string[] }): SchemaObject {
  return {
    ...session,
    properties: { ...session.properties, user: { type: 'object' } },
    required: [...session.required, 'user'],
  };
}
