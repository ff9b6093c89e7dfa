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
   * `optional`: these required fields may be absent; `nullable`: these fields may be null; `values`: these enums
   * also allow these values; `any-object`: this embedded resource is judged only as an object.
   */
  change:
    | { optional: readonly string[] }
    | { nullable: readonly string[] }
    | { values: Readonly<Record<string, readonly string[]>> }
    | 'any-object';
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
    definition: 'Client.SessionBase',
    change: { values: { status: ['pending', 'replaced'] } },
    evidence:
      "Some Frontend API spec files lack `pending` (2024-10-01, 2025-11-10, 2026-05-12) and all lack `replaced`, which @clerk/shared's SessionStatus, the Backend API Session and the `session.pending` webhook have: a signed-in session with unfinished tasks is `pending` on every surface.",
  },
  {
    surface: 'fapi',
    definition: 'Client.User',
    change: 'any-object',
    evidence:
      "The User embedded in each session is another resource, whose schema changes with nearly every release and is back-filled into every spec file. Real 2024 Clients contradict it: no passkeys, enterprise_accounts, mfa_enabled_at, legal_accepted_at or timestamps of email addresses, phone numbers and external accounts (clerk-ios, clerk-fapi-rs); an external account verified by `from_oauth_google` with a null redirect URL (clerk-fapi-rs). It is the User's contract, not the Client's.",
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
    if (change === 'any-object') {
      defs[gap.definition] = { type: 'object' };
      continue;
    }
    for (const part of partsOf(definition)) {
      if ('values' in change) addEnumValues(part, change.values);
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

/** Adds values to the enums of these properties of one part of a definition. */
function addEnumValues(part: Schema, values: Readonly<Record<string, readonly string[]>>): void {
  const properties = part.properties as Record<string, Schema> | undefined;
  for (const [field, added] of Object.entries(values)) {
    const property = properties?.[field];
    if (property === undefined || !Array.isArray(property.enum)) continue;
    property.enum = [...new Set([...property.enum, ...added])];
  }
}
