import type { RunOptions, RunResult } from '../check/runCheck.js';

/** Options of {@link startConformanceProxy}: where to forward, where to listen, and the options of `check`. */
export type ConformanceProxyOptions = RunOptions & {
  /** The API the proxy stands in front of: an http(s) origin, optionally with a base path (`https://api.clerk.com`). */
  upstream: string;
  /** Port to listen on. @defaultValue `0` (an ephemeral port) */
  port?: number;
  /** Address to listen on. @defaultValue `'127.0.0.1'` (loopback only) */
  host?: string;
  /** Largest response body checked, in bytes (decoded); larger ones pass through unchecked and are counted. */
  maxBytes?: number;
  /** A `.har` or `.ndjson` file that receives the checked traffic, credentials replaced by `***`. */
  record?: string;
  /**
   * Add `Clerk-Conformance: <rule ids>` to each response with violations. The body is then held until it is
   * checked (up to `maxBytes`). @defaultValue false: responses pass unchanged
   */
  violationHeader?: boolean;
  /** Called with each input error as it happens: an upstream that failed, a Clerk body that cannot be read. */
  onError?: (error: { source: string; message: string }) => void;
};

/** What went through the proxy, beyond what the checks counted. */
export type ProxyTraffic = {
  /** Requests forwarded to the upstream. */
  requests: number;
  /** Responses whose body was checked for Clerk documents. */
  inspected: number;
  /** Response bodies larger than `maxBytes`: passed through unchecked. */
  oversized: number;
  /** Requests the upstream never answered (refused, reset, cut off): each is also an input error of the run. */
  upstreamFailures: number;
};

/** The run of a proxy: the result `check` gives, plus the traffic counts. */
export type ProxyResult = RunResult & { traffic: ProxyTraffic };

/** A running proxy. */
export type ConformanceProxy = {
  /** Where to point a client: `http://127.0.0.1:<port>` (with the upstream's base path, if any, left out). */
  url: string;
  /** The upstream it forwards to, as reports name it (credential-like query values shown as `***`). */
  upstream: string;
  /** The result so far (violations, counts, traffic), as if the run ended now. */
  results: () => ProxyResult;
  /** Stops listening, ends the recording and returns the final result. */
  close: () => Promise<ProxyResult>;
};
