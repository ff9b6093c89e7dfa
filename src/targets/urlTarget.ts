import { isObject } from '../jsonValue.js';
import { parseJson } from './parseJson.js';
import { readCapped, SizeLimitError } from './readCapped.js';
import { displayUrl, isSecretName, redact, redactDocument } from './secrets.js';
import { DEFAULT_MAX_PAGES, DEFAULT_TIMEOUT_MS, type ReadOptions, type TargetItem } from './types.js';

const MAX_REDIRECTS = 5;
const DEFAULT_PAGE_LIMIT = 100;

type Fetched = { ok: true; value: unknown; observedAt: number } | { ok: false; message: string };

/**
 * The documents at an http(s) URL: one GET, or with `allPages` every page of a `limit`/`offset` list. Headers and
 * the secret key are sent to the URL's origin only (a redirect elsewhere goes without them); every message and
 * reproduction line shows them as `$CLERK_SECRET_KEY` or `***`.
 */
export async function* urlTarget(spec: string, options: ReadOptions): AsyncGenerator<TargetItem> {
  let page: URL | undefined;
  try {
    page = new URL(spec);
  } catch {
    yield { kind: 'error', source: redact(spec), message: 'not a valid URL' };
    return;
  }
  if (page.username !== '' || page.password !== '') {
    const message = 'credentials in the URL are never sent: give them with --header "Authorization: …"';
    yield { kind: 'error', source: displayUrl(page), message };
    return;
  }
  if (options.allPages && !page.searchParams.has('limit'))
    page.searchParams.set('limit', String(DEFAULT_PAGE_LIMIT));
  const secrets = secretValues(options);
  const unsendable = unsendableHeader(options);
  if (unsendable !== undefined) {
    yield { kind: 'error', source: displayUrl(page), message: unsendable };
    return;
  }
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  let count = 0;
  for (; page !== undefined && count < maxPages; count++) {
    const shown = displayUrl(page);
    const source = options.sourceOrigin ? `${options.sourceOrigin}${shown.slice(page.origin.length)}` : shown;
    const reproduce = options.reproduce ? options.reproduce(shown) : curlLine(page, options);
    const fetched = await fetchJson(page, options, secrets);
    if (!fetched.ok) {
      yield { kind: 'error', source, message: redact(fetched.message, secrets), reproduce };
      return;
    }
    yield { kind: 'document', source, value: fetched.value, observedAt: fetched.observedAt, reproduce };
    page = options.allPages ? nextPage(page, fetched.value) : undefined;
  }
  if (page !== undefined) {
    // A list cut short must not pass as a checked list.
    const source = displayUrl(page);
    yield {
      kind: 'error',
      source: options.sourceOrigin ? `${options.sourceOrigin}${source.slice(page.origin.length)}` : source,
      message: `stopped after ${count} pages and the list goes on: the run is incomplete`,
    };
  }
}

/**
 * Why a header cannot be sent, naming it but never showing its value: HTTP header values are Latin-1 without
 * CR, LF or NUL (a key pasted with a typographic `…` fails inside fetch with a cryptic ByteString error).
 */
function unsendableHeader(options: ReadOptions): string | undefined {
  const values: Array<[string, string]> = Object.entries(options.headers ?? {});
  if (options.secretKey) values.unshift(['the secret key', options.secretKey]);
  for (const [name, value] of values) {
    const at = firstUnsendable(value);
    if (at !== undefined) {
      const what = name === 'the secret key' ? name : `header ${name}`;
      return `${what} contains a character that cannot be sent in an HTTP header (${at}): the request was not made`;
    }
  }
  return undefined;
}

/** `U+2026 at position 8` for the first character no header value may hold, or undefined. */
export function firstUnsendable(value: string): string | undefined {
  const index = [...value].findIndex((char) => {
    const code = char.codePointAt(0) ?? 0;
    return code > 0xff || code === 0 || code === 0x0a || code === 0x0d;
  });
  if (index === -1) return undefined;
  const code = [...value][index]?.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} at position ${index + 1}`;
}

/** The headers a request carries: the secret key as a bearer token, then the caller's headers. */
function requestHeaders(options: ReadOptions): Record<string, string> {
  return {
    accept: 'application/json',
    ...(options.secretKey ? { authorization: `Bearer ${options.secretKey}` } : {}),
    ...options.headers,
  };
}

function secretValues(options: ReadOptions): string[] {
  const values = Object.entries(options.headers ?? {}).flatMap(([name, value]) =>
    isSecretName(name) ? [value] : [],
  );
  return options.secretKey ? [options.secretKey, ...values] : values;
}

async function fetchJson(url: URL, options: ReadOptions, secrets: readonly string[]): Promise<Fetched> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // One deadline for the whole exchange, redirects and body included; an interrupted run stops it too.
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  let current = url;
  let headers = requestHeaders(options);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    let response: Response;
    try {
      response = await fetch(current, { headers, redirect: 'manual', signal });
    } catch (error) {
      return { ok: false, message: networkError(error, current, timeoutMs, options.signal) };
    }
    const observedAt = Date.now();
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      await response.body?.cancel();
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        return {
          ok: false,
          message: `HTTP ${response.status} redirect to an invalid Location ${JSON.stringify(redact(location))}`,
        };
      }
      // Only http(s) is followed: a data: or file: URL would make the target's answer up.
      if (next.protocol !== 'http:' && next.protocol !== 'https:')
        return {
          ok: false,
          message: `HTTP ${response.status} redirect to a ${next.protocol} URL: only http(s) redirects are followed`,
        };
      // Credentials never follow a redirect to another origin.
      if (next.origin !== current.origin) headers = { accept: 'application/json' };
      current = next;
      continue;
    }
    let text: string;
    try {
      text = response.body ? await readCapped(response.body, options.maxBytes, { signal }) : '';
    } catch (error) {
      if (error instanceof SizeLimitError) {
        return {
          ok: false,
          message: `response larger than ${options.maxBytes} bytes: transfer stopped (raise it with --max-size)`,
        };
      }
      return { ok: false, message: networkError(error, current, timeoutMs, options.signal) };
    }
    const at = current.href === url.href ? '' : ` (redirected to ${displayUrl(current)})`;
    if (response.status !== 200) {
      return {
        ok: false,
        message: `HTTP ${response.status} ${response.statusText}${at}: ${bodyStart(text)}`,
      };
    }
    const parsed = parseJson(text);
    if (!parsed.ok) {
      const type = response.headers.get('content-type') ?? 'no content-type';
      return {
        ok: false,
        message: `HTTP 200 but not JSON (${type})${at}: ${parsed.message}; body starts ${bodyStart(text)}`,
      };
    }
    return { ok: true, value: redactDocument(text, parsed.value, secrets), observedAt };
  }
  return { ok: false, message: `more than ${MAX_REDIRECTS} redirects` };
}

function networkError(
  error: unknown,
  url: URL,
  timeoutMs: number,
  interrupt: AbortSignal | undefined,
): string {
  if (interrupt?.aborted) return 'interrupted before a complete response';
  const name = (error as Error).name;
  if (name === 'TimeoutError' || name === 'AbortError' || name === 'ReadAbortedError')
    return `no complete response within ${timeoutMs} ms (--timeout)`;
  const code = (error as { cause?: { code?: string } }).cause?.code;
  if (code === 'ECONNREFUSED') return `connection refused by ${url.host}`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `cannot resolve ${url.hostname}`;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET')
    return `connection closed by ${url.host} before a complete response`;
  return `request failed: ${(error as Error).message}${code ? ` (${code})` : ''}`;
}

function bodyStart(text: string): string {
  const start = text.slice(0, 200).replace(/\s+/g, ' ').trim();
  return start === '' ? '(empty body)' : JSON.stringify(text.length > 200 ? `${start}…` : start);
}

/** The next `offset` of a list page, or undefined after the last page. */
function nextPage(url: URL, value: unknown): URL | undefined {
  const items = Array.isArray(value)
    ? value
    : isObject(value) && Array.isArray(value.data)
      ? value.data
      : undefined;
  if (items === undefined || items.length === 0) return undefined;
  const offset = Number(url.searchParams.get('offset') ?? 0) + items.length;
  const total = isObject(value) && typeof value.total_count === 'number' ? value.total_count : undefined;
  if (total !== undefined ? offset >= total : items.length < Number(url.searchParams.get('limit')))
    return undefined;
  const next = new URL(url);
  next.searchParams.set('offset', String(offset));
  return next;
}

/** A curl command that repeats the request, with credentials as `$CLERK_SECRET_KEY` or `***`. */
export function curlLine(url: URL, options: ReadOptions): string {
  const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;
  const parts = ['curl', '-sS'];
  if (options.secretKey) parts.push('-H', '"Authorization: Bearer $CLERK_SECRET_KEY"');
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    parts.push('-H', quote(`${name}: ${isSecretName(name) ? '***' : value}`));
  }
  parts.push(quote(displayUrl(url)));
  return parts.join(' ');
}
