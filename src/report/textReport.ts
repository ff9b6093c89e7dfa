import { ruleIds } from '../check/ruleSettings.js';
import { failingViolations, type RunResult, type SourcedViolation } from '../check/runCheck.js';
import { plain, type Style } from './style.js';

/**
 * The human report: violations grouped by rule with source and path, how to fetch each failing URL again, input
 * errors, then a one-line summary.
 */
export function textReport(result: RunResult, style: Style = plain): string {
  const lines: string[] = [];
  for (const [rule, violations] of groupByRule(result.violations)) {
    const severity = violations[0]?.severity ?? 'error';
    const heading = `${rule} (${severity}): ${plural(violations.length, 'violation')}`;
    lines.push(style(['bold', severity === 'error' ? 'red' : 'yellow'], heading));
    for (const { source, path, message, params, known } of violations) {
      lines.push(
        `  ${source}  ${style('cyan', path || '(the document)')}  ${message}${details(params)}${known ? style('dim', '  [known]') : ''}`,
      );
    }
    lines.push('');
  }
  // One reproduction line per failing URL, however many violations it has.
  const reproductions = new Set(result.violations.flatMap((violation) => violation.reproduce ?? []));
  for (const error of result.errors) if (error.reproduce) reproductions.add(error.reproduce);
  if (reproductions.size > 0) {
    lines.push(style('bold', 'Reproduce with:'), ...[...reproductions].map((command) => `  ${command}`), '');
  }
  if (result.baseline !== undefined) {
    const { file, known, resolved } = result.baseline;
    lines.push(`Baseline ${file}: ${plural(known, 'known violation')} [known] no longer fail the run.`);
    if (resolved.length > 0) {
      lines.push(
        `${plural(resolved.length, 'baseline entry', 'baseline entries')} resolved: remove them to tighten the baseline:`,
      );
      for (const { rule, source, path } of resolved)
        lines.push(`  ${rule}  ${source}  ${path || '(the document)'}`);
    }
    lines.push('');
  }
  for (const { source, message } of result.errors)
    lines.push(`${style('red', 'input error:')} ${source}: ${message}`);
  if (result.errors.length > 0) lines.push('');
  lines.push(style(['bold', result.ok ? 'green' : 'red'], summaryLine(result)));
  return `${lines.join('\n')}\n`;
}

/** One line a person can read at the end of a CI log. */
export function summaryLine(result: RunResult): string {
  const errors = result.violations.filter((violation) => violation.severity === 'error').length;
  const warnings = result.violations.length - errors;
  const checked = `${plural(result.documents, 'document')}, ${plural(result.clients, 'client')} checked`;
  const found =
    result.violations.length === 0
      ? 'no violations'
      : `${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(new Set(result.violations.map((v) => v.rule)).size, 'rule')}`;
  const inputErrors = result.errors.length > 0 ? `; ${plural(result.errors.length, 'input error')}` : '';
  const skipped = result.skipped > 0 ? `; ${result.skipped} skipped (not Client responses)` : '';
  const knownCount = result.violations.filter((violation) => violation.known).length;
  const known = knownCount > 0 ? `; ${knownCount} known from the baseline` : '';
  const verdict = result.ok
    ? 'conformant'
    : failingViolations(result).length > 0
      ? 'not conformant'
      : 'incomplete';
  return `${verdict}: ${checked}, ${found}${known}${inputErrors}${skipped}`;
}

/** The params of a violation in one short line, so the text report shows the offending values. */
function details(params: Record<string, unknown> | undefined): string {
  if (params === undefined || Object.keys(params).length === 0) return '';
  const text = JSON.stringify(params);
  return ` ${text.length > MAX_DETAILS ? `${text.slice(0, MAX_DETAILS - 1)}…` : text}`;
}

const MAX_DETAILS = 160;

/** Violations by rule, in catalogue order (schema rules first), so reports read the same every run. */
function groupByRule(violations: SourcedViolation[]): Map<string, SourcedViolation[]> {
  const groups = new Map<string, SourcedViolation[]>();
  for (const violation of violations) {
    const group = groups.get(violation.rule);
    if (group === undefined) groups.set(violation.rule, [violation]);
    else group.push(violation);
  }
  const order = (rule: string) => ruleIds.indexOf(rule);
  return new Map([...groups].sort(([a], [b]) => order(a) - order(b)));
}

function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}
