/** @internal Breaks derived from the schema walk: one per required property, typed value, enum and closed object. */
import fc from 'fast-check';
import { knownVocabulary } from '../../schema/knownVocabulary.js';
import type { Client } from '../../schema/types.js';
import { clientSchema } from '../../schema/validator.js';
import { type JsonSchema, schemaArbitrary } from '../schemaArbitrary.js';
import { sessionActivityArbitrary } from '../sessionActivityArbitrary.js';
import type { ResolvedConstraints } from './constraints.js';
import type { Mutation } from './mutation.js';
import { taskKeyArbitrary } from './realisticData.js';
import { ACTIVITY_POINTER, nonNullable, SESSION_POINTER, subschema } from './schemaParts.js';

/**
 * A schema location and the instance path it describes (`*` for any array item); `nullable` when null is allowed
 * there (else read from OpenAPI's `nullable`).
 */
export type Location = {
  pointer: string;
  tokens: string[];
  node: JsonSchema;
  required: boolean;
  nullable?: boolean;
};

/** What a mutation does to the value at its location. */
type Edit =
  | { kind: 'remove' }
  | { kind: 'set'; value: (original: unknown) => unknown }
  | { kind: 'addKey'; key: string };

/** Extra keys real implementations leak: Frontend API fields in a Backend API object. */
const LEAKED_KEYS: Record<string, string> = {
  '': 'cookie_expires_at',
  [SESSION_POINTER]: 'last_active_token',
};

/** The schema mutations: a field added to the schema gets its breaks from this walk, without new code. */
export function schemaMutations(c: ResolvedConstraints): Mutation[] {
  const all = locations();
  return locationMutations<Client>(all, fillerArbitraries(c, all), LEAKED_KEYS);
}

/**
 * The breaks of each location: delete a required property, a value of the wrong type, null where null is not
 * allowed, a value outside an enum, an extra key in a closed object (named by `leakedKeys`, by schema pointer).
 */
export function locationMutations<T>(
  all: readonly Location[],
  fillers: ReadonlyMap<string, fc.Arbitrary<unknown>>,
  leakedKeys: Readonly<Record<string, string>> = {},
): Mutation<T>[] {
  return all.flatMap((location) => {
    const { node, tokens, pointer } = location;
    const where = tokens.length === 0 ? 'the document' : `/${tokens.join('/')}`;
    const mutation = (rule: string, name: string, edit: Edit) =>
      pathMutation<T>(rule, name, location, fillers, edit);
    const found: Mutation<T>[] = [];
    if (tokens.length > 0 && location.required && tokens.at(-1) !== '*') {
      found.push(mutation('schema/required', `delete ${where}`, { kind: 'remove' }));
    }
    if (node.type !== undefined) {
      const value = (original: unknown) => wrongType(node.type, original);
      found.push(mutation('schema/type', `${where} of the wrong type`, { kind: 'set', value }));
      if (!(location.nullable ?? node.nullable === true))
        found.push(mutation('schema/type', `${where} null`, { kind: 'set', value: () => null }));
    }
    if (node.format === 'int64') {
      // What a server sends for an unsigned -1 ("never"): an integer, but no int64.
      const value = () => UNSIGNED_MINUS_ONE;
      found.push(mutation('schema/format', `${where} as an unsigned -1`, { kind: 'set', value }));
    }
    if (Array.isArray(node.enum)) found.push(...enumMutations(node.enum, tokens.at(-1), where, mutation));
    if (node.additionalProperties === false) {
      const { properties } = knownVocabulary();
      const own = Object.keys((node.properties ?? {}) as object);
      const leaked = leakedKeys[pointer] ?? [...properties].find((name) => !own.includes(name));
      if (leaked !== undefined)
        found.push(
          mutation('schema/additionalProperties', `${where} with ${leaked}`, { kind: 'addKey', key: leaked }),
        );
      const unknown = outside('unexpected_property', properties);
      found.push(mutation('unknown-property', `${where} with ${unknown}`, { kind: 'addKey', key: unknown }));
    }
    return found;
  });
}

function locations(): Location[] {
  const found: Location[] = [];
  const walk = (node: JsonSchema, pointer: string, tokens: string[], required: boolean) => {
    found.push({ pointer, tokens, node, required });
    const requiredNames = (node.required ?? []) as string[];
    for (const [name, child] of Object.entries((node.properties ?? {}) as Record<string, JsonSchema>)) {
      walk(child, `${pointer}/properties/${name}`, [...tokens, name], requiredNames.includes(name));
    }
    if (typeof node.items === 'object' && node.items !== null) {
      walk(node.items as JsonSchema, `${pointer}/items`, [...tokens, '*'], true);
    }
  };
  walk(clientSchema, '', [], true);
  return found;
}

/** A value of another type, shaped like real mistakes: timestamps as strings, double-encoded JSON. */
function wrongType(type: unknown, original: unknown): unknown {
  // A type list (`["string", "null"]`) is broken by a value of none of its types: its first one's mistake.
  switch (Array.isArray(type) ? type.find((each) => each !== 'null') : type) {
    case 'integer':
    case 'number':
      return String(typeof original === 'number' ? original : 0);
    case 'boolean':
      return String(original === true);
    case 'object':
    case 'array':
      return JSON.stringify(original ?? null);
    default:
      return 42;
  }
}

/** 18446744073709551615 as JSON parses it. */
const UNSIGNED_MINUS_ONE = 2 ** 64;

/**
 * A value outside an enum: for a `status`, one no Clerk schema knows (`unknown-status`) and one another Clerk object
 * has (`schema/enum`); for any other enum, an unknown value (`schema/enum`).
 */
function enumMutations<T>(
  values: readonly unknown[],
  name: string | undefined,
  where: string,
  mutation: (rule: string, name: string, edit: Edit) => Mutation<T>,
): Mutation<T>[] {
  const { statuses } = knownVocabulary();
  const unknown = outside('unknown', new Set([...values, ...statuses]));
  const set = (value: string): Edit => ({ kind: 'set', value: () => value });
  if (name !== 'status') return [mutation('schema/enum', `${where} outside the enum`, set(unknown))];
  const documented = [...statuses].find((status) => !values.includes(status));
  return [
    mutation('unknown-status', `${where} a status no Clerk schema has`, set(unknown)),
    ...(documented === undefined
      ? []
      : [mutation('schema/enum', `${where} ${documented}, another object's status`, set(documented))]),
  ];
}

/** `base`, with underscores appended until no name in `taken` is it. */
function outside(base: string, taken: ReadonlySet<unknown>): string {
  let candidate = base;
  while (taken.has(candidate)) candidate += '_';
  return candidate;
}

/**
 * A break at a schema location: walks the instance path of a valid Client (array items chosen by generated
 * indexes, absent, null or empty containers filled with valid values) and edits the value found there.
 */
function pathMutation<T>(
  rule: string,
  name: string,
  { pointer, tokens }: Location,
  fillers: ReadonlyMap<string, fc.Arbitrary<unknown>>,
  edit: Edit,
): Mutation<T> {
  const pointers = tokens.map((_, depth) => pointerOf(tokens.slice(0, depth + 1)));
  const params = fc.record({
    indexes: fc.array(fc.nat(), { minLength: tokens.length, maxLength: tokens.length }),
    fills: fc.tuple(...pointers.map((each) => fillers.get(each) ?? fc.constant(undefined))),
  });
  return {
    rule,
    name,
    schemaPointer: pointer,
    // Sessions cannot be filled in without breaking their invariants: such breaks start from a Client that has one.
    minSessions: tokens[0] === 'sessions' || tokens[0] === 'session_ids' ? 1 : 0,
    arbitrary: (clients) =>
      fc.tuple(clients, params).map(([client, { indexes, fills }]) => {
        const root: Record<string, unknown> = { document: structuredClone(client) };
        let parent: Record<string, unknown> = root;
        let key = 'document';
        const path: string[] = [];
        tokens.forEach((token, depth) => {
          let container = parent[key];
          if (container === undefined || container === null)
            container = parent[key] = structuredClone(fills[depth - 1]);
          if (token === '*') {
            const items = container as unknown[];
            if (items.length === 0) items.push(structuredClone(fills[depth]));
            key = String((indexes[depth] ?? 0) % items.length);
          } else key = token;
          parent = container as Record<string, unknown>;
          path.push(key);
        });
        if (edit.kind === 'remove') delete parent[key];
        else if (edit.kind === 'set') parent[key] = edit.value(parent[key]);
        else {
          // A closed object that is null or absent (a nullable one) is filled in first, so only the key breaks it.
          const target = parent[key] ?? structuredClone(fills[tokens.length - 1]);
          parent[key] = { ...(target as object), [edit.key]: null };
          path.push(edit.key);
        }
        return {
          value: root.document,
          rule,
          path: path.map((token) => `/${token}`).join(''),
          mutation: name,
        };
      }),
  };
}

/** The schema pointer of an instance path as if every `$ref` were inlined (`*` is any array item). */
export function pointerOf(tokens: readonly string[]): string {
  return tokens.map((token) => (token === '*' ? '/items' : `/properties/${token}`)).join('');
}

/** Valid values for containers a break may find absent, null or empty, so it can reach inside them. */
function fillerArbitraries(c: ResolvedConstraints, all: Location[]): Map<string, fc.Arbitrary<unknown>> {
  const task = fc.record({ key: taskKeyArbitrary });
  const fillers = new Map<string, fc.Arbitrary<unknown>>([
    [ACTIVITY_POINTER, sessionActivityArbitrary(c)],
    [`${SESSION_POINTER}/properties/tasks`, fc.array(task, { minLength: 1, maxLength: 2 })],
    [`${SESSION_POINTER}/properties/tasks/items`, task],
  ]);
  // Any other object or array the schema gains is filled from the schema itself.
  for (const { pointer, node } of all) {
    if (pointer !== '' && !fillers.has(pointer) && (node.type === 'object' || node.type === 'array')) {
      fillers.set(pointer, schemaArbitrary(nonNullable(subschema(pointer))));
    }
  }
  return fillers;
}
