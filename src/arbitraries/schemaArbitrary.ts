import fc from 'fast-check';
import { pointer } from '../jsonPointer.js';

/** The JSON Schema subset {@link schemaArbitrary} compiles. */
export type JsonSchema = { [keyword: string]: unknown };

/** Options of {@link schemaArbitrary}. */
export type SchemaArbitraryOptions = {
  /**
   * Arbitraries that replace what the schema would generate at a location, by JSON Pointer into the schema
   * (`/properties/sessions/items/properties/status`). Whether an optional property is present stays the schema's
   * choice. The replacement must produce values the schema accepts.
   * @defaultValue `{}`
   */
  overrides?: Readonly<Record<string, fc.Arbitrary<unknown>>>;
};

type Overrides = Readonly<Record<string, fc.Arbitrary<unknown>>>;

/** Thrown for a schema {@link schemaArbitrary} cannot compile; names the keyword and where it stands. */
export class UnsupportedSchemaError extends Error {
  constructor(message: string, schemaPath: string) {
    super(`schemaArbitrary: ${message} at #${schemaPath}`);
    this.name = 'UnsupportedSchemaError';
  }
}

/** Keywords that describe and never constrain. */
const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  '$comment',
  'title',
  'description',
  'examples',
  'default',
  'deprecated',
]);
/** Keywords that constrain and are compiled below. */
const COMPILED = new Set([
  'type',
  'nullable',
  'enum',
  'const',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
]);
const FORMATS: Record<string, (node: JsonSchema) => fc.Arbitrary<unknown>> = {
  // ajv-formats' int64 only asks for an integer; stay where JSON numbers are exact.
  int64: (node) =>
    fc.integer({
      min: bound(node.minimum, Number.MIN_SAFE_INTEGER),
      max: bound(node.maximum, Number.MAX_SAFE_INTEGER),
    }),
};

/**
 * Compiles a JSON Schema (the 2020-12 subset the Clerk seed uses, with OpenAPI `nullable`) into a fast-check
 * arbitrary whose every value the schema accepts. Any keyword outside that subset is refused, never ignored.
 */
export function schemaArbitrary(
  schema: JsonSchema,
  options: SchemaArbitraryOptions = {},
): fc.Arbitrary<unknown> {
  return compile(schema, '', options.overrides ?? {});
}

function compile(node: JsonSchema, path: string, overrides: Overrides): fc.Arbitrary<unknown> {
  const override = overrides[path];
  if (override !== undefined) return override;
  for (const keyword of Object.keys(node)) {
    if (!ANNOTATIONS.has(keyword) && !COMPILED.has(keyword)) {
      throw new UnsupportedSchemaError(`unsupported keyword "${keyword}"`, path);
    }
  }
  if ('const' in node) return fc.constant(node.const);
  // As in Ajv, `nullable` does not add null to an enum that does not list it.
  if (Array.isArray(node.enum)) return fc.constantFrom(...node.enum);
  const value = typed(node, path, overrides);
  return node.nullable === true ? fc.option(value, { nil: null }) : value;
}

function typed(node: JsonSchema, path: string, overrides: Overrides): fc.Arbitrary<unknown> {
  if (typeof node.format === 'string') {
    const format = FORMATS[node.format];
    if (format === undefined) throw new UnsupportedSchemaError(`unsupported format "${node.format}"`, path);
    return format(node);
  }
  switch (node.type) {
    case 'string':
      return fc.string({ minLength: bound(node.minLength, 0), maxLength: bound(node.maxLength, 16) });
    case 'integer':
      return fc.integer({ min: bound(node.minimum, -(2 ** 31)), max: bound(node.maximum, 2 ** 31 - 1) });
    case 'number':
      return fc.double({
        min: bound(node.minimum, -1e9),
        max: bound(node.maximum, 1e9),
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (typeof node.items !== 'object' || node.items === null) {
        throw new UnsupportedSchemaError('an array needs an "items" schema', path);
      }
      const items = compile(node.items as JsonSchema, `${path}/items`, overrides);
      return fc.array(items, { minLength: bound(node.minItems, 0), maxLength: bound(node.maxItems, 4) });
    }
    case 'object':
      return object(node, path, overrides);
    default:
      throw new UnsupportedSchemaError(`unsupported type ${JSON.stringify(node.type)}`, path);
  }
}

function object(node: JsonSchema, path: string, overrides: Overrides): fc.Arbitrary<unknown> {
  if (node.additionalProperties !== undefined && typeof node.additionalProperties !== 'boolean') {
    throw new UnsupportedSchemaError('"additionalProperties" must be a boolean', path);
  }
  const properties = (node.properties ?? {}) as Record<string, JsonSchema>;
  const required = (node.required ?? []) as string[];
  const missing = required.find((name) => !(name in properties));
  if (missing !== undefined) throw new UnsupportedSchemaError(`required "${missing}" has no schema`, path);
  if (Object.keys(properties).length === 0) {
    // An open object with no declared properties (`actor`): a few small JSON members.
    return node.additionalProperties === false
      ? fc.constant({})
      : fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), {
          maxKeys: 3,
          noNullPrototype: true,
        });
  }
  const model: Record<string, fc.Arbitrary<unknown>> = Object.fromEntries(
    Object.entries(properties).map(([name, property]) => [
      name,
      compile(property, path + pointer('properties', name), overrides),
    ]),
  );
  return fc.record<Record<string, unknown>, string>(model, { requiredKeys: required, noNullPrototype: true });
}

function bound(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}
