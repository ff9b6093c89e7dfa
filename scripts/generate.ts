/** Regenerates the files derived from code and schema (`npm run generate`). */
import { writeFileSync } from 'node:fs';
import schema from '../src/schema/clerk-client.schema.json' with { type: 'json' };
import { renderTypes } from './schemaToTypes.js';

writeFileSync(new URL('../src/schema/types.ts', import.meta.url), renderTypes(schema));
