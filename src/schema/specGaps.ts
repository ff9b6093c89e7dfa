import type { ApiVersion, DerivedDocument, Surface } from './derived/index.js';

/**
 * Where Clerk's real responses differ from its published specs, each gap with its evidence: the derived schemas are
 * facts about the specs, and a rule that flags a real response is a bug in the rule. Applied when a derived
 * schema is compiled; `docs/api-versions.md` lists them.
 */
export type SpecGap = {
  surface: Surface;
  /** The versions it applies to; undefined for every version. */
  versions?: readonly ApiVersion[];
  /** The `$defs` entry it loosens. */
  definition: string;
  /**
   * `optional`: these required fields may be absent; `nullable`: these fields may be null; `types-only`: this
   * embedded resource, and what only it references, is judged by the types of the fields it has, not by its
   * required lists.
   */
  change: { optional: readonly string[] } | { nullable: readonly string[] } | 'types-only';
  evidence: string;
};

const LEGACY: readonly ApiVersion[] = ['2021-02-05'];

export const SPEC_GAPS: readonly SpecGap[] = [
  {
    surface: 'bapi',
    versions: LEGACY,
    definition: 'Client',
    change: { optional: ['last_authentication_strategy'] },
    evidence:
      'Added in late 2025 and back-filled into the older spec files; a January 2024 Backend API Client (clerk-docs get-client printout) lacks it.',
  },
  {
    surface: 'fapi',
    versions: LEGACY,
    definition: 'Client.Client',
    change: { optional: ['last_authentication_strategy', 'cookie_expires_at', 'captcha_bypass'] },
    evidence:
      'Back-filled into the older spec files; Frontend API Clients recorded in February 2024 (clerk-ios mocks) lack all three.',
  },
  {
    surface: 'fapi',
    versions: LEGACY,
    definition: 'Client.Session',
    change: { optional: ['factor_verification_age'] },
    evidence:
      'Back-filled into the older spec files; sessions recorded in February 2024 (clerk-ios) lack it.',
  },
  {
    surface: 'fapi',
    definition: 'Client.Session',
    change: { nullable: ['user'] },
    evidence:
      '`GET /v1/me/sessions/active` answers sessions whose `user` is null (clerk-ios, February 2024).',
  },
  {
    surface: 'fapi',
    definition: 'Client.User',
    change: 'types-only',
    evidence:
      'The User embedded in each session is another resource whose field list grows with nearly every release (passkeys, enterprise_accounts, mfa_enabled_at, legal_accepted_at, timestamps of email addresses, phone numbers and external accounts), back-filled into every spec file; real Clients of 2024 lack them (clerk-ios, clerk-fapi-rs).',
  },
];

type Schema = { [keyword: string]: unknown };

/** The document with the gaps of its surface and version applied (a copy; the derived document stays as it is). */
export function withSpecGaps(document: DerivedDocument, surface: Surface, version: ApiVersion): Schema {
  const copy = structuredClone(document) as Schema;
  const defs = copy.$defs as Record<string, Schema>;
  for (const gap of SPEC_GAPS) {
    if (gap.surface !== surface || (gap.versions !== undefined && !gap.versions.includes(version))) continue;
    const definition = defs[gap.definition];
    if (definition === undefined) continue;
    const { change } = gap;
    if (change === 'types-only') {
      for (const name of onlyReachableFrom(defs, gap.definition)) dropRequired(defs[name]);
      continue;
    }
    for (const part of partsOf(definition)) {
      if ('optional' in change && Array.isArray(part.required))
        part.required = part.required.filter((field) => !change.optional.includes(field));
      const properties = part.properties as Record<string, Schema> | undefined;
      if (!('nullable' in change) || properties === undefined) continue;
      for (const field of change.nullable) {
        const property = properties[field];
        if (property !== undefined) properties[field] = { anyOf: [{ type: 'null' }, property] };
      }
    }
  }
  return copy;
}

/** A definition and the members of its `allOf`, where its properties and required lists stand. */
function partsOf(definition: Schema): Schema[] {
  const members = Array.isArray(definition.allOf) ? (definition.allOf as Schema[]) : [];
  return [definition, ...members];
}

/** Removes every `required` list in a schema, at any depth. */
function dropRequired(schema: unknown): void {
  if (typeof schema !== 'object' || schema === null) return;
  if (!Array.isArray(schema)) delete (schema as Schema).required;
  for (const value of Object.values(schema)) dropRequired(value);
}

/** `start` and the definitions that only it leads to (not reachable from the rest of the document without it). */
function onlyReachableFrom(defs: Record<string, Schema>, start: string): string[] {
  const fromStart = reachable(defs, [start], undefined);
  const others = Object.keys(defs).filter((name) => !fromStart.has(name));
  const fromOthers = reachable(defs, others, start);
  return [...fromStart].filter((name) => !fromOthers.has(name) || name === start);
}

function reachable(
  defs: Record<string, Schema>,
  roots: readonly string[],
  avoid: string | undefined,
): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.pop() as string;
    if (seen.has(name) || name === avoid) continue;
    seen.add(name);
    for (const ref of refsIn(defs[name])) queue.push(ref);
  }
  return seen;
}

function refsIn(schema: unknown, found: string[] = []): string[] {
  if (typeof schema !== 'object' || schema === null) return found;
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/'))
      found.push(value.slice(8));
    else refsIn(value, found);
  }
  return found;
}
