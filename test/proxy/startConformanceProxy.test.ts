import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { startConformanceProxy, VIOLATION_HEADER } from '../../src/proxy/index.js';
import type { ConformanceProxy, ConformanceProxyOptions } from '../../src/proxy/types.js';
import type { Client } from '../../src/schema/types.js';
import { client, DAY_MS } from '../helpers.js';
import { serve, type TestServer } from '../httpServer.js';
import { endToEnd, header, rawRequest, sha256 } from './proxyHttp.js';

/** A Client that passes every rule when judged now. */
const valid = (sessions = 3): Client => client(sessions, Date.now() - DAY_MS);
const dangling = (): Client => ({ ...valid(2), last_active_session_id: 'sess_2ohNloGlvbsE5jE9la8jNih1yka' });

/** A list of several MB: 2,000 Clients of 3 sessions. */
const bigList = JSON.stringify(Array.from({ length: 2000 }, () => valid(3)));
/** 8 MB of bytes that are no JSON at all, with every byte value. */
const binary = Buffer.from(Array.from({ length: 8 * 1024 * 1024 }, (_, index) => (index * 7919) % 256));
const brokenGzip = gzipSync(JSON.stringify(dangling()));
// Fixed bodies, so the upstream answers the same bytes to both requests of a comparison.
const brokenText = JSON.stringify(dangling());
const validText = JSON.stringify(valid());
const SECRET = 'sk_test_Abcdefghijklmnopqrstuvwxyz012345';

let upstream: TestServer;
const bodies: Buffer[] = [];
beforeAll(async () => {
  upstream = await serve((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    // A fixed Date: both requests of a comparison get the same headers, and the proxy must not add its own.
    response.setHeader('Date', 'Fri, 27 Nov 2026 12:00:00 GMT');
    const json = { 'Content-Type': 'application/json' };
    if (url.pathname === '/v1/clients' && url.searchParams.get('big') === 'true') {
      response.writeHead(200, { ...json, 'Content-Length': Buffer.byteLength(bigList) });
      response.end(bigList);
    } else if (url.pathname === '/files/blob') {
      response.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      // Chunked: many writes, no length.
      for (let at = 0; at < binary.length; at += 65_536) response.write(binary.subarray(at, at + 65_536));
      response.end();
    } else if (url.pathname === '/v1/clients/chunked') {
      response.writeHead(200, json);
      for (let at = 0; at < brokenText.length; at += 7) response.write(brokenText.slice(at, at + 7));
      response.end();
    } else if (url.pathname === '/v1/clients/gzip') {
      response.writeHead(200, { ...json, 'Content-Encoding': 'gzip', 'Content-Length': brokenGzip.length });
      response.end(brokenGzip);
    } else if (url.pathname === '/v1/clients/valid') {
      response.writeHead(200, {
        ...json,
        'X-Request-Id': 'req_1',
        'set-cookie': ['a=1; Path=/', 'b=2; HttpOnly'],
      });
      response.end(validText);
    } else if (url.pathname === '/v1/clients/dangling') {
      response.writeHead(200, json);
      response.end(JSON.stringify(dangling()));
    } else if (url.pathname === '/v1/clients/echo') {
      // A careless upstream that echoes the key it was sent into the document.
      const echoed = { ...dangling(), sign_in_id: String(request.headers.authorization) };
      response.writeHead(200, json);
      response.end(JSON.stringify(echoed));
    } else if (url.pathname === '/v1/clients/stale') {
      // Generated a month ago: its active sessions have expired by now.
      response.writeHead(200, json);
      response.end(JSON.stringify(client(2, Date.now() - 30 * DAY_MS)));
    } else if (url.pathname === '/v1/clients/cut') {
      response.writeHead(200, { ...json, 'Content-Length': 1000 });
      response.write('{"object":"client"');
      setImmediate(() => response.socket?.destroy());
    } else if (url.pathname === '/echo-request') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        bodies.push(Buffer.concat(chunks));
        response.writeHead(201, 'Made', { 'Content-Type': 'text/plain' });
        response.end('made');
      });
    } else {
      const status = Number(url.searchParams.get('status') ?? 404);
      const body = JSON.stringify({
        errors: [{ message: 'nope', long_message: 'nope', code: 'resource_not_found' }],
      });
      response.writeHead(status, 'Custom Reason', json);
      response.end(body);
    }
  });
});
afterAll(() => upstream.close());

/** A proxy for one test, closed after it. */
async function withProxy<T>(
  run: (proxy: ConformanceProxy) => Promise<T>,
  options: Partial<ConformanceProxyOptions> = {},
): Promise<T> {
  const proxy = await startConformanceProxy({ upstream: upstream.url, ...options });
  try {
    return await run(proxy);
  } finally {
    await proxy.close();
  }
}

/** The same request straight to the upstream and through the proxy. */
async function bothWays(proxy: ConformanceProxy, path: string, headers: Record<string, string> = {}) {
  const direct = await rawRequest(`${upstream.url}${path}`, { headers });
  const proxied = await rawRequest(`${proxy.url}${path}`, { headers });
  return { direct, proxied };
}

describe('responses pass unchanged', () => {
  test.each([
    ['a several-MB JSON list', '/v1/clients?big=true'],
    ['an 8 MB chunked binary body', '/files/blob'],
    ['a JSON body written in 7-byte chunks', '/v1/clients/chunked'],
    ['a gzip body (passed compressed)', '/v1/clients/gzip'],
    ['a 404 with a reason phrase', '/nowhere?status=404'],
    ['a 500', '/nowhere?status=500'],
    ['a 401', '/v1/clients/x/y?status=401'],
    ['multiple Set-Cookie headers', '/v1/clients/valid'],
  ])('%s: same status, reason, headers and bytes', async (_, path) => {
    await withProxy(async (proxy) => {
      const { direct, proxied } = await bothWays(proxy, path, { 'Accept-Encoding': 'gzip' });
      expect(proxied.status).toBe(direct.status);
      expect(proxied.statusMessage).toBe(direct.statusMessage);
      expect(endToEnd(proxied.rawHeaders)).toEqual(endToEnd(direct.rawHeaders));
      expect(proxied.body.length).toBe(direct.body.length);
      expect(sha256(proxied.body)).toBe(sha256(direct.body));
    });
  });

  test('a chunked upstream stays chunked, a sized one keeps its length', async () => {
    await withProxy(async (proxy) => {
      const { proxied } = await bothWays(proxy, '/v1/clients/chunked');
      expect(header(proxied.rawHeaders, 'transfer-encoding')).toBe('chunked');
      const sized = await rawRequest(`${proxy.url}/v1/clients?big=true`);
      expect(header(sized.rawHeaders, 'content-length')).toBe(String(Buffer.byteLength(bigList)));
    });
  });

  test('the several-MB list is checked, every Client of it', async () => {
    const result = await withProxy(async (proxy) => {
      await rawRequest(`${proxy.url}/v1/clients?big=true`);
      return proxy.results();
    });
    expect(result.clients).toBe(2000);
    expect(result.violations).toEqual([]);
    expect(result.traffic).toEqual({ requests: 1, inspected: 1, oversized: 0, upstreamFailures: 0 });
  });

  test('error statuses and non-JSON bodies are passed over and counted, not checked', async () => {
    const result = await withProxy(
      async (proxy) => {
        for (const path of ['/nowhere?status=500', '/nowhere?status=401', '/files/blob'])
          await rawRequest(`${proxy.url}${path}`);
        return proxy.close();
      },
      { allowEmpty: true },
    );
    expect(result).toMatchObject({ ok: true, documents: 0, skipped: 3, errorCount: 0 });
    expect(result.traffic.inspected).toBe(0);
  });
});

describe('requests pass unchanged, to the upstream only', () => {
  test('method, path, query, headers and body bytes reach the upstream; Host names it', async () => {
    await withProxy(async (proxy) => {
      const body = Buffer.from(Array.from({ length: 300_000 }, (_, index) => index % 251));
      const sent = {
        'X-Custom': 'one',
        Authorization: `Bearer ${SECRET}`,
        'Content-Type': 'application/octet-stream',
      };
      const before = upstream.requests.length;
      const response = await rawRequest(`${proxy.url}/echo-request?a=1&b=%20two`, {
        method: 'PUT',
        headers: sent,
        body,
      });
      expect(response.status).toBe(201);
      expect(response.statusMessage).toBe('Made');
      const received = upstream.requests[before];
      expect(received?.url).toBe('/echo-request?a=1&b=%20two');
      expect(received?.headers).toMatchObject({
        'x-custom': 'one',
        authorization: `Bearer ${SECRET}`,
        host: new URL(upstream.url).host,
      });
      expect(sha256(bodies.at(-1) ?? Buffer.alloc(0))).toBe(sha256(body));
    });
  });

  test('an absolute-form request (another host) is refused, never forwarded', async () => {
    await withProxy(async (proxy) => {
      const before = upstream.requests.length;
      const { port } = new URL(proxy.url);
      const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        // A forward-proxy request: the target names another host.
        import('node:http').then(({ request }) => {
          const outgoing = request(
            {
              host: '127.0.0.1',
              port,
              path: 'http://elsewhere.example/v1/clients',
              headers: { authorization: `Bearer ${SECRET}` },
            },
            (incoming) => {
              let text = '';
              incoming.on('data', (chunk) => (text += chunk));
              incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: text }));
            },
          );
          outgoing.on('error', reject);
          outgoing.end();
        }, reject);
      });
      expect(response.status).toBe(400);
      expect(response.body).toContain('forwards paths (/v1/…)');
      expect(upstream.requests.length).toBe(before);
    });
  });
});

describe('checks', () => {
  test('a broken Client is reported with its rule and path; gzip and chunked bodies are checked decoded', async () => {
    const result = await withProxy(async (proxy) => {
      for (const path of [
        '/v1/clients/dangling',
        '/v1/clients/gzip',
        '/v1/clients/chunked',
        '/v1/clients/valid',
      ])
        await rawRequest(`${proxy.url}${path}`, { headers: { 'Accept-Encoding': 'gzip' } });
      return proxy.close();
    });
    expect(result.ok).toBe(false);
    expect(result.clients).toBe(4);
    expect(
      result.violations.map(({ source, rule, path, target }) => ({ source, rule, path, target })),
    ).toEqual(
      ['dangling', 'gzip', 'chunked'].map((name) => ({
        source: `GET /v1/clients/${name}`,
        rule: 'last-active-session-listed',
        path: '/last_active_session_id',
        target: upstream.url,
      })),
    );
  });

  test('each response is judged at the time it arrived', async () => {
    const result = await withProxy(async (proxy) => {
      await rawRequest(`${proxy.url}/v1/clients/stale`);
      return proxy.results();
    });
    expect(result.violations.map((violation) => violation.rule)).toContain('status-matches-clock');
  });

  test('the options of check apply: profile, rules, fail-on', async () => {
    const result = await withProxy(
      async (proxy) => {
        await rawRequest(`${proxy.url}/v1/clients/dangling`);
        return proxy.close();
      },
      { rules: { 'last-active-session-listed': 'warning' }, failOn: 'error' },
    );
    expect(result.violations.map((violation) => violation.severity)).toEqual(['warning']);
    expect(result.ok).toBe(true);
  });

  test('onViolation sees each violation as it is found', async () => {
    const seen: string[] = [];
    await withProxy(
      async (proxy) => {
        await rawRequest(`${proxy.url}/v1/clients/dangling`);
        expect(seen).toEqual(['GET /v1/clients/dangling last-active-session-listed /last_active_session_id']);
      },
      { onViolation: ({ source, rule, path }) => seen.push(`${source} ${rule} ${path}`) },
    );
  });

  test('violationHeader names the broken rules in Clerk-Conformance; valid responses and the default get none', async () => {
    await withProxy(
      async (proxy) => {
        const broken = await rawRequest(`${proxy.url}/v1/clients/gzip`);
        expect(header(broken.rawHeaders, VIOLATION_HEADER)).toBe('last-active-session-listed');
        expect(sha256(broken.body)).toBe(sha256(brokenGzip));
        const fine = await rawRequest(`${proxy.url}/v1/clients/valid`);
        expect(header(fine.rawHeaders, VIOLATION_HEADER)).toBeUndefined();
      },
      { violationHeader: true },
    );
    await withProxy(async (proxy) => {
      const broken = await rawRequest(`${proxy.url}/v1/clients/dangling`);
      expect(header(broken.rawHeaders, VIOLATION_HEADER)).toBeUndefined();
    });
  });

  test('a body larger than maxBytes passes through whole, unchecked, and is counted (header mode too)', async () => {
    for (const violationHeader of [false, true]) {
      const result = await withProxy(
        async (proxy) => {
          const { direct, proxied } = await bothWays(proxy, '/v1/clients?big=true');
          expect(sha256(proxied.body)).toBe(sha256(direct.body));
          return proxy.close();
        },
        { maxBytes: 100_000, violationHeader, allowEmpty: true },
      );
      expect(result.traffic).toMatchObject({ inspected: 0, oversized: 1 });
      expect(result.documents).toBe(0);
    }
  });

  test('a gzip body that decodes to more than maxBytes is counted as oversized', async () => {
    const result = await withProxy(
      async (proxy) => {
        await rawRequest(`${proxy.url}/v1/clients/gzip`);
        return proxy.close();
      },
      { maxBytes: brokenGzip.length + 10, allowEmpty: true },
    );
    expect(result.traffic.oversized).toBe(1);
  });

  test('a credential the upstream echoes never reaches the results', async () => {
    const result = await withProxy(async (proxy) => {
      await rawRequest(`${proxy.url}/v1/clients/echo`, { headers: { authorization: `Bearer ${SECRET}` } });
      return proxy.close();
    });
    expect(result.clients).toBe(1);
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });
});

describe('upstream failures are counted and reported, never hidden', () => {
  test('a refused connection answers 502 with a Clerk error body and is an input error', async () => {
    const gone = await serve(() => {});
    await gone.close();
    const proxy = await startConformanceProxy({ upstream: gone.url });
    const response = await rawRequest(`${proxy.url}/v1/clients`);
    const result = await proxy.close();
    expect(response.status).toBe(502);
    expect(JSON.parse(response.body.toString()).errors[0].code).toBe('upstream_unavailable');
    expect(result.traffic.upstreamFailures).toBe(1);
    expect(result.errors[0]).toMatchObject({
      source: 'GET /v1/clients',
      message: expect.stringMatching(/connection refused/),
    });
    expect(result.ok).toBe(false);
  });

  test('a body cut short reaches the caller cut short, and is counted', async () => {
    const result = await withProxy(async (proxy) => {
      await expect(rawRequest(`${proxy.url}/v1/clients/cut`)).rejects.toThrow();
      // The failure is counted when the upstream's side closes.
      await vi.waitFor(() => expect(proxy.results().traffic.upstreamFailures).toBe(1));
      return proxy.results();
    });
    expect(result.traffic.upstreamFailures).toBe(1);
    expect(result.errors.map((error) => error.source)).toEqual(['GET /v1/clients/cut']);
  });
});

describe('options', () => {
  test.each([
    ['ftp://example.com', /upstream must be an http\(s\) URL, got a ftp: URL/],
    ['not a url', /upstream must be an http\(s\) URL such as/],
    ['https://user:pass@api.clerk.com', /must not hold credentials/],
    ['https://api.clerk.com/?token=abc', /without \?query/],
  ])('upstream %s is refused', async (url, message) => {
    await expect(startConformanceProxy({ upstream: url })).rejects.toThrow(message);
  });

  test('a bad check option is refused before listening', async () => {
    await expect(startConformanceProxy({ upstream: upstream.url, clockSkewMs: -1 })).rejects.toThrow(
      /clockSkewMs/,
    );
  });

  test('it listens on loopback by default', async () => {
    await withProxy(async (proxy) => expect(proxy.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/));
  });
});
