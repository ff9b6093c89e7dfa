import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Violation } from '../check/types.js';
import { pointer, tokensOf } from '../jsonPointer.js';
import schemaJson from './clerk-client.schema.json' with { type: 'json' };
import { knownVocabulary } from './knownVocabulary.js';

/**
 * The seed schema, as vendored verbatim from `shared/seed`. Typed as a plain JSON object: declaration files that
 * import JSON lose their import attribute, which breaks consumers' type checks under NodeNext.
 */
export const clientSchema: { readonly [keyword: string]: unknown } = schemaJson;

/** A JSON Schema document or subschema, as Ajv takes it. */
export type SchemaObject = { readonly [keyword: string]: unknown };

/** Validates one value: one violation per path, the first Ajv reports there. */
export type SchemaValidator = (value: unknown) => Violation[];

/** 2^63: JSON's 9223372036854775807 (the largest int64) parses to it. */
const INT64_BOUND = 2 ** 63;

// ajv-formats is CommonJS: under NodeNext its default export arrives as `module.default`.
const addFormats = addFormatsModule.default;

let shared: Ajv2020 | undefined;

/**
 * The project's one Ajv, made on first use: a run whose documents the fast path certifies never needs it, and
 * checking the seed against Ajv's meta-schema costs each process ~0.1 s of start-up.
 */
function ajv(): Ajv2020 {
  if (shared === undefined) {
    // Ajv honours OpenAPI's `nullable: true` natively, which is what the seed means by it.
    shared = new Ajv2020({ strict: true, allErrors: true });
    addFormats(shared);
    // ajv-formats takes any integer as int64; 18446744073709551615 (an unsigned -1) is none: JSON numbers past
    // 2^63 are.
    shared.addFormat('int64', {
      type: 'number',
      validate: (value: number) => Number.isInteger(value) && Math.abs(value) <= INT64_BOUND,
    });
    shared.addSchema(schemaJson);
  }
  return shared;
}

/** The seed's `$id`: `${SEED_ID}#/properties/sessions/items` is its Session. */
export const SEED_ID = schemaJson.$id;

/** Registers a schema document with an `$id` so that references into it (`<id>#/$defs/Client`) compile. */
export function addSchemaDocument(document: SchemaObject): void {
  if (ajv().getSchema(String(document.$id)) === undefined) ajv().addSchema(document);
}

/** A validator for a schema (or `{ $ref }` into a registered document), compiled once by Ajv. */
export function compileValidator(schema: SchemaObject): SchemaValidator {
  const validate = ajv().compile(schema);
  return (value) => (validate(value) ? [] : violationsOf(validate, value));
}

let validateSeed: ValidateFunction | undefined;

/** Validates `value` against the seed schema (a Backend API Client of the latest API version). */
export function schemaViolations(value: unknown): Violation[] {
  validateSeed ??= ajv().compile({ $ref: SEED_ID });
  return validateSeed(value) ? [] : violationsOf(validateSeed, value);
}

function violationsOf(validate: ValidateFunction, value: unknown): Violation[] {
  const errors = validate.errors ?? [];
  const byPath = new Map<string, Violation>();
  for (const error of errors) {
    if (isBranchNoise(error, errors)) continue;
    const path = pathOf(error);
    if (!byPath.has(path)) byPath.set(path, toViolation(error, path, value));
  }
  return [...byPath.values()];
}

/**
 * A "nullable" written as `anyOf: [{type: 'null'}, …]` (or `oneOf`) fails both branches on a bad object: the `null`
 * branch's complaint and the `anyOf` summary say nothing the other branch's errors do not, so they are dropped.
 */
function isBranchNoise(error: ErrorObject, errors: readonly ErrorObject[]): boolean {
  if (
    error.keyword === 'type' &&
    error.params.type === 'null' &&
    /\/(?:anyOf|oneOf)\/\d+\/type$/.test(error.schemaPath)
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

/**
 * A property or `status` that no Clerk schema of any surface or version documents is one the tool does not know yet
 * (`unknown-property`, `unknown-status`); one that some Clerk object has is a value Clerk would not send here.
 */
function ruleOf(error: ErrorObject, root: unknown): string {
  const { properties, statuses } = knownVocabulary();
  if (error.keyword === 'additionalProperties' && !properties.has(error.params.additionalProperty))
    return 'unknown-property';
  if (error.keyword === 'enum' && error.instancePath.endsWith('/status')) {
    const status = valueAt(root, error.instancePath);
    if (typeof status === 'string' && !statuses.has(status)) return 'unknown-status';
  }
  return `schema/${error.keyword}`;
}

function valueAt(root: unknown, path: string): unknown {
  let value = root;
  for (const token of tokensOf(path)) value = (value as Record<string, unknown> | undefined)?.[token];
  return value;
}

function toViolation(error: ErrorObject, path: string, root: unknown): Violation {
  const message =
    error.keyword === 'required'
      ? 'must be present'
      : error.keyword === 'additionalProperties'
        ? 'must not be present'
        : (error.message ?? `must satisfy ${error.keyword}`);
  return { rule: ruleOf(error, root), severity: 'error', path, message, params: { ...error.params } };
}
