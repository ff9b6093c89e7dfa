/** The README stays true to the code: its CLI output is what the CLI prints. */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { main } from '../src/cli/main.js';
import { CHECK_USAGE, PROXY_USAGE } from '../src/cli/usage.js';
import { captureIo } from './cliIo.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

test('the README shows the real output of `check examples/broken`', async () => {
  const io = captureIo();
  expect(await main(['check', 'examples/broken'], io)).toBe(1);
  expect(readme).toContain(`\`\`\`text\n${io.out()}\`\`\``);
});

test.each([['examples/kinds/valid'], ['examples/kinds/broken']])(
  'the README shows the real output of `check %s`',
  async (target) => {
    const io = captureIo();
    await main(['check', target], io);
    expect(readme).toContain(`\`\`\`text\n${io.out()}\`\`\``);
  },
);

test('the README shows the real output of checking a 2025-03-12 Client with and without its version', async () => {
  for (const argv of [[], ['--api-version', '2025-03-12']]) {
    const io = captureIo();
    await main(['check', ...argv, 'examples/versions/client-2025-03-12.json'], io);
    expect(readme).toContain(
      `$ npx clerk-conformance check ${[...argv, 'examples/versions/client-2025-03-12.json'].join(' ')}\n${io.out()}`,
    );
  }
});

test.each([
  ['readmeExample.test.ts', '// Your code under test'],
  ['readmeTestProp.test.ts', 'test.prop(['],
  ['proxy/readmeProxyExample.test.ts', '// Your emulator'],
])('the README example is the one test/%s runs', (file, start) => {
  const example = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
  expect(readme).toContain(example.slice(example.indexOf(start)).trim());
});

test('the CI example only uses options the check command has', () => {
  const workflow = readFileSync(new URL('../examples/ci/github-actions.yml', import.meta.url), 'utf8');
  // npx's own --yes aside, every flag belongs to `check`.
  const flags = [...workflow.matchAll(/\s(--[a-z-]+)/g)]
    .map((match) => match[1])
    .filter((flag) => flag !== '--yes');
  expect(flags.length).toBeGreaterThan(3);
  for (const flag of flags) expect(CHECK_USAGE).toContain(`  ${flag}`);
});

test('the proxy session in the README uses only options the proxy command has', () => {
  const session = readme.slice(readme.indexOf('### A real session'), readme.indexOf('### In your own tests'));
  const flags = [...session.matchAll(/\$ npx clerk-conformance proxy .*$/gm)].flatMap(([line]) =>
    [...line.matchAll(/\s(--[a-z-]+)/g)].map((match) => match[1]),
  );
  expect(flags.length).toBeGreaterThan(2);
  for (const flag of flags) expect(PROXY_USAGE).toContain(`  ${flag}`);
});
