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

/** jsonc-parser recurses per level: deeper invalid text is reported by where it got too deep instead. */
export const MAX_LOCATED_DEPTH = 1000;

/** JSON.parse does not always say where it failed on Node 20; jsonc-parser's strict mode does. */
function locate(text: string): string | undefined {
  const deep = offsetTooDeep(text, MAX_LOCATED_DEPTH);
  if (deep !== -1) return `nested deeper than ${MAX_LOCATED_DEPTH} levels at ${lineAndColumn(text, deep)}`;
  const errors: ParseError[] = [];
  try {
    parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch {
    return undefined;
  }
  const first = errors[0];
  if (first === undefined) return undefined;
  return `${describe(printParseErrorCode(first.error))} at ${lineAndColumn(text, first.offset)}`;
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/** The offset of the first bracket nested deeper than `max` (outside strings), or -1. One linear pass. */
function offsetTooDeep(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i += 1;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      depth += 1;
      if (depth > max) return i;
    } else if (char === 0x5d || char === 0x7d) depth -= 1;
  }
  return -1;
}

/** `CloseBracketExpected` → `close bracket expected`. */
function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
