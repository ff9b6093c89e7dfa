/** Renders docs/invariants.md from the rule registry (`npm run docs`); a test fails when the file is stale. */
import fc from 'fast-check';
import { nearValidClientArbitrary, nearValidMutations } from '../src/arbitraries/nearValidClientArbitrary.js';
import {
  nearValidFapiClientArbitrary,
  nearValidFapiMutations,
} from '../src/arbitraries/nearValidFapiClientArbitrary.js';
import { createChecker } from '../src/check/checkClient.js';
import { rules } from '../src/check/ruleSettings.js';
import type { Invariant } from '../src/invariants/types.js';
import type { RuleDescription } from '../src/schema/schemaRules.js';

const SEED = 1;

export function renderInvariantsDoc(): string {
  const lines = [
    '# The rule catalogue',
    '',
    '<!-- Generated from src/invariants/ and src/schema/schemaRules.ts by `npm run docs`; do not edit by hand. -->',
    '',
    'Every rule `checkClient` reports: the schema keywords (`schema/<keyword>`), then the 14 invariants of the',
    'catalogue in order. Ids are the public contract (CLI flags, reports, near-valid labels). `error` fails the gate,',
    '`warning` is reported only, `off` is not checked; *strict* is the profile for Clerk itself or a faithful emulator.',
    '',
    '| id | default | strict |',
    '|---|---|---|',
    ...rules.map(
      (rule) =>
        `| [\`${rule.id}\`](#${anchor(rule.id)}) | ${rule.severity.default} | ${rule.severity.strict} |`,
    ),
    '',
  ];
  const breakable = new Set(nearValidMutations().map((mutation) => mutation.rule));
  // Rules of Frontend API Clients only are shown broken in one, by the FAPI near-valid arbitrary.
  const fapiBreakable = new Set(
    nearValidFapiMutations({ profile: 'strict' }).map((mutation) => mutation.rule),
  );
  for (const rule of rules) {
    const arbitrary = breakable.has(rule.id)
      ? {
          name: 'nearValidClientArbitrary',
          kind: 'client' as const,
          values: nearValidClientArbitrary({ rules: [rule.id], maxSessions: 2 }),
        }
      : fapiBreakable.has(rule.id)
        ? {
            name: 'nearValidFapiClientArbitrary',
            kind: 'fapi-client' as const,
            values: nearValidFapiClientArbitrary({ rules: [rule.id], maxSessions: 2, profile: 'strict' }),
          }
        : undefined;
    const [sample] = arbitrary === undefined ? [] : fc.sample(arbitrary.values, { numRuns: 1, seed: SEED });
    lines.push(
      `## \`${rule.id}\``,
      '',
      rule.description,
      '',
      `- **Severity:** ${rule.severity.default} in the default profile, ${rule.severity.strict} in the strict one.`,
      `- **Evidence:** ${rule.evidence}`,
      `- **Applies to:** ${appliesTo(rule)}`,
    );
    if (sample !== undefined && arbitrary !== undefined) {
      const found = createChecker({ profile: 'strict', now: sample.now })(
        arbitrary.kind,
        sample.value,
      ).violations.find((violation) => violation.rule === rule.id && violation.path === sample.path);
      lines.push(
        `- **Example violation** (\`${arbitrary.name}({ rules: ['${rule.id}'] })\`, seed ${SEED}: ${sample.mutation}), as the strict profile reports it:`,
        '',
        '```json',
        JSON.stringify(found, null, 2),
        '```',
      );
    } else {
      lines.push(
        '- **Example violation:** none can be made: a value that fails this keyword fails `schema/type` first.',
      );
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

/** Which documents a rule judges: the schema keywords judge every kind; an invariant names its APIs. */
function appliesTo(rule: RuleDescription | Invariant): string {
  if (!('surfaces' in rule)) return 'every kind of document, by its own schema.';
  const objects = rule.checkSession === undefined ? 'Clients' : 'Clients and each Session';
  const apis = rule.surfaces.map((surface) => (surface === 'bapi' ? 'Backend API' : 'Frontend API'));
  return `${apis.join(' and ')} ${objects}.`;
}

function anchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9-]/g, '');
}
