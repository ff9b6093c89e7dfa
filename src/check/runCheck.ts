import type { TargetError, TargetItem } from '../targets/types.js';
import type { BaselineOutcome } from './baseline.js';
import { createClientChecker } from './checkClient.js';
import { clientsOf } from './clientsOf.js';
import { type Excerpt, excerptAt } from './excerpt.js';
import {
  countsOf,
  DEFAULT_MAX_KEPT_ERRORS,
  DEFAULT_MAX_KEPT_PER_RULE,
  type RuleTally,
  type Tallied,
  tallied,
} from './ruleTally.js';
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
  /** Called with every violation, kept or not, before it is counted (a baseline marks it `known` here). */
  onViolation?: (violation: SourcedViolation) => void;
  /** Violations kept per rule; the rest are counted in `tally`. @defaultValue 1000 */
  maxKeptPerRule?: number;
  /** Input errors kept; the rest are counted in `errorCount`. @defaultValue 1000 */
  maxKeptErrors?: number;
};

/** What one target yielded. */
export type TargetSummary = { name: string; documents: number; clients: number };

/** The outcome of checking every document of one or more targets. */
export type RunResult = {
  /** True when nothing failed: no new violation at the failing severity and no input error. */
  ok: boolean;
  documents: number;
  clients: number;
  /** The violations kept: the first `maxKeptPerRule` of each rule. */
  violations: SourcedViolation[];
  /** Every rule's exact count of violations, kept or not. */
  tally: Record<string, RuleTally>;
  /** Documents that could not be read or parsed (the first `maxKeptErrors`); the rest of the run went on. */
  errors: Array<TargetError & { target?: string }>;
  /** How many input errors there were, kept or not. */
  errorCount: number;
  /** What targets passed over on purpose (HAR entries that are no Client responses). */
  skipped: number;
  targets: TargetSummary[];
  failOn: Severity;
  /** Set when a baseline was applied (`--baseline`). */
  baseline?: BaselineOutcome;
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
  const maxKept = options.maxKeptPerRule ?? DEFAULT_MAX_KEPT_PER_RULE;
  const maxErrors = options.maxKeptErrors ?? DEFAULT_MAX_KEPT_ERRORS;
  const result: RunResult = {
    ok: true,
    documents: 0,
    clients: 0,
    violations: [],
    tally: {},
    errors: [],
    errorCount: 0,
    skipped: 0,
    targets: [],
    failOn,
  };
  const byTarget = new Map<string, TargetSummary>();
  for await (const item of items) {
    if (options.shard !== undefined && !inShard(item.source, options.shard)) continue;
    const name = item.target ?? item.source;
    let target = byTarget.get(name);
    if (target === undefined) {
      target = { name, documents: 0, clients: 0 };
      byTarget.set(name, target);
      result.targets.push(target);
    }
    const tag = item.target === undefined ? {} : { target: item.target };
    if (item.kind === 'error') {
      result.errorCount += 1;
      if (result.errors.length < maxErrors)
        result.errors.push({ kind: 'error', source: item.source, message: item.message, ...tag });
    }
    if (item.kind === 'skipped') result.skipped += 1;
    if (item.kind !== 'document') continue;
    result.documents += 1;
    target.documents += 1;
    const reproduce = item.reproduce === undefined ? {} : { reproduce: item.reproduce };
    for (const client of clientsOf(item)) {
      result.clients += 1;
      target.clients += 1;
      for (const violation of check(client.value, item.observedAt).violations) {
        const sourced: SourcedViolation = {
          source: client.source,
          document: item.source,
          ...violation,
          ...tag,
          ...reproduce,
        };
        options.onViolation?.(sourced);
        // Counts stay exact; examples are bounded, so memory does not grow with the number of violations.
        if (!tallied(result.tally, sourced, maxKept)) continue;
        if (result.violations.length < MAX_EXCERPTS) {
          const excerpt = excerptAt(client.value, violation.path);
          if (excerpt) sourced.excerpt = excerpt;
        }
        result.violations.push(sourced);
      }
    }
    options.onDocument?.(result.documents);
  }
  result.ok = isOk(result);
  return result;
}

/** The violations that fail the run: at or above its failing severity, and not known from a baseline. */
export function failingViolations(result: Pick<RunResult, 'violations' | 'failOn'>): SourcedViolation[] {
  return result.violations.filter(
    (violation) => !violation.known && (result.failOn === 'warning' || violation.severity === 'error'),
  );
}

/** No input error and no failing violation, counted exactly (kept or not). */
export function isOk(result: Tallied): boolean {
  return result.errorCount === 0 && countsOf(result).failing === 0;
}

/** 0 conformant, 1 violations at the failing severity, 2 an input or target error. */
export function exitCodeOf(result: Tallied): 0 | 1 | 2 {
  if (result.errorCount > 0) return 2;
  return countsOf(result).failing > 0 ? 1 : 0;
}
