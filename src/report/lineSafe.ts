/**
 * Target-supplied text (sources, keys, values, messages) made safe for one line of a terminal or CI log: control
 * characters (ANSI escapes, newlines, carriage returns) are shown escaped, so the text can neither move the cursor,
 * recolour the terminal nor start a line of its own (a `::error::` GitHub Actions command).
 */
export function lineSafe(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => {
    const code = char.charCodeAt(0);
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    if (char === '\t') return '\\t';
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}
