/** The offending value of a violation in its context, kept so reports can show it without the document. */
export type Excerpt = {
  /** The JSON Pointer of the object or array shown. */
  at: string;
  /** That object or array as indented JSON, cut after {@link MAX_LINES} lines. */
  json: string;
};

const MAX_LINES = 40;

/** The parent of the value at `path` (the value itself for the document), or undefined when it is not there. */
export function excerptAt(document: unknown, path: string): Excerpt | undefined {
  const tokens =
    path === ''
      ? []
      : path
          .slice(1)
          .split('/')
          .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
  const parentTokens = tokens.slice(0, -1);
  let node: unknown = document;
  for (const token of parentTokens) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  const json = JSON.stringify(node, null, 2);
  if (json === undefined) return undefined;
  const lines = json.split('\n');
  const at = parentTokens.map((token) => `/${token.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
  return { at, json: lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), '  …'].join('\n') : json };
}
