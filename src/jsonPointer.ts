/** Builds an RFC 6901 JSON Pointer from its reference tokens (`pointer('sessions', 1, 'id')` is `/sessions/1/id`). */
export function pointer(...tokens: ReadonlyArray<string | number>): string {
  return tokens.map((token) => `/${String(token).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** The reference tokens of an RFC 6901 JSON Pointer (`/sessions/1/id` is `['sessions', '1', 'id']`). */
export function tokensOf(path: string): string[] {
  if (path === '') return [];
  return path
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}
