import schemaJson from './clerk-client.schema.json' with { type: 'json' };
import { API_VERSIONS, derivedDocument, webhookDocument } from './derived/index.js';
import { withSpecGaps } from './specGaps.js';

/**
 * The property names and `status` values that some Clerk schema documents, in any surface or version: a value
 * outside them is one the tool does not know yet (a Clerk release ahead of it), not one Clerk would never send.
 */
export type KnownVocabulary = { properties: ReadonlySet<string>; statuses: ReadonlySet<string> };

let known: KnownVocabulary | undefined;

/** Every property name and `status` enum value of the seed and of every derived schema (collected once). */
export function knownVocabulary(): KnownVocabulary {
  if (known !== undefined) return known;
  const properties = new Set<string>();
  const statuses = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) for (const item of node) walk(item);
    if (typeof node !== 'object' || node === null) return;
    const { properties: children } = node as { properties?: unknown };
    if (typeof children === 'object' && children !== null && !Array.isArray(children)) {
      for (const [name, child] of Object.entries(children)) {
        properties.add(name);
        const values = (child as { enum?: unknown }).enum;
        if (name === 'status' && Array.isArray(values))
          for (const value of values) if (typeof value === 'string') statuses.add(value);
      }
    }
    for (const value of Object.values(node)) walk(value);
  };
  walk(schemaJson);
  walk(webhookDocument);
  for (const surface of ['bapi', 'fapi'] as const) {
    for (const version of API_VERSIONS)
      walk(withSpecGaps(derivedDocument(surface, version), surface, version));
  }
  known = { properties, statuses };
  return known;
}
