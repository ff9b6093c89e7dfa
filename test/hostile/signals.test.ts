/**
 * A cancelled CI job: SIGINT/SIGTERM stop check, which reports what it read and exits 130/143 (issue 10). The
 * binary's own signal handling (bin.ts) is tested on the installed package, in test/consumer/packedPackage.test.ts.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../cliIo.js';
import { client } from '../helpers.js';
import { serve, type TestServer } from '../httpServer.js';

const dir = mkdtempSync(join(tmpdir(), 'clerk-conformance-hostile-signal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const dangling = { ...client(1), last_active_session_id: 'sess_2ohNloGlvbsE5jE9la8jNih1yka' };

/** Answers the first page with a broken Client and never answers the second; says when the second is asked for. */
async function stallingList(): Promise<{ server: TestServer; stalled: Promise<void> }> {
  let stall = () => {};
  const stalled = new Promise<void>((resolve) => {
    stall = resolve;
  });
  const server = await serve((request, response) => {
    if (new URL(request.url ?? '/', 'http://x').searchParams.has('offset')) return stall();
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ data: [dangling], total_count: 2 }));
  });
  servers.push(server);
  return { server, stalled };
}

test('SIGTERM during check: reading stops, the reports are written, exit 143', async () => {
  const { server, stalled } = await stallingList();
  const interrupt = new AbortController();
  const io = captureIo();
  const reports = join(dir, 'reports');
  const running = main(
    [
      'check',
      '--all-pages',
      '--report',
      'json,junit',
      '--report-dir',
      reports,
      `${server.url}/v1/clients?limit=1`,
    ],
    io,
    interrupt.signal,
  );
  await stalled;
  interrupt.abort('SIGTERM');
  expect(await running).toBe(143);
  expect(io.out()).toContain('last-active-session-listed (error): 1 violation');
  expect(io.out()).toContain('input error: (run): interrupted by SIGTERM: not every document was read');
  expect(io.out().trimEnd().split('\n').at(-1)).toMatch(/^not conformant: 1 document, 1 client checked/);
  const json = JSON.parse(readFileSync(join(reports, 'clerk-conformance.json'), 'utf8'));
  expect(json.ok).toBe(false);
  expect(existsSync(join(reports, 'clerk-conformance.junit.xml'))).toBe(true);
});

test('generate stops between chunks on a signal, with 130', async () => {
  const interrupt = new AbortController();
  interrupt.abort('SIGINT');
  const io = captureIo();
  expect(await main(['generate', '--count', '5000'], io, interrupt.signal)).toBe(130);
  expect(io.out()).toBe('');
});
