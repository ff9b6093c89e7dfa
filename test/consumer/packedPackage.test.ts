/**
 * The published package as a user gets it: `npm pack`, install the tarball into a fresh project with its own
 * fast-check and TypeScript, type-check a file that imports the package and its subpaths (NodeNext), run it, run
 * the CLI from it, and require() it from CommonJS. Packages come from the npm cache that `npm ci` filled (the
 * consumer's TypeScript 5 from the registry the first time: the project itself builds with TypeScript 7).
 */
import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { client } from '../helpers.js';
import { serve, type TestServer } from '../httpServer.js';
import { tempDir } from '../tempDir.js';

const run = promisify(execFile);
/** The TypeScript most users run; the project's own (7) checks the consumer too. */
const USERS_TYPESCRIPT = 'typescript@^5.9.3';
const projectTsc = new URL('../../node_modules/typescript/bin/tsc', import.meta.url).pathname;
const project = tempDir('consumer');
/** The CLI as npm installed it: the built bin of the tarball, run the way a user's shell runs it. */
const bin = join(project, 'node_modules/.bin/clerk-conformance');
const dangling = { ...client(1), last_active_session_id: 'sess_2ohNloGlvbsE5jE9la8jNih1yka' };
let server: TestServer | undefined;
afterAll(() => server?.close());
let packedFiles: string[] = [];
let installLog = '';

beforeAll(async () => {
  const packed = tempDir('packed');
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', packed], {
    cwd: process.cwd(),
  });
  packedFiles =
    (
      JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ files: Array<{ path: string }> }>
    )[0]?.files.map((file) => file.path) ?? [];
  const tarball = join(packed, readdirSync(packed)[0] as string);
  cpSync(new URL('./project/', import.meta.url), project, { recursive: true });
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  const { devDependencies: dev } = packageJson;
  const installed = await run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      tarball,
      `fast-check@${dev['fast-check']}`,
      USERS_TYPESCRIPT,
      `@types/node@${dev['@types/node']}`,
      // No vitest (35 MB, ~3 s of the install): the consumer imports only its types from /vitest, which need none.
    ],
    { cwd: project },
  );
  installLog = installed.stdout + installed.stderr;
}, 240_000);

test('the tarball holds only what a user needs: the build, the schema, the docs of the package', () => {
  const unexpected = packedFiles.filter(
    (path) =>
      !path.startsWith('dist/') &&
      !['package.json', 'README.md', 'LICENSE', 'src/schema/clerk-client.schema.json'].includes(path),
  );
  expect(unexpected).toEqual([]);
  expect(packedFiles).toContain('dist/cli/bin.js');
  // The schemas derived from Clerk's specs ship beside the code that imports them.
  expect(packedFiles).toContain('dist/schema/derived/fapi-2026-05-12.json');
  expect(packedFiles).toContain('dist/schema/derived/webhooks-2025-04-15.json');
  // No test, benchmark or fixture file (the vitest helper is a feature, not a test).
  expect(packedFiles.filter((path) => /\.test\.|bench|fixture|\/test\//i.test(path))).toEqual([]);
  // No source map: it would point stack frames and editors into src/, which is not shipped.
  expect(packedFiles.filter((path) => path.endsWith('.map'))).toEqual([]);
});

test('the published manifest runs no install script (npm would warn every consumer)', () => {
  const installed = JSON.parse(
    readFileSync(join(project, 'node_modules', 'clerk-client-conformance', 'package.json'), 'utf8'),
  ) as { scripts?: Record<string, string> };
  const lifecycle = ['preinstall', 'install', 'postinstall', 'preprepare', 'prepare', 'postprepare'];
  expect(Object.keys(installed.scripts ?? {}).filter((name) => lifecycle.includes(name))).toEqual([]);
  expect(installLog).not.toContain('clerk-client-conformance');
});

test('the peer ranges admit the fast-check and vitest majors this project develops and tests with', () => {
  const { peerDependencies: peers, devDependencies: dev } = packageJson;
  for (const name of ['fast-check', 'vitest'] as const) {
    const major = /^\^(\d+)\./.exec(dev[name])?.[1];
    expect(
      peers[name].split('||').map((range) => range.trim()),
      name,
    ).toContainEqual(expect.stringMatching(new RegExp(`^\\^${major}\\.`)));
  }
});

test('one fast-check instance: the consumer’s own serves the package (a peer dependency)', async () => {
  const { stdout } = await run('npm', ['ls', 'fast-check', '--all', '--parseable'], { cwd: project });
  expect(stdout.trim().split('\n')).toEqual([join(project, 'node_modules', 'fast-check')]);
});

test('a TypeScript consumer type-checks under NodeNext (TypeScript 5 and 7) and runs the arbitraries with its fast-check', async () => {
  // The installed bins directly: npx would only add a second npm start-up to each.
  const tsc = join(project, 'node_modules/.bin/tsc');
  expect((await run(tsc, ['--version'])).stdout).toMatch(/^Version 5\./);
  await run(tsc, ['-p', '.'], { cwd: project });
  await run('node', [projectTsc, '-p', '.', '--noEmit'], { cwd: project });
  const { stdout } = await run('node', ['out/consumer.js'], { cwd: project });
  expect(stdout).toMatch(
    /^ok 17 invariants, schema "Clerk Client", session sess_, derived FAPI sess_\w*, proxy 127\.0\.0\.1 true$/m,
  );
}, 120_000);

test('the installed bin checks a file, and a document on stdin (-)', async () => {
  writeFileSync(join(project, 'client.json'), JSON.stringify(client(1)));
  const { stdout } = await run(bin, ['check', 'client.json'], { cwd: project });
  expect(stdout).toBe('conformant: 1 document, 1 client checked, no violations\n');
  const fromStdin = run(bin, ['check', '-'], { cwd: project });
  fromStdin.child.stdin?.end(JSON.stringify(dangling));
  const failure = await fromStdin.then(
    () => undefined,
    (error: { code: number; stdout: string }) => error,
  );
  expect(failure?.code).toBe(1);
  expect(failure?.stdout).toContain('-  /last_active_session_id  must be the id of one of sessions');
});

test('the installed bin reads clerk-conformance.config.json from its working directory', async () => {
  const ci = join(project, 'ci');
  mkdirSync(ci);
  const target = new URL('../../examples/broken/frontend-api-field.json', import.meta.url).pathname;
  writeFileSync(
    join(ci, 'clerk-conformance.config.json'),
    JSON.stringify({
      targets: [target],
      rules: { 'schema/additionalProperties': 'warning' },
      format: 'json',
    }),
  );
  const { stdout } = await run(bin, ['check'], { cwd: ci });
  expect(JSON.parse(stdout).violations[0]).toMatchObject({
    rule: 'schema/additionalProperties',
    severity: 'warning',
  });
});

test('the installed bin exits 130 on SIGINT while a read is stalled', { timeout: 20_000 }, async () => {
  let stall = () => {};
  const stalled = new Promise<void>((resolve) => {
    stall = resolve;
  });
  // The first page holds a broken Client; the second (with an offset) is never answered.
  server = await serve((request, response) => {
    if (new URL(request.url ?? '/', 'http://x').searchParams.has('offset')) return stall();
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ data: [dangling], total_count: 2 }));
  });
  const child = spawn(bin, ['check', '--all-pages', `${server.url}/v1/clients?limit=1`], {
    cwd: project,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await stalled;
  child.kill('SIGINT');
  expect(await exited).toBe(130);
  expect(stdout).toContain('interrupted by SIGINT');
});

test('a CommonJS consumer can require() the package', async () => {
  const { stdout } = await run('node', ['consumer.cjs'], { cwd: project });
  expect(stdout).toBe('cjs ok true\n');
});
