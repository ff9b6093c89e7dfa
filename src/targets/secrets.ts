/** Keeping secrets out of every source name, message, reproduction line and recorded value. */

/** Header and query parameter names whose values are credentials. */
const SECRET_NAME = /auth|cookie|token|secret|key|session|password|jwt|signature/i;

/** Clerk secret keys wherever they appear, even where nobody said they were secrets. */
const SECRET_KEY = /\bsk_(?:live|test)_[A-Za-z0-9]+/g;
/** The userinfo (`user:pass@`) of any URL in a text. */
const USERINFO = /\b([a-z][a-z\d+.-]*:\/\/)[^\s/?#@]*@/gi;
/** One `name=value` of any URL query in a text. */
const QUERY_PARAMETER = /([?&;])([^=&#\s]+)=([^&#\s'"]*)/g;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** The URL with its userinfo and the values of credential-like query parameters replaced by `***`. */
export function displayUrl(url: URL | string): string {
  const shown = new URL(url);
  for (const name of [...shown.searchParams.keys()]) {
    if (isSecretName(name)) shown.searchParams.set(name, '***');
  }
  if (shown.username) shown.username = '***';
  if (shown.password) shown.password = '***';
  return shown.toString();
}

/**
 * `text` with every given secret value, every Clerk secret key, every URL's userinfo and every credential-like
 * query value replaced by `***`: for messages that quote URLs or responses (an HTTP error, a Location header).
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let shown = text;
  for (const secret of secrets) if (secret.length >= 4) shown = shown.replaceAll(secret, '***');
  return shown
    .replace(SECRET_KEY, '***')
    .replace(USERINFO, '$1***@')
    .replace(QUERY_PARAMETER, (all, separator: string, name: string) =>
      isSecretName(name) ? `${separator}${name}=***` : all,
    );
}

/**
 * A parsed document with every string (value or key) that holds one of `secrets` or a Clerk secret key redacted,
 * in place: a target that echoes the key in its body must not show it in any report. `text` is the document's
 * source text; when no secret can be in it (the common case) the value is returned untouched without a walk.
 */
export function redactDocument(text: string, value: unknown, secrets: readonly string[]): unknown {
  const present = secrets.filter((secret) => secret.length >= 4);
  // A JSON escape (\u0073k_…) could spell a secret the text search does not see: walk then too.
  if (
    !text.includes('\\u') &&
    !/sk_(?:live|test)_/.test(text) &&
    !present.some((secret) => text.includes(secret))
  )
    return value;
  const shown = (string: string) => redact(string, present);
  if (typeof value === 'string') return shown(value);
  // Iterative: a document may nest deeper than the call stack.
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    const object = node as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      const item = object[key];
      if (typeof item === 'string') object[key] = shown(item);
      else stack.push(item);
      const safeKey = shown(key);
      if (safeKey !== key) {
        Object.defineProperty(object, safeKey, {
          value: object[key],
          enumerable: true,
          writable: true,
          configurable: true,
        });
        delete object[key];
      }
    }
  }
  return value;
}

/** The values of credential-like `{ name, value }` pairs (HAR headers, cookies, query strings) and their words. */
export function secretValuesOf(pairs: unknown, every = false): string[] {
  if (!Array.isArray(pairs)) return [];
  const values: string[] = [];
  for (const pair of pairs) {
    const { name, value } = (pair ?? {}) as { name?: unknown; value?: unknown };
    if (typeof value !== 'string' || (!every && !(typeof name === 'string' && isSecretName(name)))) continue;
    values.push(value);
    // `Bearer sk_…`: the body echoes the token alone.
    for (const word of value.split(/[\s,;=]+/)) if (word.length >= 8 && word !== value) values.push(word);
  }
  return values;
}
