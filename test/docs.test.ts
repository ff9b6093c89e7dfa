import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { renderInvariantsDoc } from '../scripts/invariantsDoc.js';
import { renderRealismDoc } from '../scripts/realismDoc.js';

test('docs/invariants.md is what `npm run docs` makes from the registry', () => {
  const committed = readFileSync(new URL('../docs/invariants.md', import.meta.url), 'utf8');
  expect(committed, 'docs/invariants.md is stale: run npm run docs').toBe(renderInvariantsDoc());
});

test('docs/realism.md is what `npm run docs` makes from the arbitraries', () => {
  const committed = readFileSync(new URL('../docs/realism.md', import.meta.url), 'utf8');
  expect(committed, 'docs/realism.md is stale: run npm run docs').toBe(renderRealismDoc());
});
