import type { RunResult } from '../check/runCheck.js';

/**
 * The machine report of `--format json`: the verdict, counts, violations and input errors; the report file
 * (`--report json`) adds the run's settings, without secrets.
 */
export function jsonReport(result: RunResult, settings?: Record<string, unknown>): string {
  const report = {
    ok: result.ok,
    documents: result.documents,
    clients: result.clients,
    skipped: result.skipped,
    violations: result.violations.map(
      ({ source, rule, severity, path, message, params, reproduce, known }) => ({
        source,
        rule,
        severity,
        path,
        message,
        ...(params === undefined ? {} : { params }),
        ...(reproduce === undefined ? {} : { reproduce }),
        ...(known ? { known } : {}),
      }),
    ),
    errors: result.errors.map(({ source, message, reproduce }) => ({
      source,
      message,
      ...(reproduce === undefined ? {} : { reproduce }),
    })),
    ...(result.baseline === undefined ? {} : { baseline: result.baseline }),
    ...(settings === undefined ? {} : { settings }),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
