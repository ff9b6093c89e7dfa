/** Regenerates the files derived from code and schema: `npm run generate` (types) and `npm run docs`. */
import { writeFileSync } from 'node:fs';
import schema from '../src/schema/clerk-client.schema.json' with { type: 'json' };
import { renderInvariantsDoc } from './invariantsDoc.js';
import { renderRealismDoc } from './realismDoc.js';
import { renderTypes } from './schemaToTypes.js';
import { renderStatefulDoc } from './statefulDoc.js';

const what = process.argv[2];
if (what === 'types') writeFileSync(new URL('../src/schema/types.ts', import.meta.url), renderTypes(schema));
else if (what === 'docs') {
  writeFileSync(new URL('../docs/invariants.md', import.meta.url), renderInvariantsDoc());
  writeFileSync(new URL('../docs/realism.md', import.meta.url), renderRealismDoc());
  writeFileSync(new URL('../docs/stateful.md', import.meta.url), renderStatefulDoc());
} else throw new Error(`usage: tsx scripts/generate.ts types|docs, got ${String(what)}`);
