import { afterEach, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../cliIo.js';
import { client } from '../helpers.js';
import { serve, type TestServer } from '../httpServer.js';

const SECRET = 'sk_live_never_in_output';
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('check <url>', () => {
  test('sends CLERK_SECRET_KEY and --header, prints neither, and gives a curl line per failing URL', async () => {
    const broken = { ...client(1), last_active_session_id: 'sess_2ohNloGlvbsE5jE9la8jNih1yka' };
    const server = await serve((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(broken));
    });
    servers.push(server);
    const io = captureIo({ CLERK_SECRET_KEY: SECRET });
    const code = await main(
      ['check', '--header', 'X-Api-Key: hidden-value', `${server.url}/v1/clients/x`],
      io,
    );
    expect(code).toBe(1);
    expect(server.requests[0]?.headers).toMatchObject({
      authorization: `Bearer ${SECRET}`,
      'x-api-key': 'hidden-value',
    });
    expect(io.out()).toContain(
      `Reproduce with:\n  curl -sS -H "Authorization: Bearer $CLERK_SECRET_KEY" -H 'X-Api-Key: ***' '${server.url}/v1/clients/x'`,
    );
    expect(io.out() + io.err()).not.toMatch(/sk_live_never_in_output|hidden-value/);
  });

  test('a target error exits 2 and names the URL, the status and the body', async () => {
    const server = await serve((_, response) => {
      response.writeHead(503, { 'content-type': 'text/html' });
      response.end('<h1>maintenance</h1>');
    });
    servers.push(server);
    const io = captureIo({ CLERK_SECRET_KEY: SECRET });
    expect(await main(['check', `${server.url}/v1/clients`], io)).toBe(2);
    expect(io.out()).toContain(
      `input error: ${server.url}/v1/clients: HTTP 503 Service Unavailable: "<h1>maintenance</h1>"`,
    );
  });
});

describe('check --embedded', () => {
  test('starts the reference server, checks it and says so in plain words', async () => {
    const io = captureIo();
    expect(await main(['check', '--embedded'], io)).toBe(0);
    expect(io.err()).toMatch(
      /^Started the embedded Clerk reference server at http:\/\/127\.0\.0\.1:\d+ \(20 clients, fault: none\)/,
    );
    // Each Client through GET /v1/clients/{id}, its Sessions through GET /v1/sessions?client_id=…
    expect(io.out()).toMatch(/^conformant: 40 documents, 20 clients, \d+ sessions checked, no violations\n$/);
  });

  test('--fault makes the server wrong, and the run fails', async () => {
    const io = captureIo();
    expect(await main(['check', '--embedded', '--fault', 'foreign-client-id'], io)).toBe(1);
    expect(io.out()).toMatch(/^session-client-id-matches \(error\)/);
  });

  test.each([
    [
      ['check', '--fault', 'null-sessions', 'x.json'],
      '--fault, --seed and --clients configure the embedded server',
    ],
    [['check', '--embedded', '--fault', 'slow'], 'unknown fault "slow"'],
    [['check', '--shard', '3/2', 'x.json'], '--shard takes i/n with 1 <= i <= n, got "3/2"'],
    [['check', '--header', 'no colon', 'x.json'], '--header takes "Name: value"'],
  ])('usage error %j exits 2', async (argv, message) => {
    const io = captureIo();
    expect(await main(argv, io)).toBe(2);
    expect(io.err()).toContain(message);
  });
});

test('check --shard splits the documents of a run between runners', async () => {
  const counts = [];
  for (const shard of ['1/2', '2/2']) {
    const io = captureIo();
    await main(['check', '--format', 'json', '--shard', shard, 'examples/valid', 'examples/broken'], io);
    counts.push(JSON.parse(io.out()).documents);
  }
  expect(counts[0] + counts[1]).toBe(15);
  expect(counts[0]).toBeGreaterThan(0);
  expect(counts[1]).toBeGreaterThan(0);
});

test('serve runs the reference server until stopped', async () => {
  const io = captureIo();
  const stopped = new AbortController();
  const running = main(['serve', '--port', '0', '--clients', '3'], io, stopped.signal);
  await expect.poll(() => io.err()).toContain('Clerk reference server at');
  const url = /at (http:\/\/\S+)/.exec(io.err())?.[1];
  const response = await fetch(`${url}/v1/clients`, {
    headers: { authorization: 'Bearer sk_test_clerk_client_conformance' },
  });
  expect(((await response.json()) as unknown[]).length).toBe(3);
  stopped.abort('SIGINT');
  expect(await running).toBe(0);
});

describe('newcomer mistakes with URLs (issue 12)', () => {
  test('a pasted placeholder key (sk_live_…) is a usage error naming CLERK_SECRET_KEY, before any request', async () => {
    const server = await serve((_, response) => response.end('{}'));
    servers.push(server);
    const io = captureIo({ CLERK_SECRET_KEY: 'sk_live_…' });
    expect(await main(['check', `${server.url}/v1/clients`], io)).toBe(2);
    expect(io.err()).toContain(
      'CLERK_SECRET_KEY contains a character that cannot be sent in an HTTP header (U+2026 at position 9)',
    );
    expect(io.err()).not.toContain('ByteString');
    expect(server.requests).toEqual([]);
  });

  test('a 401 gets a reproduction line and, without a key, a hint that names the variable and the serve key', async () => {
    const server = await serve((_, response) => {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end('{"errors":[{"message":"unauthorized"}]}');
    });
    servers.push(server);
    const io = captureIo();
    expect(await main(['check', `${server.url}/v1/clients`], io)).toBe(2);
    expect(io.out()).toContain(`Reproduce with:\n  curl -sS '${server.url}/v1/clients'\n`);
    expect(io.err()).toContain('Hint: a URL answered 401: set CLERK_SECRET_KEY.');
    expect(io.err()).toContain('sk_test_clerk_client_conformance');
  });

  test('a refused connection gets a reproduction line too, with the key as a placeholder', async () => {
    const server = await serve((_, response) => response.end());
    await server.close();
    const io = captureIo({ CLERK_SECRET_KEY: SECRET });
    expect(await main(['check', `${server.url}/v1/clients`], io)).toBe(2);
    expect(io.out()).toContain('connection refused by');
    expect(io.out()).toContain(
      `Reproduce with:\n  curl -sS -H "Authorization: Bearer $CLERK_SECRET_KEY" '${server.url}/v1/clients'\n`,
    );
    expect(io.out()).not.toContain(SECRET);
  });

  test('--embedded reproduces with a serve --get of the same server, not a port and key that are gone', async () => {
    const io = captureIo({ CLERK_SECRET_KEY: SECRET });
    const argv = ['check', '--embedded', '--seed', '3', '--fault', 'duplicate-session'];
    expect(await main([...argv, '--format', 'json'], io)).toBe(1);
    const port = /127\.0\.0\.1:(\d+)/.exec(io.err())?.[1];
    const [violation] = JSON.parse(io.out()).violations;
    expect(violation.reproduce).toMatch(
      /^npx clerk-conformance serve --seed 3 --clients 20 --fault duplicate-session --now \d{13} --get '\/v1\/clients\/client_\w+'$/,
    );
    expect(io.out()).not.toContain(`:${port}`);
    expect(io.out()).not.toContain(SECRET);
    // Run as printed, it answers the Client the check saw, with the duplicated session.
    const replay = captureIo();
    const args = (violation.reproduce as string).replaceAll("'", '').split(' ').slice(2);
    expect(await main(args, replay)).toBe(0);
    expect(violation.source).toBe(`embedded${args.at(-1)}`);
    const ids: string[] = JSON.parse(replay.out()).session_ids;
    expect(new Set(ids).size).toBeLessThan(ids.length);
  });
});
