import { rules } from '../check/ruleSettings.js';
import { failingViolations, type RunResult, type SourcedViolation } from '../check/runCheck.js';
import { escapeMarkup as x } from './escape.js';

/**
 * JUnit XML for CI viewers: a testsuite per target, a testcase per rule (failing with each source and path where
 * the rule fails the run), and a testcase for reading the target (an error per input error).
 */
export function junitReport(result: RunResult): string {
  const failing = new Set(failingViolations(result));
  const suites = result.targets.map((target) => {
    const mine = (violation: SourcedViolation) => (violation.target ?? violation.document) === target.name;
    const errors = result.errors.filter((error) => (error.target ?? error.source) === target.name);
    const cases = rules.map((rule) => {
      const broken = result.violations.filter((violation) => mine(violation) && violation.rule === rule.id);
      const failures = broken.filter((violation) => failing.has(violation));
      const head = `    <testcase classname="${x(`clerk-conformance.${target.name}`)}" name="${x(rule.id)}"`;
      const others = broken.filter((violation) => !failing.has(violation));
      const out =
        others.length > 0 ? `\n      <system-out>${x(lines(others, 'not failing'))}</system-out>` : '';
      if (failures.length === 0) return out === '' ? `${head}/>` : `${head}>${out}\n    </testcase>`;
      return `${head}>\n      <failure type="${x(rule.id)}" message="${x(`${failures.length} violation(s): ${rule.description}`)}">${x(lines(failures))}</failure>${out}\n    </testcase>`;
    });
    const reading =
      errors.length === 0
        ? `    <testcase classname="${x(`clerk-conformance.${target.name}`)}" name="read documents"/>`
        : `    <testcase classname="${x(`clerk-conformance.${target.name}`)}" name="read documents">\n${errors
            .map((error) => `      <error type="input" message="${x(`${error.source}: ${error.message}`)}"/>`)
            .join('\n')}\n    </testcase>`;
    const failed = cases.filter((each) => each.includes('<failure')).length;
    const attributes = `name="${x(target.name)}" tests="${rules.length + 1}" failures="${failed}" errors="${errors.length === 0 ? 0 : 1}" skipped="0"`;
    return `  <testsuite ${attributes}>\n    <properties>\n      <property name="documents" value="${target.documents}"/>\n      <property name="clients" value="${target.clients}"/>\n    </properties>\n${[reading, ...cases].join('\n')}\n  </testsuite>`;
  });
  const tests = result.targets.length * (rules.length + 1);
  const failures = suites.reduce((sum, suite) => sum + (suite.match(/<failure /g)?.length ?? 0), 0);
  const errors = suites.filter((suite) => suite.includes('<error ')).length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="clerk-client-conformance" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join('\n')}\n</testsuites>\n`;
}

function lines(violations: SourcedViolation[], note?: string): string {
  return violations
    .map(({ source, path, message, severity, reproduce, known }) => {
      const tags = [severity, known ? 'known from the baseline' : undefined, note].filter(Boolean).join(', ');
      return `${source} ${path || '(the document)'}: ${message} [${tags}]${reproduce ? `\n  reproduce: ${reproduce}` : ''}`;
    })
    .join('\n');
}
