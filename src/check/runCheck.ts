import type { TargetError, TargetItem } from '../targets/types.js';
import { createClientChecker } from './checkClient.js';
import { clientsOf } from './clientsOf.js';
import { inShard, type Shard } from './shard.js';
import type { CheckOptions, Severity, Violation } from './types.js';

/** A violation in a run, with the Client it was found in and, for a URL, how to fetch it again. */
export type SourcedViolation = Violation & { source: string; reproduce?: string };

/** Options of {@link runCheck}. */
export type RunOptions = CheckOptions & {
  /** The lowest severity that fails the run. @defaultValue `'error'` */
  failOn?: Severity;
  /** Check only this part of the documents. */
  shard?: Shard;
  /** Called after each document, for progress. */
  onDocument?: (documents: number) => void;
};

/** The outcome of checking every document of one or more targets. */
export type RunResult = {
  /** True when nothing failed: no violation at the failing severity and no input error. */
  ok: boolean;
  documents: number;
  clients: number;
  violations: SourcedViolation[];
  /** Documents that could not be read or parsed; the rest of the run went on. */
  errors: TargetError[];
  /** What targets passed over on purpose (HAR entries that are no Client responses). */
  skipped: number;
  failOn: Severity;
};

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
    failOn,
  };
  for await (const item of items) {
    if (options.shard !== undefined && !inShard(item.source, options.shard)) continue;
    if (item.kind === 'error') result.errors.push(item);
    if (item.kind === 'skipped') result.skipped += 1;
    if (item.kind !== 'document') continue;
    result.documents += 1;
    const reproduce = item.reproduce === undefined ? {} : { reproduce: item.reproduce };
    for (const client of clientsOf(item)) {
      result.clients += 1;
      for (const violation of check(client.value, item.observedAt).violations) {
        result.violations.push({ source: client.source, ...violation, ...reproduce });
      }
    }
    options.onDocument?.(result.documents);
  }
  result.ok = result.errors.length === 0 && failingViolations(result).length === 0;
  return result;
}

/** The violations at or above the run's failing severity. */
export function failingViolations(result: Pick<RunResult, 'violations' | 'failOn'>): SourcedViolation[] {
  return result.violations.filter(
    (violation) => result.failOn === 'warning' || violation.severity === 'error',
  );
}

/** 0 conformant, 1 violations at the failing severity, 2 an input or target error. */
export function exitCodeOf(result: RunResult): 0 | 1 | 2 {
  if (result.errors.length > 0) return 2;
  return failingViolations(result).length > 0 ? 1 : 0;
}
