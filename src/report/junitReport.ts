import { rules } from '../check/ruleSettings.js';
import { failingViolations, pickCounts, type RunResult, type SourcedViolation } from '../check/runCheck.js';
import { escapeMarkup as x } from './escape.js';

/**
 * JUnit XML for CI viewers: a testsuite per target, a testcase per rule (failing with each source and path where
 * the rule fails the run), and a testcase for reading the target (an error per input error).
 */
export function junitReport(result: RunResult): string {
  const failing = new Set(failingViolations(result));
  let failures = 0;
  let errored = 0;
  const suites = result.targets.map((target) => {
    const classname = x(`clerk-conformance.${target.name}`);
    const mine = (violation: SourcedViolation) => (violation.target ?? violation.document) === target.name;
    const errors = result.errors.filter((error) => (error.target ?? error.source) === target.name);
    const reading = errors.map(
      (error) => `      <error type="input" message="${x(`${error.source}: ${error.message}`)}"/>`,
    );
    let failed = 0;
    const cases = rules.map((rule) => {
      const broken = result.violations.filter((violation) => mine(violation) && violation.rule === rule.id);
      const failures = broken.filter((violation) => failing.has(violation));
      const others = broken.filter((violation) => !failing.has(violation));
      const body: string[] = [];
      if (failures.length > 0) {
        failed += 1;
        const tally = result.tally[rule.id];
        const cut =
          tally !== undefined && tally.kept < tally.total
            ? ` (the run kept ${tally.kept} of this rule's ${tally.total} violations; those are listed)`
            : '';
        const message = x(`${failures.length} violation(s)${cut}: ${rule.description}`);
        body.push(`      <failure type="${x(rule.id)}" message="${message}">${x(lines(failures))}</failure>`);
      }
      if (others.length > 0) body.push(`      <system-out>${x(lines(others, 'not failing'))}</system-out>`);
      return testcase(classname, rule.id, body);
    });
    failures += failed;
    if (errors.length > 0) errored += 1;
    const attributes = `name="${x(target.name)}" tests="${rules.length + 1}" failures="${failed}" errors="${errors.length === 0 ? 0 : 1}" skipped="0"`;
    const counts = { documents: target.documents, ...pickCounts(target) };
    const properties = `    <properties>\n${Object.entries(counts)
      .map(([name, value]) => `      <property name="${name}" value="${value}"/>`)
      .join('\n')}\n    </properties>`;
    return `  <testsuite ${attributes}>\n${properties}\n${[testcase(classname, 'read documents', reading), ...cases].join('\n')}\n  </testsuite>`;
  });
  const tests = result.targets.length * (rules.length + 1);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="clerk-client-conformance" tests="${tests}" failures="${failures}" errors="${errored}">\n${suites.join('\n')}\n</testsuites>\n`;
}

/** A testcase element, empty when it passed without output. */
function testcase(classname: string, name: string, body: string[]): string {
  const head = `    <testcase classname="${classname}" name="${x(name)}"`;
  return body.length === 0 ? `${head}/>` : `${head}>\n${body.join('\n')}\n    </testcase>`;
}

function lines(violations: SourcedViolation[], note?: string): string {
  return violations
    .map(({ source, path, message, severity, reproduce, known }) => {
      const tags = [severity, known ? 'known from the baseline' : undefined, note].filter(Boolean).join(', ');
      return `${source} ${path || '(the document)'}: ${message} [${tags}]${reproduce ? `\n  reproduce: ${reproduce}` : ''}`;
    })
    .join('\n');
}
