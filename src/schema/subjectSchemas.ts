import type { SubjectKind } from '../documents/subjectKinds.js';
import { SUBJECT_KINDS } from '../documents/subjectKinds.js';
import schemaJson from './clerk-client.schema.json' with { type: 'json' };
import { type ApiVersion, definitionName, derivedDocument, LATEST_API_VERSION } from './derived/index.js';
import { withSpecGaps } from './specGaps.js';
import {
  addSchemaDocument,
  compileValidator,
  type SchemaObject,
  type SchemaValidator,
  SEED_ID,
} from './validator.js';

const validators = new Map<string, SchemaValidator>();

/** The schema validator of a kind of object in an API version, compiled on first use and kept. */
export function subjectValidator(
  kind: SubjectKind,
  version: ApiVersion = LATEST_API_VERSION,
): SchemaValidator {
  const key = `${kind}@${version}`;
  let validator = validators.get(key);
  if (validator === undefined) {
    validator = compileValidator(schemaOf(kind, version));
    validators.set(key, validator);
  }
  return validator;
}

/**
 * The seed is the contract for Backend API objects of the latest version; other versions, and the Frontend API,
 * use the schemas derived from Clerk's dated specs (`npm run derive`).
 */
function schemaOf(kind: SubjectKind, version: ApiVersion): SchemaObject {
  const { surface, object } = SUBJECT_KINDS[kind];
  if (surface === 'bapi' && version === LATEST_API_VERSION) {
    if (kind === 'client') return { $ref: SEED_ID };
    if (kind === 'session') return { $ref: `${SEED_ID}#/properties/sessions/items` };
    return withUser(schemaJson.properties.sessions.items, version);
  }
  const document = withSpecGaps(derivedDocument(surface, version), surface, version);
  addSchemaDocument(document);
  const name = definitionName(surface, object, version);
  if (kind === 'webhook') return withUser(definitionOf(document, name), version, document.$defs);
  // A Client or Session document is an object, whatever the spec says of a nullable reference to one.
  return { $ref: `${String(document.$id)}#/$defs/${name}`, type: 'object' };
}

function definitionOf(document: SchemaObject, name: string): SessionSchema {
  return (document.$defs as Record<string, SessionSchema>)[name] as SessionSchema;
}

type SessionSchema = { properties: object; required: string[] };

/**
 * The Session of a `session.*` webhook event: a Session that also carries the `user` (the webhooks spec's
 * `SessionEventPayload` is an `allOf` of Session and `{user}`, which no validator can apply as written, since the
 * Session forbids additional properties; its Session also lacks `pending` and `tasks`, so the API's is used).
 */
function withUser(session: SessionSchema, version: ApiVersion, $defs?: unknown): SchemaObject {
  return {
    $id: `https://clerk-client-conformance.dev/webhook-session-${version}.json`,
    ...($defs === undefined ? {} : { $defs }),
    ...session,
    properties: { ...session.properties, user: { type: 'object' } },
    required: [...session.required, 'user'],
  };
}
