import type { TargetError, TargetItem } from '../targets/types.js';
import { createClientChecker } from './checkClient.js';
import { clientsOf } from './clientsOf.js';
import type { CheckOptions, Severity, Violation } from './types.js';

/** A violation in a run, with the Client it was found in. */
export type SourcedViolation = Violation & { source: string };

/** Options of {@link runCheck}. */
export type RunOptions = CheckOptions & {
  /** The lowest severity that fails the run. @defaultValue `'error'` */
  failOn?: Severity;
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
  failOn: Severity;
};

/** Checks every Client of every document; reading errors are collected, never thrown. */
export async function runCheck(
  items: AsyncIterable<TargetItem>,
  options: RunOptions = {},
): Promise<RunResult> {
  const check = createClientChecker(options);
  const failOn = options.failOn ?? 'error';
  const result: RunResult = { ok: true, documents: 0, clients: 0, violations: [], errors: [], failOn };
  for await (const item of items) {
    if (item.kind === 'error') {
      result.errors.push(item);
      continue;
    }
    result.documents += 1;
    for (const client of clientsOf(item)) {
      result.clients += 1;
      for (const violation of check(client.value).violations)
        result.violations.push({ source: client.source, ...violation });
    }
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
