import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';

/** Parsed JSON, or why it is not JSON with the line and column (1-based) of the first error. */
export type ParsedJson = { ok: true; value: unknown } | { ok: false; message: string };

/** Parses strict JSON text; a leading UTF-8 BOM is skipped, and an empty text is an error. */
export function parseJson(text: string): ParsedJson {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, message: 'empty document: expected JSON' };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    return { ok: false, message: `invalid JSON: ${locate(body) ?? (error as Error).message}` };
  }
}

/** JSON.parse does not always say where it failed on Node 20; jsonc-parser's strict mode does. */
function locate(text: string): string | undefined {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first === undefined) return undefined;
  const before = text.slice(0, first.offset);
  const line = before.split('\n').length;
  const column = first.offset - before.lastIndexOf('\n');
  return `${describe(printParseErrorCode(first.error))} at line ${line}, column ${column}`;
}

/** `CloseBracketExpected` → `close bracket expected`. */
function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
