import type { Severity } from './types.js';

/** Violations kept per rule by default: plenty to act on, and memory stays bounded however many a run finds. */
export const DEFAULT_MAX_KEPT_PER_RULE = 1000;
/** Input errors kept by default; the rest are counted. */
export const DEFAULT_MAX_KEPT_ERRORS = 1000;

/** One rule's exact count in a run, and how many of its violations were kept as examples. */
export type RuleTally = { severity: Severity; total: number; known: number; kept: number };

/** What a run counted: exact per rule, whatever was kept. */
export type Tallied = {
  tally: Record<string, RuleTally>;
  failOn: Severity;
  /** Input errors seen (at least `errors.length`; more when some were not kept). */
  errorCount: number;
};

/**
 * Counts a violation in its rule's tally (and as known when a baseline marked it); true when it is to be kept, that
 * is when its rule has fewer than `maxKept` kept so far.
 */
export function tallied(
  tally: Record<string, RuleTally>,
  violation: { rule: string; severity: Severity; known?: boolean },
  maxKept: number,
): boolean {
  let rule = tally[violation.rule];
  if (rule === undefined) {
    rule = { severity: violation.severity, total: 0, known: 0, kept: 0 };
    tally[violation.rule] = rule;
  }
  rule.total += 1;
  if (violation.known) rule.known += 1;
  if (rule.kept >= maxKept) return false;
  rule.kept += 1;
  return true;
}

/** Whether violations of this severity fail a run that fails on `failOn`. */
export function failsAt(severity: Severity, failOn: Severity): boolean {
  return failOn === 'warning' || severity === 'error';
}

/** The exact counts of a run: errors, warnings, known from a baseline, failing ones and rules broken. */
export function countsOf(result: Tallied): {
  errors: number;
  warnings: number;
  known: number;
  failing: number;
  rules: number;
} {
  const counts = { errors: 0, warnings: 0, known: 0, failing: 0, rules: 0 };
  for (const { severity, total, known } of Object.values(result.tally)) {
    if (total === 0) continue;
    counts.rules += 1;
    if (severity === 'error') counts.errors += total;
    else counts.warnings += total;
    counts.known += known;
    if (failsAt(severity, result.failOn)) counts.failing += total - known;
  }
  return counts;
}

/** The rules whose violations were not all kept: `{ rule, total, kept }`, for reports to say so. */
export function truncatedRules(
  result: Pick<Tallied, 'tally'>,
): Array<{ rule: string; total: number; kept: number }> {
  return Object.entries(result.tally)
    .filter(([, { total, kept }]) => kept < total)
    .map(([rule, { total, kept }]) => ({ rule, total, kept }));
}
