/** Renders docs/stateful.md from the stateful property registry and fault catalogue (`npm run docs`). */
import { STATEFUL_FAULTS } from '../src/server/statefulFaults.js';
import { STATEFUL_PROPERTIES } from '../src/stateful/properties.js';
import { STATEFUL_DEFAULTS } from '../src/stateful/runStateful.js';

export function renderStatefulDoc(): string {
  const lines = [
    '# The stateful properties',
    '',
    '<!-- Generated from src/stateful/properties.ts and src/server/statefulFaults.ts by `npm run docs`; do not edit by hand. -->',
    '',
    '`clerk-conformance stateful` (and `runStateful` from `clerk-client-conformance/stateful`) runs sequences of',
    "documented Backend API requests drawn by fast-check's `fc.commands` and checks every answer against a model of",
    'what the run created. A failing sequence is shrunk to the shortest one that still fails. The properties, in the',
    `order they are judged (defaults: ${STATEFUL_DEFAULTS.runs} sequences of up to ${STATEFUL_DEFAULTS.maxSteps} commands, at most ${STATEFUL_DEFAULTS.maxRequests} requests):`,
    '',
    '| id | description |',
    '|---|---|',
    ...STATEFUL_PROPERTIES.map(
      (property) => `| [\`${property.id}\`](#${property.id}) | ${property.description} |`,
    ),
    '',
    'Where Clerk leaves a behaviour undocumented (revoking twice, what `last_active_session_id` becomes after a',
    'revoke, whether a revoked session stays in its Client), every answer that keeps the documents valid and the reads',
    'consistent is accepted.',
    '',
  ];
  for (const property of STATEFUL_PROPERTIES) {
    const faults = STATEFUL_FAULTS.filter((fault) => fault.caughtBy === property.id);
    lines.push(
      `## \`${property.id}\``,
      '',
      property.description,
      '',
      `- **Evidence:** ${property.evidence}`,
      `- **Embedded faults it catches:** ${faults.length === 0 ? 'none of the catalogue' : faults.map((fault) => `\`${fault.name}\` (${fault.description})`).join('; ')}`,
      '',
    );
  }
  return lines.join('\n');
}
