import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { renderTypes } from '../../scripts/schemaToTypes.js';
import { clientSchema } from '../../src/schema/validator.js';

test('src/schema/types.ts is what `npm run generate` makes from the schema', () => {
  const committed = readFileSync(new URL('../../src/schema/types.ts', import.meta.url), 'utf8');
  expect(committed).toBe(renderTypes(clientSchema));
});
