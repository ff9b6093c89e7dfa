/** `clerk-conformance proxy`: options, live lines, reports, baselines and exit codes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { type ReferenceServer, startReferenceServer } from '../../src/server/referenceServer.js';
import { captureIo } from '../cliIo.js';
import { serve } from '../httpServer.js';
import { tempDir } from '../tempDir.js';

let server: ReferenceServer;
beforeAll(async () => {
  server = await startReferenceServer({ seed: 2, clients: 6, fault: 'dangling-last-active-session' });
});
afterAll(() => server.close());

/**
 * Runs `proxy` in front of the faulty server until `traffic` has made its requests through it, then stops it as
 * SIGINT does.
 */
async function proxySession(args: string[], traffic: (url: string) => Promise<void>) {
  const io = captureIo();
  const interrupt = new AbortController();
  const running = main(['proxy', '--upstream', server.url, '--port', '0', ...args], io, interrupt.signal);
  let url = '';
  await vi.waitFor(() => {
    url = /proxy at (http:\/\/\S+),/.exec(io.err())?.[1] ?? '';
    expect(url).not.toBe('');
  });
  await traffic(url);
  interrupt.abort('SIGINT');
  const code = await running;
  return { code, stdout: io.out(), stderr: io.err() };
}

/** Reads every Client of the server through the proxy. */
async function readAll(url: string): Promise<void> {
  for (const { id } of server.store.list(Date.now())) {
    const response = await fetch(`${url}/v1/clients/${id}`, {
      headers: { authorization: `Bearer ${server.secretKey}` },
    });
    await response.arrayBuffer();
  }
}

describe('proxy', () => {
  test('prints each violation as it happens, and on SIGINT the report; exits 1', async () => {
    const { code, stdout, stderr } = await proxySession([], readAll);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^\d{4}-\d\d-\d\dT\S+Z {2}GET \/v1\/clients\/client_\w+ {2}last-active-session-listed \(error\) {2}\/last_active_session_id {2}must be the id of one of sessions$/m,
    );
    expect(stderr).toContain('Proxied 6 requests: 6 JSON responses inspected.');
    expect(stdout).toMatch(
      /^not conformant: 6 documents, 6 clients checked, \d+ errors? and 0 warnings in 1 rule\n$/m,
    );
    expect(stderr + stdout).not.toContain(server.secretKey);
  });

  test('--duration stops it like SIGINT; --report and --write-baseline are written, then --baseline passes', async () => {
    const dir = tempDir('proxy-cli');
    const baseline = join(dir, 'baseline.json');
    const first = await proxySession(
      ['--report', 'json,junit', '--report-dir', dir, '--write-baseline', baseline],
      readAll,
    );
    expect(first.code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'clerk-conformance.json'), 'utf8'));
    expect(report.settings).toMatchObject({ upstream: server.url, traffic: { requests: 6, inspected: 6 } });
    expect(readFileSync(join(dir, 'clerk-conformance.junit.xml'), 'utf8')).toContain(
      'last-active-session-listed',
    );
    const second = await proxySession(['--baseline', baseline], readAll);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('[known]');
    const io = captureIo();
    expect(
      await main(['proxy', '--upstream', server.url, '--port', '0', '--duration', '1', '--allow-empty'], io),
    ).toBe(0);
    expect(io.out()).toBe('conformant: 0 documents, nothing checked, no violations\n');
  });

  test('--rule and --profile apply as in check', async () => {
    const { code, stderr } = await proxySession(['--rule', 'last-active-session-listed=warning'], readAll);
    expect(code).toBe(0);
    expect(stderr).toContain('last-active-session-listed (warning)');
  });

  test('--on-violation header answers with Clerk-Conformance', async () => {
    const headers: Array<string | null> = [];
    await proxySession(['--on-violation', 'header'], async (url) => {
      for (const { id } of server.store.list(Date.now())) {
        const response = await fetch(`${url}/v1/clients/${id}`, {
          headers: { authorization: `Bearer ${server.secretKey}` },
        });
        headers.push(response.headers.get('clerk-conformance'));
        await response.arrayBuffer();
      }
    });
    expect(headers).toContain('last-active-session-listed');
    expect(headers).toContain(null);
  });

  test('an upstream failure is printed as it happens, counted, and the run exits 2', async () => {
    const gone = await serve(() => {});
    await gone.close();
    const io = captureIo();
    const interrupt = new AbortController();
    const running = main(['proxy', '--upstream', gone.url, '--port', '0'], io, interrupt.signal);
    await vi.waitFor(() => expect(io.err()).toContain('proxy at'));
    const url = /proxy at (http:\/\/\S+),/.exec(io.err())?.[1];
    expect((await fetch(`${url}/v1/clients`)).status).toBe(502);
    interrupt.abort('SIGTERM');
    expect(await running).toBe(2);
    expect(io.err()).toMatch(
      /Z {2}GET \/v1\/clients {2}input error: upstream 127\.0\.0\.1:\d+: connection refused$/m,
    );
    expect(io.err()).toContain('Proxied 1 request: 0 JSON responses inspected, 1 upstream failure.');
  });

  test.each([
    [[], 'proxy needs --upstream <url>'],
    [['--upstream', 'ftp://x'], 'upstream must be an http(s) URL, got a ftp: URL'],
    [
      ['--upstream', 'http://x', '--on-violation', 'block'],
      '--on-violation must be one of none, header, got "block"',
    ],
    [['--upstream', 'http://x', '--duration', '0'], '--duration must be from 1 to 2147483647, got "0"'],
    [['--upstream', 'http://x', '--port', '70000'], '--port must be from 0 to 65535, got "70000"'],
    [['--upstream', 'http://x', '--record', 'a.json'], 'a recording is a .har or .ndjson file, got "a.json"'],
    [['--upstream', 'http://x', 'extra'], 'unexpected argument "extra"'],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const io = captureIo();
    expect(await main(['proxy', ...args], io)).toBe(2);
    expect(io.err()).toContain(message);
    expect(io.err()).toContain("Run 'clerk-conformance help proxy' for usage.");
  });

  test('a port in use is exit 2 naming it', async () => {
    const taken = await serve(() => {});
    const port = new URL(taken.url).port;
    try {
      const io = captureIo();
      expect(await main(['proxy', '--upstream', server.url, '--port', port], io)).toBe(2);
      expect(io.err()).toContain(`cannot listen on 127.0.0.1:${port}: the port is in use`);
    } finally {
      await taken.close();
    }
  });
});
