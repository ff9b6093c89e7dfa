import { rules } from '../check/ruleSettings.js';
import { failingViolations, pickCounts, type RunResult, type SourcedViolation } from '../check/runCheck.js';
import { escapeMarkup as x } from './escape.js';
import { notJudged, ruleSettingsOf } from './ruleSettingsOf.js';

/**
 * JUnit XML for CI viewers: a testsuite per target, a testcase per rule (failing with each source and path where
 * the rule fails the run, skipped when the rule is off or could not be judged), and a testcase for reading the
 * target (an error per input error). Rules are judged in one pass over the documents, so a suite's time is its
 * target's reading and checking time, carried by the reading testcase; rule testcases take no time of their own.
 * Hand-written: it is this one function, and every text in it goes through the tested `escapeMarkup`.
 */
export function junitReport(result: RunResult, settings: Record<string, unknown> = {}): string {
  const ruleSettings = ruleSettingsOf(settings);
  const failing = new Set(failingViolations(result));
  let skippedTotal = 0;
  let failures = 0;
  let errored = 0;
  const suites = result.targets.map((target) => {
    const classname = x(`clerk-conformance.${target.name}`);
    const mine = (violation: SourcedViolation) => (violation.target ?? violation.document) === target.name;
    const errors = result.errors.filter((error) => (error.target ?? error.source) === target.name);
    const reading = errors.map(
      (error) =>
        `      <error type="input" message="${x(`${error.source}: ${error.message}`)}"${error.reproduce ? `>${x(`reproduce: ${error.reproduce}`)}</error>` : '/>'}`,
    );
    let failed = 0;
    let skipped = 0;
    const time = seconds(target.durationMs);
    const cases = rules.map((rule) => {
      const reason = notJudged(rule, ruleSettings.get(rule.id), target);
      if (reason !== undefined) {
        skipped += 1;
        return testcase(classname, rule.id, [`      <skipped message="${x(reason)}"/>`], '0.000');
      }
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
      return testcase(classname, rule.id, body, '0.000');
    });
    failures += failed;
    skippedTotal += skipped;
    if (errors.length > 0) errored += 1;
    const attributes = `name="${x(target.name)}" tests="${rules.length + 1}" failures="${failed}" errors="${errors.length === 0 ? 0 : 1}" skipped="${skipped}" time="${time}" timestamp="${new Date(result.startedAt).toISOString().slice(0, 19)}"`;
    const counts = { documents: target.documents, ...pickCounts(target) };
    const properties = `    <properties>\n${Object.entries(counts)
      .map(([name, value]) => `      <property name="${name}" value="${value}"/>`)
      .join('\n')}\n    </properties>`;
    return `  <testsuite ${attributes}>\n${properties}\n${[testcase(classname, 'read documents', reading, time), ...cases].join('\n')}\n  </testsuite>`;
  });
  const tests = result.targets.length * (rules.length + 1);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="clerk-client-conformance" tests="${tests}" failures="${failures}" errors="${errored}" skipped="${skippedTotal}" time="${seconds(result.durationMs)}">\n${suites.join('\n')}\n</testsuites>\n`;
}

/** JUnit's time: seconds with millisecond precision. */
function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** A testcase element, empty when it passed without output. */
function testcase(classname: string, name: string, body: string[], time: string): string {
  const head = `    <testcase classname="${classname}" name="${x(name)}" time="${time}"`;
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
