/** The README stays true to the code: its CLI output is what the CLI prints. */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { main } from '../src/cli/main.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

test('the README shows the real output of `check examples/broken`', async () => {
  let stdout = '';
  const code = await main(['check', 'examples/broken'], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: () => {},
  });
  expect(code).toBe(1);
  expect(readme).toContain(`\`\`\`text\n${stdout}\`\`\``);
});

test('the README example of the arbitraries is the one test/readmeExample.test.ts runs', () => {
  const example = readFileSync(new URL('./readmeExample.test.ts', import.meta.url), 'utf8');
  const body = example.slice(example.indexOf('// Your code under test'));
  expect(readme).toContain(body.trim());
});
