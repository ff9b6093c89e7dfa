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
  });
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
