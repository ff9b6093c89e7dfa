/** A JSON document read from a target, named by where it came from (`examples/list.json`, `-`, a URL). */
export type TargetDocument = { kind: 'document'; source: string; value: unknown };

/** A document that could not be read: the source that caused it and why, in words. */
export type TargetError = { kind: 'error'; source: string; message: string };

export type TargetItem = TargetDocument | TargetError;

/** Limits every target applies while reading. */
export type ReadOptions = {
  /** Largest document accepted, in bytes. */
  maxBytes: number;
};

/** 10 MiB: far above any real Client list page, small enough to refuse a runaway file. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
