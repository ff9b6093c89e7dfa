/** @internal Merging the members of an `allOf` into one schema, and telling `oneOf` branches apart, for generation. */
import { ANNOTATIONS, UnsupportedSchemaError } from '../schemaArbitrary.js';

type Schema = { [keyword: string]: unknown };

/** Keywords whose values must agree when two members both have them. */
const SCALARS = [
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'const',
];

/**
 * One schema that accepts what every member accepts (the members' `$ref`s followed by `resolve`, nested `allOf`s
 * flattened). A closed member (`additionalProperties: false`) keeps the merged properties to its own.
 */
export function mergeSchemas(members: Schema[], resolve: (schema: Schema) => Schema, path: string): Schema {
  const flat: Schema[] = [];
  const pending = [...members].reverse();
  while (pending.length > 0) {
    const member = resolve(pending.pop() as Schema);
    if (Array.isArray(member.allOf)) {
      const { allOf, ...rest } = member;
      pending.push(...[rest, ...(allOf as Schema[])].reverse());
    } else if (typeof member.$ref === 'string') {
      const { $ref, ...rest } = member;
      pending.push(rest, { $ref });
    } else flat.push(member);
  }
  const merged: Schema = {};
  const properties: Record<string, Schema[]> = {};
  const required = new Set<string>();
  let closedTo: Set<string> | undefined;
  for (const member of flat) {
    if (member.nullable !== undefined) throw new UnsupportedSchemaError('"nullable" inside an "allOf"', path);
    for (const [keyword, value] of Object.entries(member)) {
      if (ANNOTATIONS.has(keyword)) continue;
      if (keyword === 'type') merged.type = intersectTypes(merged.type, value, path);
      else if (keyword === 'enum')
        merged.enum = Array.isArray(merged.enum)
          ? merged.enum.filter((item) => includes(value, item))
          : value;
      else if (keyword === 'properties')
        for (const [name, schema] of Object.entries(value as Record<string, Schema>)) {
          properties[name] ??= [];
          properties[name].push(schema);
        }
      else if (keyword === 'required') for (const name of value as string[]) required.add(name);
      else if (keyword === 'additionalProperties') {
        if (value === false) {
          const own = new Set(Object.keys((member.properties as Schema | undefined) ?? {}));
          closedTo = closedTo === undefined ? own : new Set([...closedTo].filter((name) => own.has(name)));
          merged.additionalProperties = false;
        } else if (value !== true)
          throw new UnsupportedSchemaError('"additionalProperties" must be a boolean', path);
      } else if (keyword === 'items')
        merged.items = merged.items === undefined ? value : { allOf: [merged.items, value] };
      else if (keyword === 'anyOf' || keyword === 'oneOf') {
        if (merged[keyword] !== undefined)
          throw new UnsupportedSchemaError(`two "${keyword}"s in an "allOf"`, path);
        merged[keyword] = value;
      } else if (SCALARS.includes(keyword)) {
        if (keyword in merged && JSON.stringify(merged[keyword]) !== JSON.stringify(value))
          throw new UnsupportedSchemaError(`conflicting "${keyword}" in an "allOf"`, path);
        merged[keyword] = value;
      } else throw new UnsupportedSchemaError(`unsupported keyword "${keyword}" in an "allOf"`, path);
    }
  }
  const names = Object.keys(properties).filter((name) => closedTo === undefined || closedTo.has(name));
  const impossible = [...required].find((name) => closedTo !== undefined && !closedTo.has(name));
  if (impossible !== undefined)
    throw new UnsupportedSchemaError(`required "${impossible}" is closed out`, path);
  if (names.length > 0)
    merged.properties = Object.fromEntries(
      names.map((name) => {
        const schemas = properties[name] as Schema[];
        const distinct = schemas.filter(
          (schema, index) =>
            schemas.findIndex((other) => JSON.stringify(other) === JSON.stringify(schema)) === index,
        );
        return [name, distinct.length === 1 ? distinct[0] : { allOf: distinct }];
      }),
    );
  if (required.size > 0) merged.required = [...required];
  return merged;
}

function includes(list: unknown, item: unknown): boolean {
  return Array.isArray(list) && list.some((value) => JSON.stringify(value) === JSON.stringify(item));
}

function intersectTypes(a: unknown, b: unknown, path: string): unknown {
  if (a === undefined) return b;
  const left = ([] as unknown[]).concat(a);
  const common = ([] as unknown[]).concat(b).filter((type) => left.includes(type));
  if (common.length === 0) throw new UnsupportedSchemaError('an "allOf" of disjoint types', path);
  return common.length === 1 ? common[0] : common;
}

/** The values a property may take, when a schema lists them (`const`, `enum`) or matches them (`pattern`). */
type Values = { list: unknown[] } | { pattern: RegExp } | undefined;

function valuesOf(schema: Schema): Values {
  if ('const' in schema) return { list: [schema.const] };
  if (Array.isArray(schema.enum)) return { list: schema.enum };
  if (typeof schema.pattern === 'string') return { pattern: new RegExp(schema.pattern) };
  return undefined;
}

function disjoint(a: Values, b: Values): boolean {
  if (a === undefined || b === undefined) return false;
  if ('list' in a && 'list' in b) return !a.list.some((item) => includes(b.list, item));
  if ('list' in a && 'pattern' in b)
    return !a.list.some((item) => typeof item === 'string' && b.pattern.test(item));
  if ('pattern' in a && 'list' in b) return disjoint(b, a);
  return false;
}

/**
 * Whether no value can match two of the (merged) branches: each pair has a property that both require and whose
 * listed or matched values do not meet, or types that do not meet.
 */
export function oneOfIsExclusive(branches: Schema[], resolve: (schema: Schema) => Schema): boolean {
  const typesOf = (schema: Schema) => ([] as unknown[]).concat(schema.type ?? []);
  const apart = (a: Schema, b: Schema) => {
    const [ta, tb] = [typesOf(a), typesOf(b)];
    if (ta.length > 0 && tb.length > 0 && !ta.some((type) => tb.includes(type))) return true;
    const requiredA = (a.required as string[] | undefined) ?? [];
    const requiredB = new Set((b.required as string[] | undefined) ?? []);
    const propertiesA = (a.properties as Record<string, Schema> | undefined) ?? {};
    const propertiesB = (b.properties as Record<string, Schema> | undefined) ?? {};
    return requiredA.some((name) => {
      if (!requiredB.has(name) || propertiesA[name] === undefined || propertiesB[name] === undefined)
        return false;
      return disjoint(valuesOf(resolve(propertiesA[name])), valuesOf(resolve(propertiesB[name])));
    });
  };
  return branches.every((a, i) => branches.every((b, j) => j <= i || apart(a, b)));
}
