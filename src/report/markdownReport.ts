import { rules } from '../check/ruleSettings.js';
import { countsOf, failsAt } from '../check/ruleTally.js';
import { failingViolations, type RunResult } from '../check/runCheck.js';
import { summaryLine } from './textReport.js';

const FIRST = 10;

/** A short Markdown summary for a CI step summary: the verdict, counts per rule, the first failing violations. */
export function markdownReport(result: RunResult): string {
  const failing = failingViolations(result);
  const icon = result.ok ? '✅' : '❌';
  const rows = rules.flatMap((rule) => {
    const tally = result.tally[rule.id];
    if (tally === undefined || tally.total === 0) return [];
    const failed = failsAt(tally.severity, result.failOn) ? tally.total - tally.known : 0;
    return [`| \`${rule.id}\` | ${tally.severity} | ${tally.total} | ${failed} |`];
  });
  const failingTotal = countsOf(result).failing;
  const lines = [`## ${icon} Clerk Client conformance`, '', cell(summaryLine(result)), ''];
  if (rows.length > 0)
    lines.push('| Rule | Severity | Violations | Failing |', '|---|---|---|---|', ...rows, '');
  if (failing.length > 0) {
    lines.push(`**First failing violations** (${Math.min(FIRST, failing.length)} of ${failingTotal}):`, '');
    for (const v of failing.slice(0, FIRST))
      lines.push(`- \`${v.rule}\` ${code(v.source)} ${code(v.path || '(the document)')}: ${cell(v.message)}`);
    lines.push('');
  }
  if (result.errors.length > 0) {
    lines.push(
      `**Input errors** (${result.errorCount}):`,
      '',
      ...result.errors.slice(0, FIRST).map((e) => `- ${code(e.source)}: ${cell(e.message)}`),
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Target-supplied text in a code span: backticks cannot close it, newlines cannot break the list. */
function code(text: string): string {
  return `\`${text.replaceAll('`', "'").replace(/\s+/g, ' ')}\``;
}

/** Plain target-supplied text: no Markdown or HTML can start in it. */
function cell(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (char) => `\\${char}`).replace(/\s+/g, ' ');
}
