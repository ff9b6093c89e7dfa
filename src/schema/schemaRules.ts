import type { RuleSetting } from '../check/types.js';

/** A rule `checkClient` reports: the schema's keywords and the invariants share this description. */
export type RuleDescription = {
  id: string;
  description: string;
  severity: { default: RuleSetting; strict: RuleSetting };
  evidence: string;
  /** True when the rule can only be judged at a known observation time (`now`); reports skip it otherwise. */
  needsNow?: boolean;
};

const EVIDENCE =
  'The seed schema (the Backend API Client of clerk/openapi-specs, `components.schemas.Client`) and the schemas derived from the dated specs for other versions and the Frontend API (`docs/api-versions.md`, with the gaps between the specs and real responses).';

/** The Ajv keywords that can fail on the seed and derived schemas, as `schema/<keyword>` rules. */
export const schemaRules: readonly RuleDescription[] = [
  ['type', 'Every value has the type the schema gives it; OpenAPI `nullable: true` also allows null.'],
  ['enum', '`object` and session `status` are one of the values the schema lists.'],
  ['required', 'Every required property is present (null is a value; an absent key is not).'],
  ['additionalProperties', 'The Client and its sessions have no properties beyond the schema’s.'],
  ['format', 'Timestamps are `int64` integers.'],
  ['anyOf', 'A value the spec gives alternatives for (a nullable object, a union) matches one of them.'],
  ['oneOf', 'A value the spec gives exclusive alternatives for matches exactly one of them.'],
  ['pattern', 'A string the spec constrains by a pattern matches it.'],
].map(([keyword, description]) => ({
  id: `schema/${keyword}`,
  description: description as string,
  severity: { default: 'error', strict: 'error' },
  evidence: EVIDENCE,
}));
