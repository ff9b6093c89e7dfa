/** @internal Breaks derived from the walk of a version's Frontend API Client schema, as the checker compiles it. */
import fc from 'fast-check';
import { type ApiVersion, derivedDocument } from '../../schema/derived/index.js';
import { withSpecGaps } from '../../schema/specGaps.js';
import { clerkIdArbitrary } from '../clerkIdArbitrary.js';
import type { FapiClient } from '../fapiClientArbitrary.js';
import { type JsonSchema, schemaArbitrary } from '../schemaArbitrary.js';
import type { ResolvedConstraints } from './constraints.js';
import type { Mutation } from './mutation.js';
import { type Location, locationMutations, pointerOf } from './schemaMutations.js';

type Defs = Record<string, JsonSchema>;

/** A schema node with its `$ref`s, `allOf` members and nullable `anyOf` folded into one view. */
type Folded = {
  type?: unknown;
  format?: unknown;
  enum?: unknown[];
  closed: boolean;
  nullable: boolean;
  properties: Map<string, JsonSchema>;
  required: Set<string>;
  items?: JsonSchema;
  /** Behind a `oneOf` (or a union that is not just nullable): breaks inside it would be judged per branch. */
  opaque: boolean;
  /** The non-null schema of the value, for filling it in. */
  source: JsonSchema;
};

/**
 * The schema mutations of a version's Frontend API Client: the checker's schema (the derived document with the spec
 * gaps applied) walked through `$ref`, `allOf` and nullable `anyOf`, not into `oneOf` unions nor the embedded `user`
 * (the spec gaps judge it only as an object). Schema pointers read as if every `$ref` were inlined.
 */
export function fapiSchemaMutations(c: ResolvedConstraints): Mutation<FapiClient>[] {
  // Building them compiles a filler per object of the schema: done once per version and id time range.
  const key = `${c.apiVersion} ${c.windowStart} ${c.now}`;
  let found = built.get(key);
  if (found === undefined) {
    const defs = checkedDefs(c.apiVersion);
    const { all, sources } = fapiLocations(defs);
    found = locationMutations<FapiClient>(all, fillerArbitraries(c, defs, all, sources));
    built.set(key, found);
  }
  return found;
}

const built = new Map<string, Mutation<FapiClient>[]>();

/** Valid sign-in attempts that are not complete (what a Client without one can be given). */
export function signInFillerArbitrary(c: ResolvedConstraints): fc.Arbitrary<Record<string, unknown>> {
  return attemptArbitrary(c, checkedDefs(c.apiVersion), 'sign_in');
}

/** The `$defs` of the schema the checker compiles for a version's Frontend API Client (computed once). */
function checkedDefs(version: ApiVersion): Defs {
  let defs = checked.get(version);
  if (defs === undefined) {
    defs = withSpecGaps(derivedDocument('fapi', version), 'fapi', version).$defs as Defs;
    checked.set(version, defs);
  }
  return defs;
}

const checked = new Map<ApiVersion, Defs>();

const ATTEMPTS = {
  sign_in: {
    name: 'Client.SignIn',
    prefix: 'sia',
    statuses: ['needs_identifier', 'needs_first_factor'],
    nulls: ['created_session_id'],
  },
  sign_up: {
    name: 'Client.SignUp',
    prefix: 'sua',
    statuses: ['missing_requirements'],
    nulls: ['created_session_id', 'created_user_id'],
  },
};

/** Valid attempts with ids of their kind and a status that is not `complete`: filling one in breaks no invariant. */
function attemptArbitrary(
  c: ResolvedConstraints,
  defs: Defs,
  field: keyof typeof ATTEMPTS,
): fc.Arbitrary<Record<string, unknown>> {
  const { name, prefix, statuses, nulls } = ATTEMPTS[field];
  const at = `/$defs/${name}`;
  const overrides: Record<string, fc.Arbitrary<unknown>> = {
    [`${at}/properties/id`]: clerkIdArbitrary(prefix, { minCreatedAt: c.windowStart, maxCreatedAt: c.now }),
  };
  const statusEnum = (defs[name]?.properties as Record<string, JsonSchema> | undefined)?.status?.enum;
  const allowed = statuses.filter((status) => (statusEnum as unknown[] | undefined)?.includes(status));
  if (allowed.length > 0) overrides[`${at}/properties/status`] = fc.constantFrom(...allowed);
  for (const each of nulls) overrides[`${at}/properties/${each}`] = fc.constant(null);
  return schemaArbitrary({ $defs: defs, $ref: `#/$defs/${name}` }, { overrides }) as fc.Arbitrary<
    Record<string, unknown>
  >;
}

/** Every location of the Frontend API Client schema the walk reaches, and the schema that fills each in. */
function fapiLocations(defs: Defs): { all: Location[]; sources: Map<string, JsonSchema> } {
  const all: Location[] = [];
  const sources = new Map<string, JsonSchema>();
  const walk = (raw: JsonSchema, tokens: string[], required: boolean) => {
    const folded = fold(raw, defs);
    const root = tokens.length === 0;
    const pointer = pointerOf(tokens);
    // The checker judges a Client document as an object, whatever the spec says of a nullable reference to one.
    const node: JsonSchema = { type: root ? 'object' : folded.type };
    if (folded.format !== undefined) node.format = folded.format;
    if (folded.enum !== undefined) node.enum = folded.enum;
    if (folded.closed) {
      node.additionalProperties = false;
      node.properties = Object.fromEntries(folded.properties);
    }
    all.push({ pointer, tokens, node, required, nullable: !root && folded.nullable });
    sources.set(pointer, folded.source);
    if (folded.opaque) return;
    for (const [name, child] of folded.properties) {
      if (tokens.length === 2 && tokens[0] === 'sessions' && name === 'user') continue;
      walk(child, [...tokens, name], folded.required.has(name));
    }
    if (folded.items !== undefined) walk(folded.items, [...tokens, '*'], true);
  };
  walk({ $ref: '#/$defs/Client.Client' }, [], true);
  return { all, sources };
}

function fold(raw: JsonSchema, defs: Defs): Folded {
  const folded: Folded = {
    closed: false,
    nullable: false,
    properties: new Map(),
    required: new Set(),
    opaque: false,
    source: raw,
  };
  const visit = (node: JsonSchema | undefined) => {
    if (node === undefined) return;
    if (typeof node.$ref === 'string') visit(defs[node.$ref.slice('#/$defs/'.length)]);
    if (node.type !== undefined && folded.type === undefined) {
      const types = (Array.isArray(node.type) ? node.type : [node.type]) as string[];
      const values = types.filter((type) => type !== 'null');
      if (values.length < types.length) folded.nullable = true;
      folded.type = values.length === 1 ? values[0] : values;
    }
    if (node.format !== undefined) folded.format ??= node.format;
    if (Array.isArray(node.enum)) folded.enum = node.enum;
    if (node.additionalProperties === false) folded.closed = true;
    for (const [name, child] of Object.entries((node.properties ?? {}) as Record<string, JsonSchema>))
      if (!folded.properties.has(name)) folded.properties.set(name, child);
    for (const name of (node.required ?? []) as string[]) folded.required.add(name);
    if (typeof node.items === 'object' && node.items !== null) folded.items = node.items as JsonSchema;
    for (const member of (node.allOf ?? []) as JsonSchema[]) visit(member);
    if (Array.isArray(node.oneOf)) folded.opaque = true;
    if (Array.isArray(node.anyOf)) {
      const members = node.anyOf as JsonSchema[];
      const values = members.filter((member) => member.type !== 'null');
      if (values.length === 1 && members.length === 2) {
        folded.nullable = true;
        folded.source = values[0] as JsonSchema;
        visit(values[0]);
      } else folded.opaque = true;
    }
  };
  visit(raw);
  if (Array.isArray(folded.source.type)) folded.source = { ...folded.source, type: folded.type };
  return folded;
}

/** Valid values for objects and arrays a break may find absent, null or empty, so it can reach inside them. */
function fillerArbitraries(
  c: ResolvedConstraints,
  defs: Defs,
  all: readonly Location[],
  sources: ReadonlyMap<string, JsonSchema>,
): Map<string, fc.Arbitrary<unknown>> {
  const fillers = new Map<string, fc.Arbitrary<unknown>>([
    [pointerOf(['sign_in']), attemptArbitrary(c, defs, 'sign_in')],
    [pointerOf(['sign_up']), attemptArbitrary(c, defs, 'sign_up')],
  ]);
  for (const { pointer, node, tokens } of all) {
    if (tokens.length === 0 || fillers.has(pointer)) continue;
    if (node.type !== 'object' && node.type !== 'array') continue;
    fillers.set(pointer, schemaArbitrary({ $defs: defs, ...(sources.get(pointer) as JsonSchema) }));
  }
  return fillers;
}
