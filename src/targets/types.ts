/** A JSON document read from a target, named by where it came from (`list.json`, a URL, line 12 of `log.ndjson`). */
export type TargetDocument = {
  kind: 'document';
  source: string;
  /** On an NDJSON file, the line the document is on (from 1), and `source` is the file: see {@link itemSource}. */
  line?: number;
  value: unknown;
  /** When the response was observed (ms since the epoch), when the target knows: a fetch, a HAR entry. */
  observedAt?: number;
  /** The Clerk API version the response was recorded under (`Clerk-API-Version`), when the target knows. */
  apiVersion?: string;
  /** A command that fetches the document again (`curl …`), secrets replaced by placeholders. */
  reproduce?: string;
};

/** A document that could not be read: the source that caused it and why, in words. */
export type TargetError = {
  kind: 'error';
  source: string;
  /** On an NDJSON file, the line that could not be read (from 1), and `source` is the file. */
  line?: number;
  message: string;
  /** For a URL, a command that repeats the failing request (`curl …`), secrets replaced by placeholders. */
  reproduce?: string;
};

/**
 * The name of the document an item is: its source, with the line on an NDJSON file (`log.ndjson:12`). Targets
 * leave it to be built here, only for the documents a report names: a line costs no string of its own.
 */
export function itemSource({ source, line }: { source: string; line?: number }): string {
  return line === undefined ? source : `${source}:${line}`;
}

/** Something the target passed over on purpose (a HAR entry that is no Client response), counted in the report. */
export type TargetSkip = { kind: 'skipped'; source: string; reason: string };

/** An item of a run, tagged with the target (as given on the command line) it came from. */
export type TargetItem = (TargetDocument | TargetError | TargetSkip) & { target?: string };

/** How targets read: limits, and what an HTTP target sends. */
export type ReadOptions = {
  /** Largest document (file, NDJSON line, HAR file or response body) accepted, in bytes. */
  maxBytes: number;
  /** Extra request headers for URL targets. */
  headers?: Readonly<Record<string, string>>;
  /** A Clerk secret key, sent as `Authorization: Bearer …` to URL targets and never printed. */
  secretKey?: string;
  /** How long a URL target may take to answer, body included, and how long any read may wait for data, in ms. */
  timeoutMs?: number;
  /** Follow `limit`/`offset` pagination of a list URL to its end. */
  allPages?: boolean;
  /** With `allPages`, the most pages read; a list that goes on is an error (the run is incomplete). */
  maxPages?: number;
  /** Stops every read when the run is interrupted. */
  signal?: AbortSignal;
  /** Shown instead of a URL's origin in sources (`embedded`), so sources stay the same across runs. */
  sourceOrigin?: string;
  /**
   * Writes the command that repeats a request to `url` (its secret query values shown as `***`). Default: a `curl`
   * line with the secret key and credential headers as placeholders.
   */
  reproduce?: (url: string) => string;
};

/** 10 MiB: far above any real Client list page, small enough to refuse a runaway file. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** 10,000 pages of 100: a million Clients, far beyond any instance, and a stop for pagination that never ends. */
export const DEFAULT_MAX_PAGES = 10_000;

/** 10 s: Clerk answers in well under a second. */
export const DEFAULT_TIMEOUT_MS = 10_000;
