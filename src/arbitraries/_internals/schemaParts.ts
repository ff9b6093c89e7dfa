/** @internal The parts of the seed schema the arbitraries compile, found by JSON Pointer. */
import { tokensOf } from '../../jsonPointer.js';
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
