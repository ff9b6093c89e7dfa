/**
 * The config file's keys and errors, through `--config`: worker threads cannot change directory. Finding
 * `clerk-conformance.config.json` in the working directory is tested on the installed bin, in
 * test/consumer/packedPackage.test.ts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, expect, test } from 'vitest';
import { CONFIG_FILE } from '../../src/cli/config.js';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../cliIo.js';
import { tempDir } from '../tempDir.js';

const examples = join(process.cwd(), 'examples');
let dir: string;
beforeEach(() => {
  dir = tempDir('config');
});

/** Writes a config file under the name `check` looks for, and returns its path. */
function config(value: unknown): string {
  const path = join(dir, CONFIG_FILE);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

test('the config file sets targets, rules and the format; flags win', async () => {
  const path = config({
    targets: [join(examples, 'broken', 'frontend-api-field.json')],
    rules: { 'schema/additionalProperties': 'warning' },
    format: 'json',
  });
  const fromFile = captureIo();
  expect(await main(['check', '--config', path], fromFile)).toBe(0);
  expect(JSON.parse(fromFile.out()).violations[0]).toMatchObject({
    rule: 'schema/additionalProperties',
    severity: 'warning',
  });
  const overridden = captureIo();
  expect(
    await main(
      ['check', '--config', path, '--rule', 'schema/additionalProperties=error', '--format', 'text'],
      overridden,
    ),
  ).toBe(1);
  expect(overridden.out()).toMatch(/^schema\/additionalProperties \(error\)/);
});

test('--config names another file; reports and the report directory come from it', async () => {
  const path = join(dir, 'ci.json');
  writeFileSync(
    path,
    JSON.stringify({ targets: [join(examples, 'valid')], report: ['json'], reportDir: join(dir, 'out') }),
  );
  const io = captureIo();
  expect(await main(['check', '--config', path], io)).toBe(0);
  expect(io.err()).toBe(`Reports: ${join(dir, 'out', 'clerk-conformance.json')}\n`);
});

test.each([
  [{ target: 'x.json' }, 'clerk-conformance.config.json: key "target" is not an option of check'],
  [
    { profile: 'lax' },
    'clerk-conformance.config.json: key "profile" must be equal to one of the allowed values',
  ],
  [{ headers: { Authorization: 'Bearer sk_live_x' } }, 'header "Authorization" looks like a credential'],
])('a bad config %j is a usage error naming the file and the key', async (value, message) => {
  const io = captureIo();
  expect(await main(['check', '--config', config(value), join(examples, 'valid')], io)).toBe(2);
  expect(io.err()).toContain(message);
  expect(io.err()).not.toContain('sk_live_x');
});

test('a --config file that does not exist is an error', async () => {
  const io = captureIo();
  expect(await main(['check', '--config', 'missing.json', join(examples, 'valid')], io)).toBe(2);
  expect(io.err()).toContain('missing.json: no such file or directory');
});
