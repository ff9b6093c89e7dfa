/**
 * Turns the Client and Session schemas of one of Clerk's OpenAPI 3.0 spec files into a JSON Schema 2020-12 document:
 * the schemas and everything they `$ref`, structure only (Clerk's prose is left out).
 */

import { WEBHOOK_SESSION_EVENTS } from '../src/schema/derived/index.js';

/** One spec file of clerk/openapi-specs. */
export interface SpecFile {
  readonly surface: 'bapi' | 'fapi' | 'webhooks';
  readonly date: string;
  /** Path inside clerk/openapi-specs, e.g. `bapi/2025-04-10.yml`. */
  readonly file: string;
}

type Node = { [keyword: string]: unknown };

export const SPEC_COMMIT = '7987d1b';

/** Keywords that carry structure and mean the same in OpenAPI 3.0 and JSON Schema 2020-12. */
const KEPT = new Set([
  'type',
  'format',
  'enum',
  'const',
  'required',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
]);

/** Annotations and OpenAPI-only keywords: prose, examples, generator hints, none of which constrain a value. */
const DROPPED = new Set([
  'description',
  'example',
  'examples',
  'title',
  'discriminator',
  'readOnly',
  'writeOnly',
  'deprecated',
  'externalDocs',
  'xml',
  'default',
]);

const COMPONENT_REF = '#/components/schemas/';

/** The component schemas that each surface's document starts from (the rest is their `$ref` closure). */
export function rootNames(surface: SpecFile['surface']): { client?: string; session: string } {
  if (surface === 'bapi') return { client: 'Client', session: 'Session' };
  if (surface === 'fapi') return { client: 'Client.Client', session: 'Client.Session' };
  return { session: 'SessionEventPayload' };
}

/** Derives the JSON Schema 2020-12 document of `spec` (a parsed OpenAPI file). */
export function deriveDocument(spec: Node, source: SpecFile): Node {
  const components = ((spec.components as Node | undefined)?.schemas ?? {}) as Record<string, Node>;
  const roots = Object.values(rootNames(source.surface)).filter((name) => name !== undefined);
  const extra: Record<string, Node> = {};
  if (source.surface === 'webhooks') {
    for (const event of WEBHOOK_SESSION_EVENTS) extra[event] = webhookEventSchema(spec, event, source.file);
  }
  const names = closure([...roots, ...Object.values(extra)], components, source.file);
  const defs: Record<string, unknown> = {};
  for (const name of names.sort()) defs[name] = convert(components[name] as Node, components, `${name}`);
  for (const [event, schema] of Object.entries(extra)) defs[event] = convert(schema, components, event);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://clerk-client-conformance.dev/derived/${source.surface}-${source.date}.json`,
    $comment: `derived by scripts/deriveSchemas.ts from clerk/openapi-specs@${SPEC_COMMIT} ${source.file}; structure only, Clerk's prose left out`,
    $defs: defs,
  };
}

/** The request body schema of a webhook event (`x-webhooks["session.created"].post`), its envelope included. */
function webhookEventSchema(spec: Node, event: string, file: string): Node {
  const schema = (spec['x-webhooks'] as Node | undefined)?.[event] as Node | undefined;
  const body = (schema?.post as Node | undefined)?.requestBody as Node | undefined;
  const content = (body?.content as Node | undefined)?.['application/json'] as Node | undefined;
  if (content?.schema === undefined) throw new Error(`${file}: no request body schema for webhook ${event}`);
  return content.schema as Node;
}

/** The component names that `starts` reference, directly or not (names as strings, schemas walked). */
function closure(starts: Array<string | Node>, components: Record<string, Node>, file: string): string[] {
  const seen = new Set<string>();
  const pending: unknown[] = [];
  for (const start of starts) {
    if (typeof start !== 'string') pending.push(start);
    else pending.push({ $ref: COMPONENT_REF + start });
  }
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) pending.push(...node);
    else if (typeof node === 'object' && node !== null) {
      const ref = (node as Node).$ref;
      if (typeof ref === 'string') {
        const name = refName(ref, file);
        if (components[name] === undefined) throw new Error(`${file}: $ref ${ref} names no schema`);
        if (!seen.has(name)) {
          seen.add(name);
          pending.push(components[name]);
        }
      }
      pending.push(...Object.values(node));
    }
  }
  return [...seen];
}

function refName(ref: string, file: string): string {
  if (!ref.startsWith(COMPONENT_REF)) throw new Error(`${file}: unsupported $ref ${ref}`);
  return ref.slice(COMPONENT_REF.length);
}

/** Converts one OpenAPI schema node into 2020-12, structure only; `at` names it in errors. */
function convert(node: Node, components: Record<string, Node>, at: string): Node {
  const source = mergeClosedAllOf(node, components);
  const out: Node = {};
  for (const [keyword, value] of Object.entries(source)) {
    if (keyword === 'nullable' || DROPPED.has(keyword) || keyword.startsWith('x-')) continue;
    if (KEPT.has(keyword)) out[keyword] = value;
    else if (keyword === '$ref') out.$ref = `#/$defs/${refName(value as string, at)}`;
    else if (keyword === 'properties') {
      const properties: Node = {};
      for (const [name, child] of Object.entries(value as Node))
        properties[name] = convert(child as Node, components, `${at}/properties/${name}`);
      out.properties = properties;
    } else if (keyword === 'items' || keyword === 'additionalProperties')
      out[keyword] =
        typeof value === 'boolean' ? value : convert(value as Node, components, `${at}/${keyword}`);
    else if (keyword === 'allOf' || keyword === 'anyOf' || keyword === 'oneOf')
      out[keyword] = (value as Node[]).map((child, index) =>
        convert(child, components, `${at}/${keyword}/${index}`),
      );
    else throw new Error(`${at}: keyword ${keyword} is neither kept nor known to be prose`);
  }
  withStrictTypes(out);
  withDeclaredRequired(out);
  return source.nullable === true ? orNull(out) : out;
}

/**
 * OpenAPI's `nullable: true` as 2020-12: `type: [T, "null"]` (and `null` in an `enum`); beside a `$ref` or a
 * combinator, whose branches would reject null, an `anyOf` with a null branch.
 */
function orNull(node: Node): Node {
  if (
    node.$ref !== undefined ||
    node.allOf !== undefined ||
    node.anyOf !== undefined ||
    node.oneOf !== undefined
  )
    return { anyOf: [{ type: 'null' }, node] };
  if (node.type === undefined) return node;
  const out: Node = { ...node, type: [node.type, 'null'] };
  if (Array.isArray(node.enum) && !node.enum.includes(null)) out.enum = [...node.enum, null];
  return out;
}

/**
 * Object keywords without `type` (OpenAPI's `allOf` branches often omit it) get `type: "object"`: Ajv's strict
 * mode requires it, and on a non-object these keywords accept anything, which the branch never meant.
 */
function withStrictTypes(node: Node): void {
  const objectKeywords = ['properties', 'required', 'additionalProperties'];
  if (node.type === undefined && objectKeywords.some((keyword) => node[keyword] !== undefined))
    node.type = 'object';
}

/**
 * A required name that the same schema does not declare (an `anyOf` branch `{required: ["domain"]}`, or a property
 * the spec forgot) is declared as `{}`, which accepts any value: Ajv's strict mode requires the declaration.
 */
function withDeclaredRequired(node: Node): void {
  if (!Array.isArray(node.required)) return;
  const properties = (node.properties ?? {}) as Node;
  const undeclared = (node.required as string[]).filter((name) => !Object.hasOwn(properties, name));
  if (undeclared.length === 0) return;
  for (const name of undeclared) properties[name] = {};
  node.properties = properties;
}

/**
 * An `allOf` that extends a closed schema (`additionalProperties: false`) with more properties rejects every value
 * that has them; OpenAPI's `allOf` means extension, so such an `allOf` is merged into one closed object schema.
 */
function mergeClosedAllOf(node: Node, components: Record<string, Node>): Node {
  const members = node.allOf;
  if (!Array.isArray(members)) return node;
  const resolved = members.map((member: Node) =>
    typeof member.$ref === 'string' ? (components[refName(member.$ref, 'allOf')] as Node) : member,
  );
  const closed = resolved.filter((member) => member.additionalProperties === false);
  const named = (member: Node) => Object.keys((member.properties as Node | undefined) ?? {});
  const extended = closed.some((shut) =>
    resolved.some((other) => other !== shut && named(other).some((name) => !named(shut).includes(name))),
  );
  if (!extended) return node;
  const properties: Node = {};
  const required = new Set<string>();
  for (const member of resolved) {
    if (member.allOf !== undefined || member.nullable === true)
      throw new Error('cannot merge an allOf member that is itself an allOf or nullable');
    Object.assign(properties, member.properties ?? {});
    for (const name of (member.required as string[] | undefined) ?? []) required.add(name);
  }
  const { allOf: _allOf, ...rest } = node;
  return { ...rest, type: 'object', properties, required: [...required], additionalProperties: false };
}
