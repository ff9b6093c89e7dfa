/** Hostile URLs, redirects, pagination and servers; the reference server's own input handling (issue 10). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { REFERENCE_SECRET_KEY, startReferenceServer } from '../../src/server/referenceServer.js';
import type { TargetItem } from '../../src/targets/types.js';
import { urlTarget } from '../../src/targets/urlTarget.js';
import { captureIo } from '../cliIo.js';
import { client } from '../helpers.js';
import { serve, type TestServer } from '../httpServer.js';

const KEY = 'sk_live_hostile_key_0123456789';
const HEADER_SECRET = 'x-api-key-value-9876';
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
const dir = mkdtempSync(join(tmpdir(), 'clerk-conformance-hostile-net-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function server(handler: Parameters<typeof serve>[0]): Promise<TestServer> {
  const started = await serve(handler);
  servers.push(started);
  return started;
}

async function run(argv: string[], env: Record<string, string> = {}) {
  const io = captureIo(env);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err(), all: io.out() + io.err() };
}

describe('URLs that once crashed with exit 1 are target errors (exit 2)', () => {
  test('an invalid URL', async () => {
    const { code, out } = await run(['check', 'http://[::1']);
    expect(code).toBe(2);
    expect(out).toContain('input error: http://[::1: not a valid URL');
  });

  test('credentials in a URL are never sent nor shown', async () => {
    const target = await server((_, response) => response.end('{}'));
    const url = target.url.replace('http://', 'http://admin:hunter2-pass@');
    const { code, all } = await run(['check', `${url}/v1/clients?token=tok-secret-1&limit=5`]);
    expect(code).toBe(2);
    expect(all).toContain('credentials in the URL are never sent');
    expect(all).toContain('token=***');
    expect(all).not.toMatch(/admin|hunter2|tok-secret-1/);
    expect(target.requests).toHaveLength(0);
  });
});

describe('redirects', () => {
  test('a redirect to a data: URL is refused, not accepted as the answer', async () => {
    const body = Buffer.from(JSON.stringify(client(1))).toString('base64');
    const target = await server((_, response) => {
      response.writeHead(302, { location: `data:application/json;base64,${body}` });
      response.end();
    });
    const { code, out } = await run(['check', `${target.url}/v1/clients/x`]);
    expect(code).toBe(2);
    expect(out).toContain('redirect to a data: URL: only http(s) redirects are followed');
  });

  test('credentials in a Location header never reach the output', async () => {
    const target = await server((request, response) => {
      if (request.url === '/v1/clients/x') {
        response.writeHead(302, {
          location: 'http://bob:pw-in-location@127.0.0.1:1/next?access_token=loc-token-55',
        });
        response.end();
      }
    });
    const { code, all } = await run(['check', '--timeout', '2000', `${target.url}/v1/clients/x`]);
    expect(code).toBe(2);
    expect(all).not.toMatch(/pw-in-location|loc-token-55|bob:/);
  });
});

describe('secrets a target echoes in its body', () => {
  test('never reach the text, JSON or HTML report, excerpts included', async () => {
    const echoed = { ...client(1), id: KEY, sign_in_id: HEADER_SECRET };
    const target = await server((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(echoed));
    });
    const reports = join(dir, 'echo');
    const { code, all } = await run(
      [
        'check',
        '--header',
        `X-Api-Key: ${HEADER_SECRET}`,
        '--report',
        'html,json,junit,markdown',
        '--report-dir',
        reports,
        `${target.url}/v1/clients/x`,
      ],
      { CLERK_SECRET_KEY: KEY },
    );
    expect(code).toBe(1);
    expect(all).not.toContain(KEY);
    expect(all).not.toContain(HEADER_SECRET);
    for (const file of [
      'clerk-conformance.html',
      'clerk-conformance.json',
      'clerk-conformance.junit.xml',
      'clerk-conformance.md',
    ]) {
      const text = readFileSync(join(reports, file), 'utf8');
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(HEADER_SECRET);
    }
    expect(readFileSync(join(reports, 'clerk-conformance.html'), 'utf8')).toContain(
      '&quot;id&quot;: &quot;***&quot;',
    );
  });
});

describe('secrets a HAR recording sent and its responses echo', () => {
  test('never reach any report', async () => {
    const cookie = 'cookie-value-31337';
    const body = { ...client(1), id: `Bearer ${KEY}`, sign_in_id: HEADER_SECRET, sign_up_id: cookie };
    const har = {
      log: {
        entries: [
          {
            startedDateTime: '2025-11-30T00:00:00.000Z',
            request: {
              method: 'GET',
              url: 'https://api.clerk.com/v1/clients/x',
              headers: [
                { name: 'Authorization', value: `Bearer ${KEY}` },
                { name: 'X-Api-Key', value: HEADER_SECRET },
              ],
              cookies: [{ name: '__session', value: cookie }],
            },
            response: { status: 200, content: { mimeType: 'application/json', text: JSON.stringify(body) } },
          },
        ],
      },
    };
    const file = join(dir, 'echo.har');
    writeFileSync(file, JSON.stringify(har));
    const reports = join(dir, 'har-reports');
    const { code, all } = await run(['check', '--report', 'html,json', '--report-dir', reports, file]);
    expect(code).toBe(1);
    const written = ['clerk-conformance.html', 'clerk-conformance.json'].map((name) =>
      readFileSync(join(reports, name), 'utf8'),
    );
    for (const text of [all, ...written]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(HEADER_SECRET);
      expect(text).not.toContain(cookie);
    }
  });
});

describe('--all-pages never calls an unfinished list conformant', () => {
  test('a list that goes on past the page limit is an error: the run is incomplete', async () => {
    const target = await server((request, response) => {
      const offset = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('offset') ?? 0);
      response.writeHead(200, { 'content-type': 'application/json' });
      // Always a full page and a total that keeps growing: pagination that never ends.
      response.end(JSON.stringify({ data: [client(0)], total_count: offset + 10 }));
    });
    const found: TargetItem[] = [];
    for await (const item of urlTarget(`${target.url}/v1/clients?limit=1`, {
      maxBytes: 1 << 20,
      allPages: true,
      maxPages: 3,
    }))
      found.push(item);
    expect(found.map((item) => item.kind)).toEqual(['document', 'document', 'document', 'error']);
    expect(found[3]).toMatchObject({
      message: 'stopped after 3 pages and the list goes on: the run is incomplete',
    });
  });
});

describe('the reference server answers bad requests with 4xx, never 500', () => {
  test('malformed percent-encoding and non-decimal numbers', async () => {
    const reference = await startReferenceServer({ clients: 2, seed: 1 });
    try {
      const status = async (path: string, method = 'GET') =>
        (
          await fetch(`${reference.url}${path}`, {
            method,
            headers: { authorization: `Bearer ${REFERENCE_SECRET_KEY}` },
          })
        ).status;
      expect(await status('/v1/clients/%E0%A4%A')).toBe(400);
      expect(await status('/v1/sessions/%zz/revoke', 'POST')).toBe(400);
      expect(await status('/v1/clients?limit=1e2')).toBe(422);
      expect(await status('/v1/clients?limit=0x10')).toBe(422);
      expect(await status('/v1/clients?offset=%201')).toBe(422);
      expect(await status('/v1/clients?limit=10')).toBe(200);
    } finally {
      await reference.close();
    }
  });
});
