import { readFileSync } from 'node:fs';

/** This package's version, read from its package.json (two levels up from both src/ and dist/). */
export const TOOL_VERSION: string = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
).version;
