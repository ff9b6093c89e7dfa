/** Which headers belong to one connection only (RFC 9110 §7.6.1), and so are not passed on by a proxy. */

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * The end-to-end headers of a raw header list (`message.rawHeaders`: name, value, name, value, …), names in their
 * original case and order, without the hop-by-hop ones and those the `Connection` header names; `replace` sets
 * headers (lowercase names) in place of any the list has.
 */
export function endToEndHeaders(raw: readonly string[], replace: Record<string, string> = {}): string[] {
  const named = new Set(HOP_BY_HOP);
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i]?.toLowerCase() !== 'connection') continue;
    for (const token of (raw[i + 1] ?? '').split(',')) named.add(token.trim().toLowerCase());
  }
  const kept: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] ?? '';
    const lower = name.toLowerCase();
    if (named.has(lower) || Object.hasOwn(replace, lower)) continue;
    kept.push(name, raw[i + 1] ?? '');
  }
  for (const [name, value] of Object.entries(replace)) kept.push(name, value);
  return kept;
}

/** A raw header list as `{ name, value }` pairs (how HAR and the checks read headers). */
export function pairsOf(raw: readonly string[]): Array<{ name: string; value: string }> {
  const pairs: Array<{ name: string; value: string }> = [];
  for (let i = 0; i < raw.length; i += 2) pairs.push({ name: raw[i] ?? '', value: raw[i + 1] ?? '' });
  return pairs;
}
