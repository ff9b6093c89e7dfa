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

const SCHEMAS =
  'The seed schema (the BAPI `Client` of clerk/openapi-specs) for the latest Backend API version, and the schemas derived from the dated specs for older versions and the Frontend API (`docs/api-versions.md`, with the spec gaps applied).';

/** The Ajv keywords that can fail on the seed and derived schemas, as `schema/<keyword>` rules, with their evidence. */
export const schemaRules: readonly RuleDescription[] = [
  [
    'type',
    'Every value has the type the schema gives it; OpenAPI `nullable: true` also allows null.',
    'Every real capture matches the types of its version; `@clerk/backend` (`ClientJSON`, `SessionJSON`) reads the same types.',
  ],
  [
    'enum',
    '`object`, statuses and other enumerated values are one of the values the schema lists (a status no Clerk schema documents is `unknown-status`).',
    'Every real capture; the value belongs to another Clerk object, surface or version, so Clerk would not send it here.',
  ],
  [
    'required',
    'Every required property is present (null is a value; an absent key is not).',
    'Every real capture of its version has them; `@clerk/backend` reads them without a guard (`sessions: null` makes `Client.fromJSON` throw). The SDK also requires `actor`, which the spec leaves optional: it is always present in real data and generated so.',
  ],
  [
    'additionalProperties',
    'The Client and its sessions have no property that another Clerk object, surface or version documents but this one does not (one no Clerk schema documents is `unknown-property`).',
    'The spec closes the Client and Session; a Frontend API field in a Backend API Client (`cookie_expires_at`, `last_active_token`) is a documented field in the wrong place.',
  ],
  [
    'format',
    'Timestamps are `int64` integers.',
    'The spec’s `format: int64`; an integer past 2^63 (an unsigned -1 meaning "never") is none and no SDK reads it as a time.',
  ],
  [
    'anyOf',
    'A value the spec gives alternatives for (a nullable object, a union) matches one of them.',
    'The dated specs’ unions (Frontend API `sign_in`, `sign_up`, tokens).',
  ],
  [
    'oneOf',
    'A value the spec gives exclusive alternatives for matches exactly one of them.',
    'The dated specs’ exclusive unions (Frontend API verifications).',
  ],
  ['pattern', 'A string the spec constrains by a pattern matches it.', 'The dated specs’ patterns.'],
].map(([keyword, description, evidence]) => ({
  id: `schema/${keyword}`,
  description: description as string,
  severity: { default: 'error', strict: 'error' },
  evidence: `${evidence} ${SCHEMAS}`,
}));

/**
 * What no Clerk schema documents yet, told apart from what Clerk would never send: Clerk adds fields and statuses in
 * releases (`last_authentication_strategy`, `pending`, `cookie_expires_at`), and a gate must not break on each one.
 */
export const unknownValueRules: readonly RuleDescription[] = [
  {
    id: 'unknown-property',
    description:
      'Every property is one that some Clerk schema of any surface or version documents (a documented one in the wrong place is `schema/additionalProperties`).',
    severity: { default: 'warning', strict: 'error' },
    evidence:
      'Clerk has added properties in place before (`last_authentication_strategy` in late 2025, back-filled into older spec files; `cookie_expires_at`), and `@clerk/backend` ignores extra keys: an unknown one is news, not a fault, until a spec documents it.',
  },
  {
    id: 'unknown-status',
    description:
      'A `status` is one that some Clerk schema documents (a documented status the object’s schema does not list is `schema/enum`).',
    severity: { default: 'warning', strict: 'error' },
    evidence:
      '`pending` appeared in 2025-03-12 and is still missing from the `GET /sessions?status=` filter and the webhook Session enum; `@clerk/backend` types `SessionJSON.status` as a plain `string`.',
  },
];
