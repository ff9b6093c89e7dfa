import type { RunResult } from '../check/runCheck.js';

/** The machine report of `--format json`: one object with the verdict, counts, violations and input errors. */
export function jsonReport(result: RunResult): string {
  const report = {
    ok: result.ok,
    documents: result.documents,
    clients: result.clients,
    skipped: result.skipped,
    violations: result.violations.map(({ source, rule, severity, path, message, params, reproduce }) => ({
      source,
      rule,
      severity,
      path,
      message,
      ...(params === undefined ? {} : { params }),
      ...(reproduce === undefined ? {} : { reproduce }),
    })),
    errors: result.errors.map(({ source, message }) => ({ source, message })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
