import { pointer, tokensOf } from '../jsonPointer.js';
import { redact } from '../targets/secrets.js';

/** The offending value of a violation in its context, kept so reports can show it without the document. */
export type Excerpt = {
  /** The JSON Pointer of the object or array shown. */
  at: string;
  /** That object or array as indented JSON, cut after {@link MAX_LINES} lines. */
  json: string;
};

const MAX_LINES = 40;
/** Deeper values, and items past the first few, are elided: an excerpt is for a person, and must never overflow. */
const MAX_DEPTH = 6;
const MAX_ITEMS = 30;
/** Fields whose values are credentials (a FAPI session's `last_active_token`, a `jwt`): shown as `***`. */
const SECRET_FIELD = /(?:^|_)(?:token|jwt|secret|password|api_?key|cookie|authorization)$/i;

/** The parent of the value at `path` (the value itself for the document), or undefined when it is not there. */
export function excerptAt(document: unknown, path: string): Excerpt | undefined {
  const tokens = tokensOf(path);
  const parentTokens = tokens.slice(0, -1);
  let node: unknown = document;
  for (const token of parentTokens) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  const json = JSON.stringify(pruned(node, MAX_DEPTH), null, 2);
  if (json === undefined) return undefined;
  const lines = json.split('\n');
  const at = pointer(...parentTokens);
  return { at, json: lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), '  …'].join('\n') : json };
}

/** `value` cut at `depth` levels and {@link MAX_ITEMS} items per level (recursion bounded by `depth`). */
function pruned(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redact(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth === 0) return Array.isArray(value) ? '[…]' : '{…}';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((item) => pruned(item, depth - 1));
    return value.length > MAX_ITEMS ? [...items, `… ${value.length - MAX_ITEMS} more`] : items;
  }
  const entries = Object.entries(value);
  const kept = entries
    .slice(0, MAX_ITEMS)
    .map(([key, item]) => [
      redact(key),
      SECRET_FIELD.test(key) && item !== null ? '***' : pruned(item, depth - 1),
    ]);
  if (entries.length > MAX_ITEMS) kept.push(['…', `${entries.length - MAX_ITEMS} more`]);
  // fromEntries defines own properties, so a `__proto__` key stays data.
  return Object.fromEntries(kept);
}
