import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { renderStatefulDoc } from '../../scripts/statefulDoc.js';
import { FAULTS } from '../../src/server/faults.js';
import { STATEFUL_FAULTS } from '../../src/server/statefulFaults.js';
import { STATEFUL_PROPERTIES } from '../../src/stateful/properties.js';

test('property ids are unique, and every stateful fault names one; fault names are unique across both catalogues', () => {
  const ids = STATEFUL_PROPERTIES.map((property) => property.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const fault of STATEFUL_FAULTS) expect(ids).toContain(fault.caughtBy);
  expect(STATEFUL_FAULTS.length).toBeGreaterThanOrEqual(6);
  const names = [...FAULTS, ...STATEFUL_FAULTS].map((fault) => fault.name);
  expect(new Set(names).size).toBe(names.length);
});

test('docs/stateful.md is what `npm run docs` makes from the registry', () => {
  const committed = readFileSync(new URL('../../docs/stateful.md', import.meta.url), 'utf8');
  expect(committed, 'docs/stateful.md is stale: run npm run docs').toBe(renderStatefulDoc());
});
