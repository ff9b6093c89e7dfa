import fc from 'fast-check';
import { pointer, tokensOf } from '../jsonPointer.js';
import { ANNOTATIONS as SCHEMA_ANNOTATIONS } from '../schema/annotations.js';
import { mergeSchemas, oneOfIsExclusive } from './_internals/schemaMerge.js';

/** The JSON Schema subset {@link schemaArbitrary} compiles. */
export type JsonSchema = { [keyword: string]: unknown };

/** Options of {@link schemaArbitrary}. */
export type SchemaArbitraryOptions = {
  /**
   * Arbitraries that replace what the schema would generate at a location, by JSON Pointer into the schema
   * (`/properties/sessions/items/properties/status`; behind a `$ref`, the location it points to:
   * `/$defs/Session/properties/status`; inside an `allOf`, the merged schema at the `allOf`'s location). Whether an
   * optional property is present stays the schema's choice. The replacement must produce values the schema accepts.
   * @defaultValue `{}`
   */
  overrides?: Readonly<Record<string, fc.Arbitrary<unknown>>>;
  /**
   * Optional properties that are always generated, by JSON Pointer as for `overrides`
   * (`/properties/sessions/items/properties/actor`): what a real server always sends, null or not, in its place.
   * @defaultValue `[]`
   */
  alwaysPresent?: readonly string[];
};

type Overrides = Readonly<Record<string, fc.Arbitrary<unknown>>>;

/** What one compilation shares: the root for `$ref`, the overrides, each `$ref` target compiled once. */
type Context = {
  root: JsonSchema;
  overrides: Overrides;
  alwaysPresent: ReadonlySet<string>;
  refs: Map<string, fc.Arbitrary<unknown>>;
  resolving: Set<string>;
};

/** Thrown for a schema {@link schemaArbitrary} cannot compile; names the keyword and where it stands. */
export class UnsupportedSchemaError extends Error {
  constructor(message: string, schemaPath: string) {
    super(`schemaArbitrary: ${message} at #${schemaPath}`);
    this.name = 'UnsupportedSchemaError';
  }
}

/** Keywords that describe and never constrain, and `$defs` (schemas only a `$ref` reaches). @internal */
export const ANNOTATIONS: ReadonlySet<string> = new Set([...SCHEMA_ANNOTATIONS, '$defs']);
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
  'pattern',
  '$ref',
  'allOf',
  'anyOf',
  'oneOf',
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
 * Compiles a JSON Schema (2020-12: local `$ref`s into `$defs`, `allOf`, `anyOf`, `oneOf` whose branches a property
 * tells apart, type lists, `pattern`, the common bounds; and OpenAPI `nullable`) into a fast-check arbitrary whose
 * every value the schema accepts. Any keyword outside that subset is refused, never ignored.
 */
export function schemaArbitrary(
  schema: JsonSchema,
  options: SchemaArbitraryOptions = {},
): fc.Arbitrary<unknown> {
  const context: Context = {
    root: schema,
    overrides: options.overrides ?? {},
    alwaysPresent: new Set(options.alwaysPresent),
    refs: new Map(),
    resolving: new Set(),
  };
  return compile(schema, '', context);
}

function compile(node: JsonSchema, path: string, context: Context): fc.Arbitrary<unknown> {
  const override = context.overrides[path];
  if (override !== undefined) return override;
  for (const keyword of Object.keys(node)) {
    if (!ANNOTATIONS.has(keyword) && !COMPILED.has(keyword)) {
      throw new UnsupportedSchemaError(`unsupported keyword "${keyword}"`, path);
    }
  }
  if (typeof node.$ref === 'string') {
    const { $ref, ...rest } = node;
    if (!constrains(rest)) return reference($ref, path, context);
    return compile({ allOf: [{ $ref }, rest] }, path, context);
  }
  if (Array.isArray(node.allOf)) {
    const { allOf, ...rest } = node;
    const resolve = (member: JsonSchema) => resolveRef(member, context.root, path);
    return compile(mergeSchemas([rest, ...(allOf as JsonSchema[])], resolve, path), path, context);
  }
  if (Array.isArray(node.anyOf)) return anyOf(node, path, context);
  if (Array.isArray(node.oneOf)) return oneOf(node, path, context);
  if ('const' in node) return fc.constant(node.const);
  // As in Ajv, `nullable` does not add null to an enum that does not list it.
  if (Array.isArray(node.enum)) return fc.constantFrom(...node.enum);
  if (Array.isArray(node.type)) return typeList(node, path, context);
  if (node.type === undefined && !constrains(node)) return fc.jsonValue({ maxDepth: 1 });
  const value = typed(node, path, context);
  return node.nullable === true ? fc.option(value, { nil: null }) : value;
}

/** Whether a schema constrains anything (annotations and an empty schema accept every value). */
function constrains(node: JsonSchema): boolean {
  return Object.keys(node).some((keyword) => !ANNOTATIONS.has(keyword));
}

/** A `$ref` target, compiled once at its own location (so overrides name it there). */
function reference(ref: string, path: string, context: Context): fc.Arbitrary<unknown> {
  const target = refPointer(ref, path);
  const known = context.refs.get(target);
  if (known !== undefined) return known;
  if (context.resolving.has(target)) throw new UnsupportedSchemaError(`recursive "$ref" ${ref}`, path);
  context.resolving.add(target);
  const compiled = compile(resolveRef({ $ref: ref }, context.root, path), target, context);
  context.resolving.delete(target);
  context.refs.set(target, compiled);
  return compiled;
}

function refPointer(ref: string, path: string): string {
  if (!ref.startsWith('#'))
    throw new UnsupportedSchemaError(`only local "$ref"s are supported, got ${ref}`, path);
  return decodeURIComponent(ref.slice(1));
}

/** The schema a `$ref` points to (followed through chains), or the schema itself. */
function resolveRef(node: JsonSchema, root: JsonSchema, path: string): JsonSchema {
  let current = node;
  for (let hops = 0; typeof current.$ref === 'string'; hops++) {
    if (hops > 32) throw new UnsupportedSchemaError(`"$ref" chain too long at ${current.$ref}`, path);
    const { $ref, ...rest } = current;
    if (constrains(rest)) return current;
    let target: unknown = root;
    for (const token of tokensOf(refPointer($ref, path)))
      target = (target as Record<string, unknown> | undefined)?.[token];
    if (typeof target !== 'object' || target === null)
      throw new UnsupportedSchemaError(`"$ref" ${$ref} points to no schema`, path);
    current = target as JsonSchema;
  }
  return current;
}

/** One branch at a time, each with the keywords beside the `anyOf`; a null branch works like `nullable`. */
function anyOf(node: JsonSchema, path: string, context: Context): fc.Arbitrary<unknown> {
  const { anyOf: branches, ...rest } = node as { anyOf: JsonSchema[] };
  const isNull = (branch: JsonSchema) => branch.type === 'null' && Object.keys(branch).length === 1;
  const compiled = branches.flatMap((branch, index) =>
    isNull(branch) ? [] : [branchArbitrary(rest, branch, `${path}/anyOf/${index}`, context)],
  );
  if (compiled.length === 0) return fc.constant(null);
  const value = compiled.length === 1 ? (compiled[0] as fc.Arbitrary<unknown>) : fc.oneof(...compiled);
  return compiled.length < branches.length ? fc.option(value, { nil: null }) : value;
}

/** One branch at a time, when a property's values tell every pair of branches apart (so exactly one matches). */
function oneOf(node: JsonSchema, path: string, context: Context): fc.Arbitrary<unknown> {
  const { oneOf: branches, ...rest } = node as { oneOf: JsonSchema[] };
  if (branches.length === 0) throw new UnsupportedSchemaError('an empty "oneOf"', path);
  const resolve = (member: JsonSchema) => resolveRef(member, context.root, path);
  const merged = branches.map((branch) => mergeSchemas([rest, branch], resolve, path));
  if (!oneOfIsExclusive(merged, resolve))
    throw new UnsupportedSchemaError('"oneOf" branches that no property tells apart', path);
  const compiled = branches.map((branch, index) =>
    branchArbitrary(rest, branch, `${path}/oneOf/${index}`, context),
  );
  return compiled.length === 1 ? (compiled[0] as fc.Arbitrary<unknown>) : fc.oneof(...compiled);
}

/**
 * A branch with the keywords beside its combinator; a branch that implies them (`type: "object"` beside a `$ref`
 * to an object schema) is compiled where it stands, so overrides at its `$ref` target still apply.
 */
function branchArbitrary(rest: JsonSchema, branch: JsonSchema, path: string, context: Context) {
  if (!constrains(rest)) return compile(branch, path, context);
  const target = resolveRef(branch, context.root, path);
  const keywords = Object.keys(rest).filter((keyword) => !ANNOTATIONS.has(keyword));
  if (keywords.length === 1 && keywords[0] === 'type' && target.type === rest.type)
    return compile(branch, path, context);
  const resolve = (member: JsonSchema) => resolveRef(member, context.root, path);
  return compile(mergeSchemas([rest, branch], resolve, path), path, context);
}

/** Built arbitraries of each `pattern`: fast-check takes ~17 ms to build one, and arbitraries are immutable. */
const patterns = new Map<string, fc.Arbitrary<string>>();

function patternArbitrary(pattern: string): fc.Arbitrary<string> {
  let arbitrary = patterns.get(pattern);
  if (arbitrary === undefined) {
    arbitrary = fc.stringMatching(new RegExp(pattern), { size: 'xsmall' });
    patterns.set(pattern, arbitrary);
  }
  return arbitrary;
}

/** `type: [T, "null"]` works like `nullable`; several other types are one of them. */
function typeList(node: JsonSchema, path: string, context: Context): fc.Arbitrary<unknown> {
  const types = node.type as unknown[];
  const others = types.filter((type) => type !== 'null');
  const compiled = others.map((type) => typed({ ...node, type }, path, context));
  if (compiled.length === 0) return fc.constant(null);
  const value = compiled.length === 1 ? (compiled[0] as fc.Arbitrary<unknown>) : fc.oneof(...compiled);
  return others.length < types.length ? fc.option(value, { nil: null }) : value;
}

function typed(node: JsonSchema, path: string, context: Context): fc.Arbitrary<unknown> {
  if (typeof node.format === 'string') {
    const format = FORMATS[node.format];
    if (format === undefined) throw new UnsupportedSchemaError(`unsupported format "${node.format}"`, path);
    return format(node);
  }
  switch (node.type) {
    case 'string':
      if (typeof node.pattern === 'string') {
        if (node.minLength !== undefined || node.maxLength !== undefined)
          throw new UnsupportedSchemaError('"pattern" with a length bound', path);
        return patternArbitrary(node.pattern);
      }
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
      const items = compile(node.items as JsonSchema, `${path}/items`, context);
      return fc.array(items, { minLength: bound(node.minItems, 0), maxLength: bound(node.maxItems, 4) });
    }
    case 'object':
      return object(node, path, context);
    default:
      throw new UnsupportedSchemaError(`unsupported type ${JSON.stringify(node.type)}`, path);
  }
}

function object(node: JsonSchema, path: string, context: Context): fc.Arbitrary<unknown> {
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
      compile(property, path + pointer('properties', name), context),
    ]),
  );
  const generated = Object.keys(properties).filter(
    (name) => required.includes(name) || context.alwaysPresent.has(path + pointer('properties', name)),
  );
  return fc.record<Record<string, unknown>, string>(model, {
    requiredKeys: generated,
    noNullPrototype: true,
  });
}

function bound(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}
