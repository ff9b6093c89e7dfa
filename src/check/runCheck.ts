import type { TargetError, TargetItem } from '../targets/types.js';
import type { BaselineOutcome } from './baseline.js';
import { createClientChecker } from './checkClient.js';
import { clientsOf } from './clientsOf.js';
import { type Excerpt, excerptAt } from './excerpt.js';
import { inShard, type Shard } from './shard.js';
import type { CheckOptions, Severity, Violation } from './types.js';

/** A violation in a run: the Client it was found in, its target, and (for reports) the value in context. */
export type SourcedViolation = Violation & {
  source: string;
  /** The source of the document the Client is in (the same as `source` for a bare Client). */
  document: string;
  target?: string;
  /** For a URL, a command that fetches the document again. */
  reproduce?: string;
  /** The offending value in its context (kept for the first violations of a run only). */
  excerpt?: Excerpt;
  /** Listed in the baseline: reported, but does not fail the run. */
  known?: boolean;
};

/** Options of {@link runCheck}. */
export type RunOptions = CheckOptions & {
  /** The lowest severity that fails the run. @defaultValue `'error'` */
  failOn?: Severity;
  /** Check only this part of the documents. */
  shard?: Shard;
  /** Called after each document, for progress. */
  onDocument?: (documents: number) => void;
};

/** What one target yielded, and how long reading and checking it took. */
export type TargetSummary = {
  name: string;
  documents: number;
  clients: number;
  /** Documents whose observation time was known, so rules that need `now` judged them. */
  observed: number;
  durationMs: number;
};

/** The outcome of checking every document of one or more targets. */
export type RunResult = {
  /** True when nothing failed: no new violation at the failing severity and no input error. */
  ok: boolean;
  documents: number;
  clients: number;
  violations: SourcedViolation[];
  /** Documents that could not be read or parsed; the rest of the run went on. */
  errors: Array<TargetError & { target?: string }>;
  /** What targets passed over on purpose (HAR entries that are no Client responses). */
  skipped: number;
  targets: TargetSummary[];
  failOn: Severity;
  /** Set when a baseline was applied (`--baseline`). */
  baseline?: BaselineOutcome;
  /** When the run started (ms since the epoch) and how long it took. */
  startedAt: number;
  durationMs: number;
};

/** Reports show the offending value in context for this many violations of a run; memory stays bounded past it. */
const MAX_EXCERPTS = 1000;

/** Checks every Client of every document; reading errors are collected, never thrown. */
export async function runCheck(
  items: AsyncIterable<TargetItem>,
  options: RunOptions = {},
): Promise<RunResult> {
  const check = createClientChecker(options);
  const failOn = options.failOn ?? 'error';
  const result: RunResult = {
    ok: true,
    documents: 0,
    clients: 0,
    violations: [],
    errors: [],
    skipped: 0,
    targets: [],
    failOn,
    startedAt: Date.now(),
    durationMs: 0,
  };
  const started = performance.now();
  // Each item's time (reading it, then checking it) goes to its target.
  let last = started;
  const byTarget = new Map<string, TargetSummary>();
  for await (const item of items) {
    if (options.shard !== undefined && !inShard(item.source, options.shard)) continue;
    const name = item.target ?? item.source;
    let target = byTarget.get(name);
    if (target === undefined) {
      target = { name, documents: 0, clients: 0, observed: 0, durationMs: 0 };
      byTarget.set(name, target);
      result.targets.push(target);
    }
    last = spend(target, last);
    const tag = item.target === undefined ? {} : { target: item.target };
    if (item.kind === 'error') {
      const reproduce = item.reproduce === undefined ? {} : { reproduce: item.reproduce };
      result.errors.push({ kind: 'error', source: item.source, message: item.message, ...tag, ...reproduce });
    }
    if (item.kind === 'skipped') result.skipped += 1;
    if (item.kind !== 'document') continue;
    result.documents += 1;
    target.documents += 1;
    if (item.observedAt !== undefined) target.observed += 1;
    const reproduce = item.reproduce === undefined ? {} : { reproduce: item.reproduce };
    for (const client of clientsOf(item)) {
      result.clients += 1;
      target.clients += 1;
      for (const violation of check(client.value, item.observedAt).violations) {
        const excerpt =
          result.violations.length < MAX_EXCERPTS ? excerptAt(client.value, violation.path) : undefined;
        result.violations.push({
          source: client.source,
          document: item.source,
          ...violation,
          ...tag,
          ...reproduce,
          ...(excerpt ? { excerpt } : {}),
        });
      }
    }
    options.onDocument?.(result.documents);
    last = spend(target, last);
  }
  result.durationMs = performance.now() - started;
  result.ok = isOk(result);
  return result;
}

/** Adds the time since `since` to the target; returns now. */
function spend(target: TargetSummary, since: number): number {
  const now = performance.now();
  target.durationMs += now - since;
  return now;
}

/** The violations that fail the run: at or above its failing severity, and not known from a baseline. */
export function failingViolations(result: Pick<RunResult, 'violations' | 'failOn'>): SourcedViolation[] {
  return result.violations.filter(
    (violation) => !violation.known && (result.failOn === 'warning' || violation.severity === 'error'),
  );
}

export function isOk(result: Pick<RunResult, 'violations' | 'failOn' | 'errors'>): boolean {
  return result.errors.length === 0 && failingViolations(result).length === 0;
}

/** 0 conformant, 1 violations at the failing severity, 2 an input or target error. */
export function exitCodeOf(result: RunResult): 0 | 1 | 2 {
  if (result.errors.length > 0) return 2;
  return failingViolations(result).length > 0 ? 1 : 0;
}
