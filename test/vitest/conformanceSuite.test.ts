/** The conformance suite reports, rule by rule, what passed and what failed on a broken target. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { tempDir } from '../tempDir.js';

test('CONFORMANCE_TARGET=examples/broken fails exactly the tests of the broken rules', async () => {
  const report = join(tempDir('suite'), 'report.json');
  const run = promisify(execFile)(
    'npx',
    ['vitest', 'run', 'suites/conformance', '--reporter=json', `--outputFile=${report}`],
    { env: { ...process.env, CONFORMANCE_TARGET: 'examples/broken' } },
  );
  const exit = await run.then(
    () => 0,
    (error: { code: number }) => error.code,
  );
  expect(exit).toBe(1);
  const results = JSON.parse(readFileSync(report, 'utf8')).testResults[0].assertionResults as Array<{
    title: string;
    status: string;
  }>;
  const failed = results.filter((result) => result.status === 'failed').map((result) => result.title);
  expect(failed.sort()).toEqual(
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
  expect(results).toHaveLength(20);
});
