import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect, test } from 'vitest';
import { ruleIds } from '../../src/check/ruleSettings.js';
import { junitReport } from '../../src/report/junitReport.js';
import { brokenExamplesResult, HOSTILE, hostileResult } from './fixtures.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['testsuite', 'testcase', 'error'].includes(name),
});

test('is well-formed JUnit XML: a testsuite per target, a testcase per rule, failures listing sources and paths', async () => {
  const xml = junitReport(await brokenExamplesResult());
  expect(XMLValidator.validate(xml)).toBe(true);
  const { testsuites } = parser.parse(xml);
  expect(testsuites).toMatchObject({
    name: 'clerk-client-conformance',
    tests: String(ruleIds.length + 1),
    failures: '8',
    errors: '0',
    skipped: '5',
  });
  expect(Number(testsuites.time)).toBeGreaterThan(0);
  const [suite] = testsuites.testsuite;
  expect(suite).toMatchObject({ name: 'examples/broken', tests: String(ruleIds.length + 1), failures: '8' });
  expect(suite.testcase.map((testcase: { name: string }) => testcase.name)).toEqual([
    'read documents',
    ...ruleIds,
  ]);
  const listed = suite.testcase.find(
    (testcase: { name: string }) => testcase.name === 'last-active-session-listed',
  );
  expect(listed.failure.type).toBe('last-active-session-listed');
  expect(listed.failure['#text']).toContain(
    'examples/broken/dangling-last-active-session.json /last_active_session_id: must be the id of one of sessions [error]',
  );
  expect(
    suite.testcase.find((testcase: { name: string }) => testcase.name === 'id-prefixes').failure,
  ).toBeUndefined();
});

test('input errors are errors of the "read documents" testcase, and hostile text stays text', async () => {
  const xml = junitReport(await hostileResult());
  expect(XMLValidator.validate(xml)).toBe(true);
  const { testsuites } = parser.parse(xml);
  const [suite] = testsuites.testsuite;
  expect(suite.name).toBe(HOSTILE);
  expect(suite.testcase[0].error[0].message).toBe(`${HOSTILE}.json: ${HOSTILE}`);
  expect(xml).not.toContain('<script>');
});

test('suites and cases carry a time; rules that are off or could not be judged are <skipped/> with the reason', async () => {
  const { testsuites } = parser.parse(
    junitReport(await brokenExamplesResult(), { rules: { 'id-prefixes': 'off' } }),
  );
  const [suite] = testsuites.testsuite;
  expect(suite.skipped).toBe('6');
  expect(suite.time).toMatch(/^\d+\.\d{3}$/);
  expect(suite.testcase[0].time).toBe(suite.time);
  for (const testcase of suite.testcase) expect(testcase.time).toMatch(/^\d+\.\d{3}$/);
  const skipped = Object.fromEntries(
    suite.testcase
      .filter((testcase: { skipped?: unknown }) => testcase.skipped !== undefined)
      .map((testcase: { name: string; skipped: { message: string } }) => [
        testcase.name,
        testcase.skipped.message,
      ]),
  );
  expect(skipped).toEqual({
    'id-prefixes': 'the rule is off in this run',
    'ksuid-ids': 'the rule is off in this run',
    'status-matches-clock': 'needs the time each document was observed, which this target does not give',
    // Backend API Clients only: the Frontend API's own rules have nothing to judge.
    'active-session-has-token': 'no Frontend API document it applies to was checked',
    'sessions-after-client': 'no Frontend API document it applies to was checked',
    'completed-sign-in-session-listed': 'no Frontend API document it applies to was checked',
  });
  // In the strict profile ksuid-ids is judged.
  const strict = parser.parse(junitReport(await brokenExamplesResult(), { profile: 'strict' }));
  expect(strict.testsuites.testsuite[0].skipped).toBe('4');
});
