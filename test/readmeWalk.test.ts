/**
 * A newcomer's first hour, in the README's order, on a copy of the project (its own dist/, the same node_modules):
 * `npm run conformance` (which builds), `npx clerk-conformance`, reports, generate, serve + check, and an
 * --embedded reproduction line run as printed. `npm install` itself is left to .ci/run and fresh-clone.sh.
 * One build: `npm run build` starts by removing dist/, so a rebuild makes the same files as the first build.
 * `npx` itself is run right after the build; the later commands run the same bin with `node` (the README's
 * `npx clerk-conformance` is `node dist/cli/bin.js` in a clone): each npx would add an npm start-up (~1.2 s).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { tempDir } from './tempDir.js';

const root = new URL('..', import.meta.url).pathname;
const project = join(tempDir('readme-walk'), 'project');
const children: ChildProcess[] = [];
/** What `npx clerk-conformance` runs in a clone, as the later steps run it. */
const CLI = 'node dist/cli/bin.js';
/** A printed command (`… npx clerk-conformance …`) as the later steps run it. */
function asRun(command: string): string {
  expect(command).toContain('npx clerk-conformance ');
  return command.replace('npx clerk-conformance ', `${CLI} `);
}

/** A shell command in the copy: its exit code and output, never a throw. */
async function sh(
  command: string,
  timeout = 120_000,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return promisify(execFile)('bash', ['-o', 'pipefail', '-c', command], { cwd: project, timeout }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

beforeAll(() => {
  // Everything but what a build or install makes; node_modules is shared.
  const skip = /^\/(node_modules|dist|\.git|reports\/.+)(\/|$)/;
  cpSync(root, project, { recursive: true, filter: (path) => !skip.test(path.slice(root.length - 1)) });
  symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'));
});

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
});

describe.sequential('the README, in order', () => {
  test('npm run conformance builds, leaves the CLI executable, and checks the embedded server', async () => {
    const { code, stdout, stderr } = await sh('npm run conformance --silent', 180_000);
    expect(stderr).toMatch(
      /^Started the embedded Clerk reference server at http:\/\/127\.0\.0\.1:\d+ \(20 clients/,
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^conformant: 40 documents, 20 clients, \d+ sessions checked, no violations\n$/);
    expect(statSync(join(project, 'dist/cli/bin.js')).mode & 0o755).toBe(0o755);
  }, 180_000);

  test('npx clerk-conformance runs the CLI that npm run conformance built', async () => {
    expect(await sh('npx --no-install clerk-conformance --version')).toEqual({
      code: 0,
      stdout: `${packageJson.version}\n`,
      stderr: '',
    });
    const help = await sh(`${CLI} help check`);
    expect(help.stdout).toContain('Usage: clerk-conformance check [options] <target...>');
  });

  test('the broken examples exit 1 and write the HTML report', async () => {
    const { code, stdout } = await sh(`${CLI} check examples/broken --report html`);
    expect(code).toBe(1);
    expect(stdout).toContain('not conformant: 8 documents, 8 clients checked, 14 errors');
    expect(readFileSync(join(project, 'reports/clerk-conformance.html'), 'utf8')).toContain('Not conformant');
  });

  test('generate writes fixtures, and stops quietly in a pipe', async () => {
    const out = await sh(`${CLI} generate --count 1000 --seed 42 --out clients.ndjson`);
    expect(out.code).toBe(0);
    expect(readFileSync(join(project, 'clients.ndjson'), 'utf8').trimEnd().split('\n')).toHaveLength(1000);
    const near = await sh(`${CLI} generate --count 1000 --near-valid --profile strict > broken.ndjson`);
    expect(near.code).toBe(0);
    expect(existsSync(join(project, 'broken.ndjson'))).toBe(true);
    // The reader goes away after one line: generate stops quietly (exit 0 under pipefail, no EPIPE stack).
    const head = await sh(`${CLI} generate --count 100000 | head -1`);
    expect(head).toMatchObject({ code: 0, stderr: '' });
    expect(head.stdout.split('\n')).toHaveLength(2);
    expect(JSON.parse(head.stdout).object).toBe('client');
  });

  test('serve prints a check command that passes against it, as printed', async () => {
    // node rather than npx, so the server is this child and stops with it.
    const serve = spawn('node', ['dist/cli/bin.js', 'serve', '--port', '0', '--clients', '5'], {
      cwd: project,
      env: { ...process.env, CLERK_SECRET_KEY: '' },
    });
    children.push(serve);
    let printed = '';
    serve.stderr.on('data', (chunk) => {
      printed += chunk;
    });
    await expect.poll(() => printed, { timeout: 30_000 }).toContain('Check it: ');
    const command = /Check it: (.+)\n/.exec(printed)?.[1] ?? '';
    expect(command).toMatch(
      /^CLERK_SECRET_KEY=sk_test_clerk_client_conformance npx clerk-conformance check /,
    );
    const checked = await sh(asRun(command));
    expect(checked).toMatchObject({
      code: 0,
      stdout: 'conformant: 1 document, 5 clients checked, no violations\n',
    });
    serve.kill('SIGTERM');
  }, 60_000);

  test('an --embedded reproduction line, run as printed, answers the same broken Client again', async () => {
    const run = await sh(`${CLI} check --embedded --clients 5 --fault dangling-last-active-session`);
    expect(run.code).toBe(1);
    const line = run.stdout.split('Reproduce with:\n  ')[1]?.split('\n')[0] ?? '';
    const dangling =
      /embedded\/v1\/clients\/client_\w+ {2}\/last_active_session_id .*\{"id":"(sess_\w+)"\}/.exec(
        run.stdout,
      )?.[1];
    expect(dangling).toBeDefined();
    const replay = await sh(asRun(line), 60_000);
    expect(replay.code).toBe(0);
    expect(replay.stdout).toContain(`"last_active_session_id":"${dangling}"`);
  }, 60_000);

  test('the proxy session: the SDK example through the proxy, a violation as it happens, the report, the replay', async () => {
    const started = (args: string[]) => {
      const child = spawn('node', ['dist/cli/bin.js', ...args], {
        cwd: project,
        env: { ...process.env, CLERK_SECRET_KEY: '' },
      });
      children.push(child);
      const output = { stdout: '', stderr: '' };
      child.stdout.on('data', (chunk) => {
        output.stdout += chunk;
      });
      child.stderr.on('data', (chunk) => {
        output.stderr += chunk;
      });
      return { child, output };
    };
    const server = started([
      'serve',
      '--port',
      '0',
      '--clients',
      '5',
      '--fault',
      'dangling-last-active-session',
    ]);
    await expect.poll(() => server.output.stderr, { timeout: 30_000 }).toContain('Stop with Ctrl-C');
    const upstream = /server at (http:\/\/\S+) /.exec(server.output.stderr)?.[1] ?? '';
    const proxy = started([
      'proxy',
      '--upstream',
      upstream,
      '--port',
      '0',
      '--report',
      'html,junit',
      '--record',
      'session.har',
    ]);
    await expect.poll(() => proxy.output.stderr, { timeout: 30_000 }).toContain('Stop with Ctrl-C');
    const url = /proxy at (http:\/\/\S+),/.exec(proxy.output.stderr)?.[1] ?? '';
    const sdk = await sh(
      `CLERK_SECRET_KEY=sk_test_clerk_client_conformance node examples/proxy/sdk-session.mjs ${url}`,
    );
    expect(sdk).toMatchObject({
      code: 0,
      stdout: `read 5 clients and ${/and (\d+) sessions/.exec(sdk.stdout)?.[1]} sessions through ${url}\n`,
    });
    proxy.child.kill('SIGINT');
    const [code] = await once(proxy.child, 'exit');
    expect(code).toBe(1);
    expect(proxy.output.stderr).toMatch(
      /Z {2}GET \/v1\/clients\?limit=5&paginated=true {2}last-active-session-listed \(error\) {2}\/data\/\d\/last_active_session_id/,
    );
    expect(proxy.output.stderr).toContain(
      'Reports: reports/clerk-conformance.html, reports/clerk-conformance.junit.xml',
    );
    expect(proxy.output.stdout).toMatch(
      /^not conformant: 6 documents, 5 clients, 6 sessions checked, 1 error/m,
    );
    const replay = await sh(`${CLI} check session.har`);
    expect(replay.code).toBe(1);
    expect(replay.stdout).toContain('session.har#/log/entries/0 GET http://127.0.0.1:');
    server.child.kill('SIGTERM');
  }, 90_000);
});
