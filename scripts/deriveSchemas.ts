/**
 * `npm run derive`: derives the Client and Session JSON Schemas of every dated spec file of clerk/openapi-specs
 * (in `../shared/specs/clerk-openapi-specs/`) into `src/schema/derived/`, and the table of what changed between
 * API versions into `docs/api-versions.md`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CORE_SCHEMA, load } from 'js-yaml';
import { renderApiVersionsDoc } from './apiVersionsDoc.js';
import { deriveDocument, type SpecFile } from './specToSchema.js';

/** Where the workplace keeps Clerk's specs, beside the checkout. */
export const SPEC_DIR = new URL('../../shared/specs/clerk-openapi-specs/', import.meta.url);

/** Every dated spec file that the derivation reads, in the order of the surfaces, then of the dates. */
export function specFiles(specDir: URL = SPEC_DIR): SpecFile[] {
  const files: SpecFile[] = [];
  for (const surface of ['bapi', 'fapi', 'webhooks'] as const) {
    for (const name of readdirSync(new URL(`${surface}/`, specDir)).sort()) {
      const date = /^(\d{4}-\d{2}-\d{2})\.yml$/.exec(name)?.[1];
      if (date !== undefined) files.push({ surface, date, file: `${surface}/${name}` });
    }
  }
  return files;
}

/** Every derived file, as its path in the repository and its exact content. */
export function deriveAll(specDir: URL = SPEC_DIR): Array<{ path: string; content: string }> {
  const derived = specFiles(specDir).map((source) => {
    // js-yaml reads the 6 MB of specs 8x faster than yaml gives the same values; the core schema keeps dates strings.
    const text = readFileSync(new URL(source.file, specDir), 'utf8');
    const spec = load(text, { schema: CORE_SCHEMA }) as Record<string, unknown>;
    return { source, document: deriveDocument(spec, source) };
  });
  const outputs = derived.map(({ source, document }) => ({
    path: `src/schema/derived/${source.surface}-${source.date}.json`,
    content: `${JSON.stringify(document, null, 2)}\n`,
  }));
  outputs.push({ path: 'docs/api-versions.md', content: renderApiVersionsDoc(derived) });
  return outputs;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const { path, content } of deriveAll()) {
    writeFileSync(new URL(`../${path}`, import.meta.url), content);
    console.log(`wrote ${path}`);
  }
}
