import { InvalidOptionError } from '../invalidOption.js';
import { invariants } from '../invariants/index.js';
import { schemaViolations } from '../schema/validator.js';
import { isPlainJsonData, toJsonData } from './jsonData.js';
import { resolveRuleSettings } from './ruleSettings.js';
import type { CheckOptions, CheckResult, Violation } from './types.js';

/** The tolerance for real clock skew when none is given, in ms. */
export const DEFAULT_CLOCK_SKEW_MS = 1000;

/**
 * Checks one Client: the seed schema first, then every invariant of the catalogue.
 * Never throws on any value; throws a TypeError only for bad options.
 */
export function checkClient(value: unknown, options: CheckOptions = {}): CheckResult {
  return createClientChecker(options)(value);
}

/**
 * Resolves the options once and returns a checker for many Clients (what the CLI and suites use). Its second
 * argument is when that Client was observed, used as `now` unless the options fix one.
 */
export function createClientChecker(
  options: CheckOptions = {},
): (value: unknown, observedAt?: number) => CheckResult {
  const settings = resolveRuleSettings(options);
  const clockSkewMs = options.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS;
  if (!Number.isFinite(clockSkewMs) || clockSkewMs < 0) {
    throw new InvalidOptionError(`clockSkewMs must be a finite number >= 0, got ${clockSkewMs}`);
  }
  if (options.now !== undefined && !Number.isFinite(options.now)) {
    throw new InvalidOptionError(`now must be a finite number of ms since the epoch, got ${options.now}`);
  }
  const context = { clockSkewMs, now: options.now };
  const active = invariants.flatMap((invariant) => {
    const severity = settings.get(invariant.id);
    return severity === undefined || severity === 'off' ? [] : [{ invariant, severity }];
  });

  const checkData = (value: unknown, observedAt: number | undefined): CheckResult => {
    const now = context.now ?? observedAt;
    const contextNow = now === context.now ? context : { ...context, now };
    const violations: Violation[] = [];
    for (const violation of schemaViolations(value)) {
      const severity = settings.get(violation.rule) ?? 'error';
      if (severity !== 'off') violations.push({ ...violation, severity });
    }
    for (const { invariant, severity } of active) {
      for (const finding of invariant.check(value, contextNow)) {
        violations.push({ rule: invariant.id, severity, ...finding });
      }
    }
    return { ok: violations.every((violation) => violation.severity !== 'error'), violations };
  };
  // Parsed JSON takes the fast path; anything else (getters, Proxies, inherited fields) is judged as the JSON it
  // would serialize to, and a value whose reads throw half way is judged again that way.
  return (value, observedAt) => {
    if (!isPlainJsonData(value)) return checkData(toJsonData(value), observedAt);
    try {
      return checkData(value, observedAt);
    } catch {
      return checkData(toJsonData(value), observedAt);
    }
  };
}
