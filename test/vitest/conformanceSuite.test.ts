/** The conformance suite reports, rule by rule, what passed, failed or could not be judged on a target. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, test } from 'vitest';
import { serve, type TestServer } from '../httpServer.js';
import { tempDir } from '../tempDir.js';

type Outcome = { title: string; fullName: string; status: string };

const VITEST = new URL('../../node_modules/vitest/vitest.mjs', import.meta.url).pathname;

/** Runs suites/conformance against a target and returns vitest's exit code and per-test outcomes. */
async function suite(target: string): Promise<{ exit: number; results: Outcome[] }> {
  const report = join(tempDir('suite'), 'report.json');
  // vitest's own bin, as `npm test` runs it (npx would add an npm start-up).
  const exit = await promisify(execFile)(
    process.execPath,
    [VITEST, 'run', 'suites/conformance', '--reporter=json', `--outputFile=${report}`],
    { env: { ...process.env, CONFORMANCE_TARGET: target } },
  ).then(
    () => 0,
    (error: { code: number }) => error.code,
  );
  const results = JSON.parse(readFileSync(report, 'utf8')).testResults[0].assertionResults as Outcome[];
  return { exit, results };
}

const titles = (results: Outcome[], status: string) =>
  results
    .filter((result) => result.status === status)
    .map((result) => result.title)
    .sort();

test('CONFORMANCE_TARGET=examples/broken fails exactly the tests of the broken rules, skips what it cannot judge', async () => {
  const { exit, results } = await suite('examples/broken');
  expect(exit).toBe(1);
  expect(titles(results, 'failed')).toEqual(
    [
      'schema/enum',
      'schema/required',
      'schema/additionalProperties',
      'session-ids-match-sessions',
      'last-active-session-listed',
      'session-client-id-matches',
      'timestamps-ordered',
      'timestamps-in-milliseconds',
    ].sort(),
  );
  // ksuid-ids is off in the default profile; files carry no observation time for status-matches-clock; the
  // Frontend API's own rules have no Frontend API document to judge.
  expect(titles(results, 'skipped')).toEqual([
    'active-session-has-token',
    'completed-sign-in-session-listed',
    'ksuid-ids',
    'sessions-after-client',
    'status-matches-clock',
  ]);
  expect(results).toHaveLength(28);
});

let server: TestServer | undefined;
afterAll(() => server?.close());

test('a URL with no Clients fails and judges no rule (no false green); test names omit the loopback port', async () => {
  server = await serve((_, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"data":[],"total_count":0}');
  });
  const { exit, results } = await suite(`${server.url}/v1/clients?paginated=true`);
  expect(exit).toBe(1);
  expect(titles(results, 'failed')).toEqual([
    'the target yields Clients or Sessions, and every document could be read',
  ]);
  expect(titles(results, 'passed')).toEqual([]);
  expect(titles(results, 'skipped')).toHaveLength(27);
  const port = new URL(server.url).port;
  expect(results.filter((result) => result.fullName.includes(port))).toEqual([]);
  expect(results[0]?.fullName).toContain('http://127.0.0.1:<port>/v1/clients?paginated=true');
});
