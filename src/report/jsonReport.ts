import { truncatedRules } from '../check/ruleTally.js';
import { pickCounts, type RunResult, type SourcedViolation } from '../check/runCheck.js';

/**
 * The machine report of `--format json`: the verdict, counts, violations and input errors, and what the run
 * counted but did not keep (`truncated`); the report file (`--report json`) adds the run's settings, without secrets.
 */
export function jsonReport(result: RunResult, settings?: Record<string, unknown>): string {
  return [...jsonReportChunks(result, settings)].join('');
}

/** The same report in pieces (one per violation), so stdout gets it without building one giant string. */
export function* jsonReportChunks(result: RunResult, settings?: Record<string, unknown>): Generator<string> {
  const truncated = truncatedRules(result);
  const errorsDropped = result.errorCount > result.errors.length;
  const fields: Array<[string, unknown]> = [
    ['ok', result.ok],
    ['documents', result.documents],
    ...Object.entries(pickCounts(result)),
    ['skipped', result.skipped],
  ];
  if (truncated.length > 0 || errorsDropped) {
    fields.push([
      'truncated',
      {
        ...(truncated.length > 0 ? { violations: truncated } : {}),
        ...(errorsDropped ? { errors: { total: result.errorCount, kept: result.errors.length } } : {}),
      },
    ]);
  }
  fields.push(['violations', result.violations.map(shown)]);
  fields.push([
    'errors',
    result.errors.map(({ source, message, reproduce }) => ({
      source,
      message,
      ...(reproduce === undefined ? {} : { reproduce }),
    })),
  ]);
  if (result.baseline !== undefined) fields.push(['baseline', result.baseline]);
  if (settings !== undefined) fields.push(['settings', settings]);
  yield '{';
  for (const [index, [key, value]] of fields.entries()) {
    yield `${index === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0) {
      yield '[';
      for (const [at, item] of value.entries()) yield `${at === 0 ? '' : ','}\n    ${indented(item, 4)}`;
      yield '\n  ]';
    } else yield indented(value, 2);
  }
  yield '\n}\n';
}

function shown({ source, kind, rule, severity, path, message, params, reproduce, known }: SourcedViolation) {
  return {
    source,
    kind,
    rule,
    severity,
    path,
    message,
    ...(params === undefined ? {} : { params }),
    ...(reproduce === undefined ? {} : { reproduce }),
    ...(known ? { known } : {}),
  };
}

/** `value` as indented JSON, nested `depth` spaces in (JSON strings hold no raw newline, so this is exact). */
function indented(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${' '.repeat(depth)}`);
}
