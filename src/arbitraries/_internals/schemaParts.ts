/** @internal The parts of the seed schema the arbitraries compile, found by JSON Pointer. */
import { tokensOf } from '../../jsonPointer.js';
import {
  type ApiVersion,
  definitionName,
  derivedDocument,
  type Surface,
} from '../../schema/derived/index.js';
import { clientSchema } from '../../schema/validator.js';
import type { JsonSchema } from '../schemaArbitrary.js';

export const SESSION_POINTER = '/properties/sessions/items';
export const ACTIVITY_POINTER = `${SESSION_POINTER}/properties/latest_activity`;

/** The subschema of the seed at a JSON Pointer. */
export function subschema(pointer: string): JsonSchema {
  let node: unknown = clientSchema;
  for (const token of tokensOf(pointer)) node = (node as Record<string, unknown> | undefined)?.[token];
  if (typeof node !== 'object' || node === null) throw new Error(`no subschema at #${pointer}`);
  return node as JsonSchema;
}

/** The subschema without OpenAPI `nullable`: for generating a value that must be there. */
export function nonNullable(schema: JsonSchema): JsonSchema {
  const { nullable: _, ...rest } = schema;
  return rest;
}

/**
 * A derived Client or Session of one surface and API version as a schema of its own (the document's `$defs` and a
 * root `$ref`), and the JSON Pointer under which `schemaArbitrary` overrides name its properties.
 */
export function derivedRoot(
  surface: Surface,
  concept: 'client' | 'session',
  version: ApiVersion,
): { schema: JsonSchema; at: string } {
  return definitionRoot(surface, version, definitionName(surface, concept, version));
}

/**
 * Any `$defs` entry of a derived document as a schema of its own, and where overrides name its properties. An
 * `object` entry that the spec marks nullable (the FAPI Client, which fills the `client` slot of envelopes) can be
 * asked for as an object only: then its properties are named at the root.
 */
export function definitionRoot(
  surface: Surface,
  version: ApiVersion,
  name: string,
  objectOnly = false,
): { schema: JsonSchema; at: string } {
  const document = derivedDocument(surface, version);
  if (objectOnly)
    return { schema: { ...document, type: 'object', allOf: [{ $ref: `#/$defs/${name}` }] }, at: '' };
  return { schema: { ...document, $ref: `#/$defs/${name}` }, at: `/$defs/${name}` };
}

const declaredProperties = new Map<string, Map<string, JsonSchema>>();

/** The properties a `$defs` entry declares, its `allOf` members' and `$ref`s' included (computed once). */
export function definitionProperties(
  surface: Surface,
  version: ApiVersion,
  name: string,
): Map<string, JsonSchema> {
  const key = `${surface} ${version} ${name}`;
  const known = declaredProperties.get(key);
  if (known !== undefined) return known;
  const defs = (derivedDocument(surface, version) as { $defs: Record<string, JsonSchema> }).$defs;
  const found = new Map<string, JsonSchema>();
  const pending: unknown[] = [defs[name]];
  while (pending.length > 0) {
    const node = pending.pop() as JsonSchema | undefined;
    if (node === undefined) continue;
    if (typeof node.$ref === 'string') pending.push(defs[node.$ref.slice('#/$defs/'.length)]);
    for (const [property, schema] of Object.entries((node.properties as Record<string, JsonSchema>) ?? {}))
      found.set(property, schema);
    pending.push(...((node.allOf as JsonSchema[] | undefined) ?? []));
  }
  declaredProperties.set(key, found);
  return found;
}

/** The session statuses of a surface's Session in an API version, read from its `status` enum. */
export function sessionStatuses(surface: Surface, version: ApiVersion): readonly string[] {
  const status = definitionProperties(surface, version, definitionName(surface, 'session', version)).get(
    'status',
  );
  return (status?.enum as string[] | undefined) ?? [];
}
