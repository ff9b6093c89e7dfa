import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { startReferenceServer } from '../../src/server/referenceServer.js';
import { captureIo } from '../cliIo.js';

test('stateful --embedded --fault exits 1 with the shrunk sequence, its replay and a curl script without the key', async () => {
  const io = captureIo({ CLERK_SECRET_KEY: 'sk_test_secretsecretsecret' });
  expect(await main(['stateful', '--embedded', '--fault', 'revoke-not-persisted', '--seed', '1'], io)).toBe(
    1,
  );
  const out = io.out();
  expect(out).toMatch(/^property failed: terminal-status-final/);
  expect(out).toContain(
    'Replay: npx clerk-conformance stateful --embedded --fault revoke-not-persisted --session-mode multi --max-steps 12 --seed 1 --path ',
  );
  expect(out).toContain('-H "Authorization: Bearer $CLERK_SECRET_KEY"');
  expect(out).not.toContain('secretsecret');
});

test('--format json prints one object with the steps of the shrunk sequence; its replay fails the same way', async () => {
  const io = captureIo();
  expect(
    await main(['stateful', '--embedded', '--fault', 'oldest-first', '--seed', '2', '--format', 'json'], io),
  ).toBe(1);
  const json = JSON.parse(io.out());
  expect(Object.keys(json)).toEqual(['ok', 'runs', 'requests', 'seed', 'failure', 'usersDeleted']);
  expect(json.failure.property).toBe('list-newest-first');
  expect(json.failure.steps.at(-1)).toEqual({
    command: expect.stringMatching(/^ListSessions/),
    method: 'GET',
    path: expect.stringMatching(/^\/v1\/sessions\?/),
    status: 200,
  });
  const again = captureIo();
  const replay = ['--seed', '2', '--path', json.failure.path, '--replay-path', json.failure.replayPath];
  expect(
    await main(['stateful', '--embedded', '--fault', 'oldest-first', ...replay, '--format', 'json'], again),
  ).toBe(1);
  expect(JSON.parse(again.out())).toMatchObject({ runs: 1, failure: { property: 'list-newest-first' } });
});

test('a URL target: the faithful server passes (exit 0), and SIGINT stops the run (exit 130) with its users deleted', async () => {
  const server = await startReferenceServer({ clients: 2, sessionMode: 'multi' });
  try {
    const io = captureIo({ CLERK_SECRET_KEY: server.secretKey });
    expect(await main(['stateful', server.url, '--seed', '3', '--runs', '5'], io)).toBe(0);
    expect(io.out()).toMatch(/^passed: 14 properties held over 5 sequence\(s\)/);
    // SIGINT at a known step: while the server answers the run's third POST /v1/users.
    const interrupt = new AbortController();
    const createUser = server.store.createUser.bind(server.store);
    let created = 0;
    server.store.createUser = (...args) => {
      if (++created === 3) interrupt.abort('SIGINT');
      return createUser(...args);
    };
    const stopped = captureIo({ CLERK_SECRET_KEY: server.secretKey });
    expect(
      await main(['stateful', server.url, '--seed', '3', '--runs', '1000'], stopped, interrupt.signal),
    ).toBe(130);
    expect(stopped.out()).toContain('stopped: interrupted by SIGINT');
    expect(created).toBe(3);
    expect(server.store.userIds()).toEqual([]);
  } finally {
    await server.close();
  }
});

test.each([
  [['stateful'], /one API base URL .* or --embedded/],
  [['stateful', 'https://api.clerk.com', '--embedded'], /one API base URL/],
  [['stateful', 'https://api.clerk.com', '--fault', 'oldest-first'], /add --embedded/],
  [['stateful', '--embedded', '--path', '1:2'], /add the --seed/],
  [['stateful', '--embedded', '--session-mode', 'dual'], /--session-mode must be one of single, multi/],
  [['stateful', '--embedded', '--fault', 'nope'], /unknown fault "nope"/],
])('%j is a usage error (exit 2)', async (argv, message) => {
  const io = captureIo();
  expect(await main(argv, io)).toBe(2);
  expect(io.err()).toMatch(message);
});

test('an sk_live_ key is refused before any request unless --allow-production, and never printed', async () => {
  const io = captureIo({ CLERK_SECRET_KEY: 'sk_live_abcdefabcdef' });
  expect(await main(['stateful', 'http://127.0.0.1:9'], io)).toBe(2);
  expect(io.err()).toMatch(/production key \(sk_live_\).*--allow-production/);
  expect(io.err()).not.toContain('abcdef');
  const allowed = captureIo({ CLERK_SECRET_KEY: 'sk_live_abcdefabcdef' });
  expect(
    await main(
      ['stateful', 'http://127.0.0.1:9', '--allow-production', '--runs', '5', '--seed', '1'],
      allowed,
    ),
  ).toBe(2);
  expect(allowed.out()).toMatch(/stopped: (GET|POST) http:\/\/127\.0\.0\.1:9\/v1\//);
});

test('check --embedded refuses a stateful fault and points to stateful', async () => {
  const io = captureIo();
  expect(await main(['check', '--embedded', '--fault', 'oldest-first'], io)).toBe(2);
  expect(io.err()).toContain("run 'clerk-conformance stateful --embedded --fault oldest-first'");
});

test("the README's replay line replays its failing run: one sequence, the same property", async () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const line = /^Replay: npx clerk-conformance (stateful .*)$/m.exec(readme)?.[1] ?? '';
  const argv = [...line.matchAll(/'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2] ?? '');
  const io = captureIo();
  expect(await main([...argv, '--format', 'json'], io)).toBe(1);
  expect(JSON.parse(io.out())).toMatchObject({ runs: 1, failure: { property: 'terminal-status-final' } });
  expect(readme).toContain(`property failed: ${JSON.parse(io.out()).failure.property} (`);
});

test('a run that made no request has not passed: exit 2', async () => {
  const io = captureIo();
  // Seed 2 draws one empty sequence: fast-check may draw no command at all.
  expect(await main(['stateful', '--embedded', '--max-steps', '1', '--runs', '1', '--seed', '2'], io)).toBe(
    2,
  );
  expect(io.out() + io.err()).toContain('no request was made, so nothing was checked');
});
