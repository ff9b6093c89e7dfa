/** Builds an RFC 6901 JSON Pointer from its reference tokens (`pointer('sessions', 1, 'id')` is `/sessions/1/id`). */
export function pointer(...tokens: ReadonlyArray<string | number>): string {
  return tokens.map((token) => `/${String(token).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
