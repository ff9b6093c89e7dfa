/** The requests of a stateful run: one budget, 429 handling, timeouts, and failures of the target kept apart. */
import { redact } from '../targets/secrets.js';

/** The target failed in a way no property covers (unreachable, 401, 5xx, a timeout): the run stops, exit 2. */
export class TargetError extends Error {
  override name = 'TargetError';
}

/** The run stopped before its end: `--max-requests` was reached, or a signal arrived. */
export class RunStopped extends Error {
  override name = 'RunStopped';
}

/** One answer of the target. */
export type Exchange = {
  method: string;
  path: string;
  requestBody?: unknown;
  status: number;
  /** The parsed JSON body, or the text when it is not JSON. */
  body: unknown;
  /** When the answer arrived (ms), the time its documents are judged at. */
  observedAt: number;
};

/** A fetch-like handler: the global `fetch`, or an in-process app's (`app.fetch` of Hono, Next route handlers…). */
export type FetchHandler = (request: Request) => Promise<Response>;

export type HttpOptions = {
  /** Where `/v1/...` is appended: `https://api.clerk.com`. */
  baseUrl: string;
  secretKey?: string;
  headers: Record<string, string>;
  timeoutMs: number;
  maxRequests: number;
  fetch: FetchHandler;
  signal: AbortSignal;
};

/** How long a `429` may ask to wait before the run gives up on the target. */
const MAX_RETRY_AFTER_MS = 60_000;

/** Sends the run's requests, counting each (retries too) against `maxRequests`. */
export class TargetHttp {
  requests = 0;
  readonly #options: HttpOptions;

  constructor(options: HttpOptions) {
    this.#options = options;
  }

  /**
   * Sends one request. `reserve` requests are kept back for clean-up (the users still to delete), so a run never
   * exceeds the cap; `cleanup` requests use that reserve and are not stopped by the signal. A `creates` request is
   * not sent once the signal is aborted, but once sent it runs to its answer: that answer names what the clean-up
   * must delete.
   */
  async send(
    method: string,
    path: string,
    {
      body,
      reserve = 0,
      cleanup = false,
      creates = false,
    }: { body?: unknown; reserve?: number; cleanup?: boolean; creates?: boolean } = {},
  ): Promise<Exchange> {
    const { baseUrl, secretKey, headers, timeoutMs, maxRequests, signal } = this.#options;
    for (;;) {
      if (!cleanup && signal.aborted) throw new RunStopped(`interrupted by ${String(signal.reason)}`);
      if (this.requests + 1 + (cleanup ? 0 : reserve) > maxRequests)
        throw new RunStopped(`--max-requests ${maxRequests} reached before the runs finished`);
      this.requests += 1;
      const url = `${baseUrl}${path}`;
      const request = new Request(url, {
        method,
        headers: {
          ...headers,
          accept: 'application/json',
          ...(secretKey ? { authorization: `Bearer ${secretKey}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal:
          cleanup || creates
            ? AbortSignal.timeout(timeoutMs)
            : AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
      });
      let response: Response;
      let text: string;
      try {
        response = await this.#options.fetch(request);
        text = await response.text();
      } catch (error) {
        if (!cleanup && signal.aborted) throw new RunStopped(`interrupted by ${String(signal.reason)}`);
        const reason =
          (error as Error).name === 'TimeoutError'
            ? `no answer within ${timeoutMs} ms`
            : (((error as Error).cause as Error | undefined)?.message ?? (error as Error).message);
        throw new TargetError(this.#redact(`${method} ${url}: ${reason}`));
      }
      const observedAt = Date.now();
      if (response.status === 429) {
        await this.#wait(retryAfterMs(response.headers.get('retry-after')), `${method} ${url}`, cleanup);
        continue;
      }
      if (response.status === 401 || response.status === 403)
        throw new TargetError(
          this.#redact(
            `${method} ${url} answered ${response.status}: check CLERK_SECRET_KEY (a key of the instance the URL serves)`,
          ),
        );
      if (response.status >= 500)
        throw new TargetError(
          this.#redact(`${method} ${url} answered ${response.status}: ${text.slice(0, 200)}`),
        );
      return {
        method,
        path,
        ...(body === undefined ? {} : { requestBody: body }),
        status: response.status,
        body: parsed(text),
        observedAt,
      };
    }
  }

  /** Waits as a 429 asks, unless that is longer than a run should, or the run is interrupted. */
  async #wait(ms: number, what: string, cleanup: boolean): Promise<void> {
    if (ms > MAX_RETRY_AFTER_MS)
      throw new TargetError(this.#redact(`${what} answered 429 and asks to wait ${Math.ceil(ms / 1000)} s`));
    const signal = this.#options.signal;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      const stop = () => {
        clearTimeout(timer);
        resolve();
      };
      if (!cleanup) signal.addEventListener('abort', stop, { once: true });
    });
  }

  #redact(text: string): string {
    const secrets = [this.#options.secretKey ?? '', ...Object.values(this.#options.headers)];
    return redact(text, secrets);
  }
}

/** `Retry-After` as ms: seconds or an HTTP date; 1 s when absent or unreadable. */
export function retryAfterMs(value: string | null): number {
  if (value === null) return 1000;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - Date.now());
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
