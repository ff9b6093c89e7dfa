/** Keeping secrets out of every source name, message and reproduction line. */

/** Header names whose values are credentials. */
const SECRET_NAME = /auth|cookie|token|secret|key|session|password|jwt|signature/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** The URL with the values of credential-like query parameters replaced by `***`. */
export function displayUrl(url: URL | string): string {
  const shown = new URL(url);
  for (const name of [...shown.searchParams.keys()]) {
    if (isSecretName(name)) shown.searchParams.set(name, '***');
  }
  if (shown.password) shown.password = '***';
  return shown.toString();
}

/** `text` with every occurrence of the given secret values replaced by `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let shown = text;
  for (const secret of secrets) if (secret.length >= 4) shown = shown.replaceAll(secret, '***');
  return shown;
}
