import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { CHECK_USAGE, GENERATE_USAGE, SERVE_USAGE, USAGE } from '../../src/cli/usage.js';
import { ansi } from '../../src/report/style.js';
import { captureIo } from '../cliIo.js';
import { client, copy } from '../helpers.js';
import { tempDir } from '../tempDir.js';

async function run(...argv: string[]) {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

function files(contents: Record<string, string>): string {
  const root = tempDir('clerk-conformance-cli');
  for (const [name, text] of Object.entries(contents)) writeFileSync(join(root, name), text);
  return root;
}

const valid = JSON.stringify(client(2));
const dangling = JSON.stringify({ ...client(1), last_active_session_id: 'sess_2ohNloGlvbsE5jE9la8jNih1yka' });

describe('clerk-conformance check', () => {
  test('exits 0 on the valid examples and says so', async () => {
    const { code, stdout } = await run('check', 'examples/valid');
    expect(code).toBe(0);
    expect(stdout).toBe('conformant: 7 documents, 9 clients checked, no violations\n');
  });

  test('exits 1 on the broken examples, grouping violations by rule with source and path', async () => {
    const { code, stdout } = await run('check', 'examples/broken');
    expect(code).toBe(1);
    expect(stdout).toContain(
      'last-active-session-listed (error): 1 violation\n  - examples/broken/dangling-last-active-session.json  /last_active_session_id  must be the id of one of sessions',
    );
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(
      'not conformant: 8 documents, 8 clients checked, 14 errors and 0 warnings in 8 rules',
    );
  });

  test('--format json prints one object with sources inside lists', async () => {
    const root = files({
      'list.json': JSON.stringify({ data: [client(0), JSON.parse(dangling)], total_count: 2 }),
    });
    const { code, stdout } = await run('check', '--format', 'json', join(root, 'list.json'));
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      ok: false,
      documents: 1,
      clients: 2,
      sessions: 0,
      fapiClients: 0,
      fapiSessions: 0,
      skipped: 0,
      violations: [
        {
          source: `${join(root, 'list.json')}#/data/1`,
          kind: 'client',
          rule: 'last-active-session-listed',
          severity: 'error',
          path: '/last_active_session_id',
          message: 'must be the id of one of sessions',
          params: { id: 'sess_2ohNloGlvbsE5jE9la8jNih1yka' },
        },
      ],
      errors: [],
    });
  });

  test('an array document names each Client by index', async () => {
    const root = files({ 'clients.json': `[${valid},${dangling}]` });
    const { stdout } = await run('check', '--format', 'json', join(root, 'clients.json'));
    expect(JSON.parse(stdout).violations[0].source).toBe(`${join(root, 'clients.json')}#/1`);
  });

  test('invalid JSON names the file, line and column; the other files are still checked; exit 2', async () => {
    const root = files({ 'a.json': '{\n  "object": "client",\n  oops\n}', 'b.json': dangling, 'c.json': '' });
    const { code, stdout } = await run('check', root);
    expect(code).toBe(2);
    expect(stdout).toContain(
      `input error: ${join(root, 'a.json')}: invalid JSON: invalid symbol at line 3, column 3`,
    );
    expect(stdout).toContain(`input error: ${join(root, 'c.json')}: empty document: expected JSON`);
    expect(stdout).toContain(`${join(root, 'b.json')}  /last_active_session_id`);
    expect(stdout).toMatch(
      /not conformant: 1 document, 1 client checked, 1 error and 0 warnings in 1 rule; 2 input errors\n$/,
    );
  });

  test('--max-size refuses a larger file by name', async () => {
    const root = files({ 'big.json': valid });
    const { code, stdout } = await run('check', '--max-size', '100', join(root, 'big.json'));
    expect(code).toBe(2);
    expect(stdout).toContain(
      `input error: ${join(root, 'big.json')}: larger than the size limit of 100 bytes`,
    );
  });

  test('a document that is not an object is a schema violation, not a crash', async () => {
    const root = files({ 'n.json': '42' });
    const { code, stdout } = await run('check', join(root, 'n.json'));
    expect(code).toBe(1);
    expect(stdout).toContain(`${join(root, 'n.json')}  (the document)  must be object`);
  });

  test('--profile, --rule and --fail-on decide what fails', async () => {
    const warned = copy(client(1));
    if (warned.sessions[0]?.latest_activity) warned.sessions[0].latest_activity.object = 'activity';
    const path = join(files({ 'w.json': JSON.stringify(warned) }), 'w.json');
    expect((await run('check', path)).code).toBe(0);
    expect((await run('check', '--fail-on', 'warning', path)).code).toBe(1);
    expect((await run('check', '--profile', 'strict', path)).code).toBe(1);
    expect(
      (await run('check', '--profile', 'strict', '--rule', 'latest-activity-object=off', path)).code,
    ).toBe(0);
    expect((await run('check', '--rule', 'latest-activity-object=error', path)).code).toBe(1);
  });

  test.each([
    [['check'], 'check needs at least one target'],
    [['check', '--profile', 'lax', 'x.json'], '--profile must be one of default, strict, got "lax"'],
    [['check', '--rule', 'id-prefixes', 'x.json'], '--rule takes id=error|warning|off, got "id-prefixes"'],
    [['check', '--rule', 'nope=off', 'x.json'], 'unknown rule "nope"'],
    [['check', '--max-size', 'big', 'x.json'], '--max-size takes a whole number, got "big"'],
    [['check', '--colour', 'x.json'], 'unknown option --colour\n'],
    [['check', '--formt', 'json', 'x.json'], 'unknown option --formt (did you mean --format?)'],
    [['check', 'x.json', '--format'], '--format needs a value'],
    [['check', '--embedded=yes'], '--embedded takes no value'],
    [['serve', 'extra'], 'unexpected argument "extra"'],
    [['generate'], 'generate needs --count <n>: how many Clients to write'],
    [['chek', 'x.json'], 'unknown command "chek" (did you mean check?)'],
    [['lint'], 'unknown command "lint"\n'],
    [['help', 'lint'], 'help takes one of check, proxy, serve, generate, stateful, got "lint"'],
    [['--verison'], 'unknown option --verison (did you mean --version?)'],
  ])('usage error %j exits 2 with a clear message', async (argv, message) => {
    const { code, stderr, stdout } = await run(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  test('--help prints the usage and exits 0', async () => {
    const { code, stdout } = await run('check', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: clerk-conformance check [options] <target...>');
  });

  test('a usage error points to the help of its command', async () => {
    expect((await run('check', '--formt')).stderr).toContain("Run 'clerk-conformance help check' for usage.");
    expect((await run('chek')).stderr).toContain("Run 'clerk-conformance --help' for usage.");
  });
});

describe('conventions', () => {
  test('--version prints the package version and exits 0', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(await run('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  test.each([
    ['check', CHECK_USAGE],
    ['serve', SERVE_USAGE],
    ['generate', GENERATE_USAGE],
  ])('help %s prints the same help as --help', async (command, usage) => {
    expect(await run('help', command)).toEqual({ code: 0, stdout: usage, stderr: '' });
    expect((await run(command, '--help')).stdout).toBe(usage);
  });

  test('help alone prints the general help and exits 0; no command at all exits 2', async () => {
    expect(await run('help')).toEqual({ code: 0, stdout: USAGE, stderr: '' });
    expect((await run()).code).toBe(2);
  });

  test('a colour terminal gets the verdict, headings and errors in colour; other output stays plain', async () => {
    const io = { ...captureIo(), style: { stdout: ansi, stderr: ansi } };
    expect(await main(['check', 'examples/broken'], io)).toBe(1);
    expect(io.out()).toContain('\u001b[1m\u001b[31mnot conformant: 8 documents');
    expect(await main(['chek'], io)).toBe(2);
    expect(io.err()).toContain(`${ansi(['bold', 'red'], 'clerk-conformance:')} unknown command`);
    expect((await run('check', 'examples/broken')).stdout).not.toContain('\u001b[');
  });

  // `generate | head -1` stopping quietly (no EPIPE stack, exit 0) is run by test/readmeWalk.test.ts, on the build.
});

test('a 200,000-deep document is checked and reported without a stack overflow (regression: report excerpts)', async () => {
  const root = files({
    'deep.json': `${'['.repeat(200_000)}${']'.repeat(200_000)}`,
    'deep-object.json': `${'{"x":'.repeat(100_000)}1${'}'.repeat(100_000)}`,
  });
  const dir = tempDir('deep-reports');
  const { code, stdout } = await run('check', '--report', 'html,json', '--report-dir', dir, root);
  expect(code).toBe(1);
  expect(stdout).toMatch(/not conformant: 2 documents, 2 clients checked/);
});
