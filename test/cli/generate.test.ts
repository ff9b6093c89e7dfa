import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { checkClient } from '../../src/index.js';
import { captureIo } from '../cliIo.js';
import { tempDir } from '../tempDir.js';

async function generate(...argv: string[]): Promise<string> {
  const io = captureIo();
  expect(await main(['generate', ...argv], io)).toBe(0);
  return io.out();
}

test('the same seed gives the same bytes; another seed, other Clients', async () => {
  const first = await generate('--count', '1500', '--seed', '7');
  expect(await generate('--count', '1500', '--seed', '7')).toBe(first);
  expect(await generate('--count', '1500', '--seed', '8')).not.toBe(first);
  const lines = first.trimEnd().split('\n');
  expect(lines).toHaveLength(1500);
  for (const line of lines.slice(0, 200))
    expect(checkClient(JSON.parse(line), { profile: 'strict' }).ok).toBe(true);
});

test('near-valid lines carry the rule, the path and the time to check at', async () => {
  const lines = (await generate('--count', '300', '--near-valid'))
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line));
  for (const { rule, path, now, value } of lines) {
    expect(checkClient(value, { now }).violations).toContainEqual(expect.objectContaining({ rule, path }));
  }
  expect(lines.some((line) => line.rule === 'ksuid-ids')).toBe(false);
  const strict = (await generate('--count', '3000', '--near-valid', '--profile', 'strict'))
    .trimEnd()
    .split('\n');
  expect(strict.some((line) => JSON.parse(line).rule === 'ksuid-ids')).toBe(true);
});

test('--out writes the file and says so', async () => {
  const out = join(tempDir('generate'), 'clients.ndjson');
  const io = captureIo();
  expect(await main(['generate', '--count', '5', '--out', out], io)).toBe(0);
  expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(5);
  expect(io.err()).toBe(`Wrote 5 Client(s) to ${out} (seed 1).\n`);
});

test('--count is required', async () => {
  const io = captureIo();
  expect(await main(['generate'], io)).toBe(2);
  expect(io.err()).toContain('generate needs --count <n>: how many Clients to write');
});
