import { ruleIds } from '../check/ruleSettings.js';
import { countsOf } from '../check/ruleTally.js';
import type { RunResult, SourcedViolation } from '../check/runCheck.js';
import type { SubjectCounts } from '../documents/subjectKinds.js';
import { lineSafe } from './lineSafe.js';
import { plain, type Style } from './style.js';

/**
 * The human report: violations grouped by rule with source and path, how to fetch each failing URL again, input
 * errors, then a one-line summary.
 */
export function textReport(result: RunResult, style: Style = plain): string {
  const lines: string[] = [];
  for (const [rule, violations] of groupByRule(result.violations)) {
    const severity = violations[0]?.severity ?? 'error';
    const total = result.tally[rule]?.total ?? violations.length;
    const cut = total > violations.length ? ` (the first ${violations.length} shown)` : '';
    const heading = `${rule} (${severity}): ${plural(total, 'violation')}${cut}`;
    lines.push(style(['bold', severity === 'error' ? 'red' : 'yellow'], heading));
    // Target text (a file name, a key) is escaped and never starts a line: it cannot inject a CI log command.
    for (const { source, path, message, params, known } of violations) {
      const where = `${lineSafe(source)}  ${style('cyan', lineSafe(path) || '(the document)')}`;
      lines.push(
        `  - ${where}  ${message}${lineSafe(details(params))}${known ? style('dim', '  [known]') : ''}`,
      );
    }
    lines.push('');
  }
  // One reproduction line per failing URL, however many violations it has.
  const reproductions = new Set(result.violations.flatMap((violation) => violation.reproduce ?? []));
  for (const error of result.errors) if (error.reproduce) reproductions.add(error.reproduce);
  if (reproductions.size > 0) {
    lines.push(
      style('bold', 'Reproduce with:'),
      ...[...reproductions].map((command) => `  ${lineSafe(command)}`),
      '',
    );
  }
  if (result.baseline !== undefined) {
    const { file, known, resolved } = result.baseline;
    lines.push(`Baseline ${file}: ${plural(known, 'known violation')} [known] no longer fail the run.`);
    if (resolved.length > 0) {
      lines.push(
        `${plural(resolved.length, 'baseline entry', 'baseline entries')} resolved: remove them to tighten the baseline:`,
      );
      for (const { rule, source, path } of resolved)
        lines.push(`  - ${lineSafe(rule)}  ${lineSafe(source)}  ${lineSafe(path) || '(the document)'}`);
    }
    lines.push('');
  }
  for (const { source, message } of result.errors)
    lines.push(`${style('red', 'input error:')} ${lineSafe(source)}: ${lineSafe(message)}`);
  if (result.errorCount > result.errors.length)
    lines.push(`… and ${result.errorCount - result.errors.length} more input errors (not kept)`);
  if (result.errors.length > 0) lines.push('');
  lines.push(style(['bold', result.ok ? 'green' : 'red'], summaryLine(result)));
  return `${lines.join('\n')}\n`;
}

/** One line a person can read at the end of a CI log. */
export function summaryLine(result: RunResult): string {
  const { errors, warnings, known: knownCount, failing, rules } = countsOf(result);
  const checked = `${plural(result.documents, 'document')}, ${countsPhrase(result)} checked`;
  const found =
    errors + warnings === 0
      ? 'no violations'
      : `${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(rules, 'rule')}`;
  const inputErrors = result.errorCount > 0 ? `; ${plural(result.errorCount, 'input error')}` : '';
  const skipped = result.skipped > 0 ? `; ${result.skipped} skipped (not Client or Session responses)` : '';
  const known = knownCount > 0 ? `; ${knownCount} known from the baseline` : '';
  const verdict = result.ok ? 'conformant' : failing > 0 ? 'not conformant' : 'incomplete';
  return `${verdict}: ${checked}, ${found}${known}${inputErrors}${skipped}`;
}

/** The objects checked, per kind: `2 clients, 1 session`, or `nothing`. */
export function countsPhrase(counts: SubjectCounts): string {
  const parts = [
    [counts.clients, 'client'],
    [counts.sessions, 'session'],
    [counts.fapiClients, 'FAPI client'],
    [counts.fapiSessions, 'FAPI session'],
  ] as const;
  const phrase = parts.flatMap(([count, noun]) => (count > 0 ? [plural(count, noun)] : [])).join(', ');
  return phrase === '' ? 'nothing' : phrase;
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
