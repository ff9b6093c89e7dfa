/** Renders docs/invariants.md from the rule registry (`npm run docs`); a test fails when the file is stale. */
import fc from 'fast-check';
import { nearValidClientArbitrary, nearValidMutations } from '../src/arbitraries/nearValidClientArbitrary.js';
import {
  nearValidFapiClientArbitrary,
  nearValidFapiMutations,
} from '../src/arbitraries/nearValidFapiClientArbitrary.js';
import { createChecker } from '../src/check/checkClient.js';
import { rules } from '../src/check/ruleSettings.js';
import { invariants } from '../src/invariants/index.js';
import type { Invariant } from '../src/invariants/types.js';
import type { RuleDescription } from '../src/schema/schemaRules.js';

const SEED = 1;
/** The observation time of the examples: the generated Clients' default. */
const DOC_NOW = Date.UTC(2025, 11, 1);

export function renderInvariantsDoc(): string {
  const lines = [
    '# The rule catalogue',
    '',
    '<!-- Generated from src/invariants/ and src/schema/schemaRules.ts by `npm run docs`; do not edit by hand. -->',
    '',
    'Every rule `checkClient` reports: the schema keywords (`schema/<keyword>`), the two rules for what no Clerk',
    `schema documents yet (\`unknown-property\`, \`unknown-status\`), then the ${invariants.length} invariants in registry order. Ids are`,
    'the public contract (CLI flags, reports, near-valid labels). `error` fails the gate, `warning` is reported only,',
    '`off` is not checked; *strict* is the profile for Clerk itself or a faithful emulator.',
    '',
    "**Severity by evidence.** `error` where Clerk's spec or SDK makes the rule part of the contract, or every real",
    'capture holds it and a break would mislead a consumer; `warning` where the rule is undocumented, seen in few',
    'captures, or tolerated by the SDKs; `off` where real data cannot be judged without false alarms. A value no Clerk',
    'schema of any surface or version documents is `unknown-*` (a warning by default), so a Clerk release does not',
    'break every gate; one that belongs to another Clerk object, surface or version stays a schema error.',
    '',
    '**One root cause, one violation.** Each invariant states the fields it reads and the rules more basic than it.',
    "Where a schema rule or one of those fails on its inputs (the same session's, for a finding inside a session),",
    'its own finding there is a consequence and is not reported; a warning never hides an error.',
    '',
    '| id | default | strict |',
    '|---|---|---|',
    ...rules.map(
      (rule) =>
        `| [\`${rule.id}\`](#${anchor(rule.id)}) | ${rule.severity.default} | ${rule.severity.strict} |`,
    ),
    '',
  ];
  // Every rule is shown broken in the strict profile at a fixed observation time, where each can be made.
  const mix = { profile: 'strict', now: DOC_NOW } as const;
  const breakable = new Set(nearValidMutations(mix).map((mutation) => mutation.rule));
  // Rules of Frontend API Clients only are shown broken in one, by the FAPI near-valid arbitrary.
  const fapiBreakable = new Set(nearValidFapiMutations(mix).map((mutation) => mutation.rule));
  for (const rule of rules) {
    const arbitrary = breakable.has(rule.id)
      ? {
          name: 'nearValidClientArbitrary',
          kind: 'client' as const,
          values: nearValidClientArbitrary({ ...mix, rules: [rule.id], maxSessions: 2 }),
        }
      : fapiBreakable.has(rule.id)
        ? {
            name: 'nearValidFapiClientArbitrary',
            kind: 'fapi-client' as const,
            values: nearValidFapiClientArbitrary({ ...mix, rules: [rule.id], maxSessions: 2 }),
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
      ...dependencyLines(rule.id),
    );
    if (sample !== undefined && arbitrary !== undefined) {
      const found = createChecker({ profile: 'strict', now: sample.now })(
        arbitrary.kind,
        sample.value,
      ).violations.find((violation) => violation.rule === rule.id && violation.path === sample.path);
      lines.push(
        `- **Example violation** (\`${arbitrary.name}({ profile: 'strict', now, rules: ['${rule.id}'] })\`, seed ${SEED}: ${sample.mutation}), as the strict profile reports it:`,
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

/** What an invariant reads and the rules more basic than it (none for a schema rule). */
function dependencyLines(id: string): string[] {
  const invariant = invariants.find((each) => each.id === id);
  if (invariant === undefined) return [];
  const basic = invariant.dependsOn.map((each) => `[\`${each}\`](#${anchor(each)})`);
  return [
    `- **Reads:** ${invariant.reads.map((read) => `\`${read}\``).join(', ')}`,
    `- **Depends on:** ${['the schema rules', ...basic].join(', ')}`,
  ];
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
