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
  const name = definitionName(surface, concept, version);
  return { schema: { ...derivedDocument(surface, version), $ref: `#/$defs/${name}` }, at: `/$defs/${name}` };
}

/** The session statuses of a surface's Session in an API version, read from its `status` enum. */
export function sessionStatuses(surface: Surface, version: ApiVersion): readonly string[] {
  const document = derivedDocument(surface, version) as { $defs: Record<string, JsonSchema> };
  const found: string[] = [];
  // The status may sit in an allOf member (FAPI: Client.Session extends Client.SessionBase).
  const pending: unknown[] = [document.$defs[definitionName(surface, 'session', version)]];
  while (pending.length > 0) {
    const node = pending.pop() as JsonSchema | undefined;
    if (node === undefined) continue;
    const status = (node.properties as Record<string, JsonSchema> | undefined)?.status;
    if (Array.isArray(status?.enum)) found.push(...(status.enum as string[]));
    for (const member of (node.allOf as JsonSchema[] | undefined) ?? [])
      pending.push(
        typeof member.$ref === 'string' ? document.$defs[member.$ref.slice('#/$defs/'.length)] : member,
      );
  }
  return found;
}
