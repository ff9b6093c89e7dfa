import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Violation } from '../check/types.js';
import { pointer } from '../jsonPointer.js';
import schemaJson from './clerk-client.schema.json' with { type: 'json' };

/**
 * The seed schema, as vendored verbatim from `shared/seed`. Typed as a plain JSON object: declaration files that
 * import JSON lose their import attribute, which breaks consumers' type checks under NodeNext.
 */
export const clientSchema: { readonly [keyword: string]: unknown } = schemaJson;

/** A JSON Schema document or subschema, as Ajv takes it. */
export type SchemaObject = { readonly [keyword: string]: unknown };

/** Validates one value: one violation per path, the first Ajv reports there. */
export type SchemaValidator = (value: unknown) => Violation[];

// ajv-formats is CommonJS: under NodeNext its default export arrives as `module.default`.
const addFormats = addFormatsModule.default;

// Ajv honours OpenAPI's `nullable: true` natively, which is what the seed means by it.
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
ajv.addSchema(schemaJson);

/** The seed's `$id`: `${SEED_ID}#/properties/sessions/items` is its Session. */
export const SEED_ID = schemaJson.$id;

/** Registers a schema document with an `$id` so that references into it (`<id>#/$defs/Client`) compile. */
export function addSchemaDocument(document: SchemaObject): void {
  if (ajv.getSchema(String(document.$id)) === undefined) ajv.addSchema(document);
}

/** A validator for a schema (or `{ $ref }` into a registered document), compiled once by Ajv. */
export function compileValidator(schema: SchemaObject): SchemaValidator {
  const validate = ajv.compile(schema);
  return (value) => (validate(value) ? [] : violationsOf(validate));
}

const validateSeed = ajv.compile({ $ref: SEED_ID });

/** Validates `value` against the seed schema (a Backend API Client of the latest API version). */
export function schemaViolations(value: unknown): Violation[] {
  return validateSeed(value) ? [] : violationsOf(validateSeed);
}

function violationsOf(validate: ValidateFunction): Violation[] {
  const errors = validate.errors ?? [];
  const byPath = new Map<string, Violation>();
  for (const error of errors) {
    if (isBranchNoise(error, errors)) continue;
    const path = pathOf(error);
    if (!byPath.has(path)) byPath.set(path, toViolation(error, path));
  }
  return [...byPath.values()];
}

/**
 * A "nullable" written as `anyOf: [{type: 'null'}, …]` fails both branches on a bad object: the `null` branch's
 * complaint and the `anyOf` summary say nothing the other branch's errors do not, so they are dropped.
 */
function isBranchNoise(error: ErrorObject, errors: readonly ErrorObject[]): boolean {
  if (
    error.keyword === 'type' &&
    error.params.type === 'null' &&
    /\/anyOf\/\d+\/type$/.test(error.schemaPath)
  )
    return true;
  if (error.keyword !== 'anyOf' && error.keyword !== 'oneOf') return false;
  return errors.some(
    (other) => other !== error && other.keyword !== error.keyword && isAtOrBelow(other, error),
  );
}

function isAtOrBelow(other: ErrorObject, error: ErrorObject): boolean {
  if (other.keyword === 'type' && other.params.type === 'null') return false;
  return other.instancePath === error.instancePath || other.instancePath.startsWith(`${error.instancePath}/`);
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
