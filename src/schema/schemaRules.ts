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
  'The seed schema: the Backend API Client of clerk/openapi-specs (`components.schemas.Client`).';

/** The Ajv keywords that can fail on the seed schema, as `schema/<keyword>` rules. */
export const schemaRules: readonly RuleDescription[] = [
  ['type', 'Every value has the type the schema gives it; OpenAPI `nullable: true` also allows null.'],
  ['enum', '`object` and session `status` are one of the values the schema lists.'],
  ['required', 'Every required property is present (null is a value; an absent key is not).'],
  ['additionalProperties', 'The Client and its sessions have no properties beyond the schema’s.'],
  ['format', 'Timestamps are `int64` integers.'],
].map(([keyword, description]) => ({
  id: `schema/${keyword}`,
  description: description as string,
  severity: { default: 'error', strict: 'error' },
  evidence: EVIDENCE,
}));
