import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Violation } from '../check/types.js';
import { pointer } from '../jsonPointer.js';
import schemaJson from './clerk-client.schema.json' with { type: 'json' };

/**
 * The seed schema, as vendored verbatim from `shared/seed`. Typed as a plain JSON object: declaration files that
 * import JSON lose their import attribute, which breaks consumers' type checks under NodeNext.
 */
export const clientSchema: { readonly [keyword: string]: unknown } = schemaJson;

// ajv-formats is CommonJS: under NodeNext its default export arrives as `module.default`.
const addFormats = addFormatsModule.default;

// Ajv honours OpenAPI's `nullable: true` natively, which is what the seed means by it.
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schemaJson);

/** Validates `value` against the seed schema: one violation per path, the first Ajv reports there. */
export function schemaViolations(value: unknown): Violation[] {
  if (validate(value)) return [];
  const byPath = new Map<string, Violation>();
  for (const error of validate.errors ?? []) {
    const path = pathOf(error);
    if (!byPath.has(path)) byPath.set(path, toViolation(error, path));
  }
  return [...byPath.values()];
}

/** The missing or extra property for `required`/`additionalProperties`, else the offending value. */
function pathOf(error: ErrorObject): string {
  if (error.keyword === 'required') return error.instancePath + pointer(error.params.missingProperty);
  if (error.keyword === 'additionalProperties')
    return error.instancePath + pointer(error.params.additionalProperty);
  return error.instancePath;
}

function toViolation(error: ErrorObject, path: string): Violation {
  const message =
    error.keyword === 'required'
      ? 'must be present'
      : error.keyword === 'additionalProperties'
        ? 'must not be present'
        : (error.message ?? `must satisfy ${error.keyword}`);
  return { rule: `schema/${error.keyword}`, severity: 'error', path, message, params: { ...error.params } };
}
