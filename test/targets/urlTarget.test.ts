import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import type { ReadOptions, TargetItem } from '../../src/targets/types.js';
import { curlLine, urlTarget } from '../../src/targets/urlTarget.js';
import { client } from '../helpers.js';
import { serve, type TestServer } from '../httpServer.js';

const SECRET = 'sk_live_do_not_print_me';
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(handler: Parameters<typeof serve>[0]): Promise<TestServer> {
  const server = await serve(handler);
  servers.push(server);
  return server;
}

async function read(url: string, options: Partial<ReadOptions> = {}): Promise<TargetItem[]> {
  const items: TargetItem[] = [];
  for await (const item of urlTarget(url, {
    maxBytes: 1 << 20,
    timeoutMs: 2000,
    secretKey: SECRET,
    ...options,
  })) {
    items.push(item);
  }
  return items;
}

const json = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
};

describe('urlTarget', () => {
  test('GETs the document with the secret key as a bearer token and the extra headers', async () => {
    const server = await start((_, response) => json(response, 200, client(1)));
    const before = Date.now();
    const [item] = await read(`${server.url}/v1/clients/x`, { headers: { 'X-Tenant': 'acme' } });
    expect(item).toMatchObject({
      kind: 'document',
      source: `${server.url}/v1/clients/x`,
      value: client(1).object && {},
    });
    expect((item as { observedAt: number }).observedAt).toBeGreaterThanOrEqual(before);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(server.requests[0]?.headers['x-tenant']).toBe('acme');
    expect((item as { reproduce: string }).reproduce).toBe(
      `curl -sS -H "Authorization: Bearer $CLERK_SECRET_KEY" -H 'X-Tenant: acme' '${server.url}/v1/clients/x'`,
    );
  });

  test('a 500 with an HTML body is an error with the URL, the status and the start of the body', async () => {
    const server = await start((_, response) => {
      response.writeHead(500, { 'content-type': 'text/html' });
      response.end(`<html><body>Internal error for key ${SECRET}</body></html>`);
    });
    expect(await read(`${server.url}/v1/clients`)).toEqual([
      {
        kind: 'error',
        source: `${server.url}/v1/clients`,
        message: 'HTTP 500 Internal Server Error: "<html><body>Internal error for key ***</body></html>"',
        reproduce: `curl -sS -H "Authorization: Bearer $CLERK_SECRET_KEY" '${server.url}/v1/clients'`,
      },
    ]);
  });

  test('a 200 that is not JSON is an error saying so', async () => {
    const server = await start((_, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('ok');
    });
    const [item] = await read(server.url);
    expect((item as { message: string }).message).toBe(
      'HTTP 200 but not JSON (text/plain): invalid JSON: invalid symbol at line 1, column 1; body starts "ok"',
    );
  });

  test('a server that never answers is a timeout error', async () => {
    const server = await start(() => {});
    expect(await read(server.url, { timeoutMs: 300 })).toEqual([
      {
        kind: 'error',
        source: `${server.url}/`,
        message: 'no complete response within 300 ms (--timeout)',
        reproduce: `curl -sS -H "Authorization: Bearer $CLERK_SECRET_KEY" '${server.url}/'`,
      },
    ]);
  });

  test('an endless body is cut as soon as it passes the size cap', async () => {
    let sent = 0;
    const server = await start((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (sent < 1e9 && response.write(chunk)) sent += chunk.length;
        if (sent < 1e9) response.once('drain', pump);
      };
      response.write('[');
      pump();
    });
    const [item] = await read(server.url, { maxBytes: 1 << 20 });
    expect((item as { message: string }).message).toBe(
      `response larger than ${1 << 20} bytes: transfer stopped (raise it with --max-size)`,
    );
    expect(sent).toBeLessThan(64 << 20);
  });

  test('a refused connection is an error naming the host', async () => {
    const server = await start(() => {});
    await server.close();
    expect(await read(`${server.url}/v1/clients`)).toEqual([
      {
        kind: 'error',
        source: `${server.url}/v1/clients`,
        message: `connection refused by ${new URL(server.url).host}`,
        reproduce: `curl -sS -H "Authorization: Bearer $CLERK_SECRET_KEY" '${server.url}/v1/clients'`,
      },
    ]);
  });

  test('a key that cannot be sent is an error naming it (never its value), and no request is made', async () => {
    const server = await start((_, response) => json(response, 200, client(0)));
    const [item] = await read(`${server.url}/v1/clients`, { secretKey: 'sk_test_…' });
    expect((item as { message: string }).message).toBe(
      'the secret key contains a character that cannot be sent in an HTTP header (U+2026 at position 9): the request was not made',
    );
    const [header] = await read(server.url, { headers: { 'X-Tenant': 'a\nb' } });
    expect((header as { message: string }).message).toMatch(
      /^header X-Tenant contains .* \(U\+000A at position 2\)/,
    );
    expect(server.requests).toEqual([]);
  });

  test('a redirect to another origin never carries the credentials; a same-origin one does', async () => {
    const elsewhere = await start((_, response) => json(response, 200, client(0)));
    const origin = await start((request, response) => {
      if (request.url === '/same') return json(response, 200, client(0));
      response.writeHead(302, {
        location: request.url === '/away' ? `${elsewhere.url}/v1/clients/x` : '/same',
      });
      response.end();
    });
    const options = { headers: { 'X-Api-Key': 'custom-secret', 'X-Tenant': 'acme' } };
    expect((await read(`${origin.url}/away`, options))[0]?.kind).toBe('document');
    expect(elsewhere.requests[0]?.headers.authorization).toBeUndefined();
    expect(elsewhere.requests[0]?.headers['x-api-key']).toBeUndefined();
    expect((await read(`${origin.url}/here`, options))[0]?.kind).toBe('document');
    expect(origin.requests.at(-1)).toMatchObject({
      url: '/same',
      headers: { authorization: `Bearer ${SECRET}` },
    });
  });

  test('--all-pages walks a paginated list and a plain array with limit and offset', async () => {
    const all = Array.from({ length: 5 }, (_, index) => ({ n: index }));
    const server = await start((request, response) => {
      const url = new URL(request.url ?? '', 'http://x');
      const limit = Number(url.searchParams.get('limit'));
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const data = all.slice(offset, offset + limit);
      json(response, 200, url.pathname === '/paginated' ? { data, total_count: all.length } : data);
    });
    for (const path of ['/paginated?limit=2', '/array?limit=2']) {
      const items = await read(`${server.url}${path}`, { allPages: true });
      expect(items.map((item) => item.source.replace(server.url, ''))).toEqual([
        `${path}`,
        `${path}&offset=2`,
        `${path}&offset=4`,
      ]);
    }
  });

  test('secret query parameters and header values never appear in sources or reproduction lines', () => {
    const line = curlLine(new URL('https://api.example/v1/clients?api_key=abc&limit=2'), {
      maxBytes: 1,
      secretKey: SECRET,
      headers: { Authorization: 'Bearer other', Cookie: '__session=xyz', 'X-Tenant': 'acme' },
    });
    expect(line).toBe(
      `curl -sS -H "Authorization: Bearer $CLERK_SECRET_KEY" -H 'Authorization: ***' -H 'Cookie: ***' -H 'X-Tenant: acme' 'https://api.example/v1/clients?api_key=***&limit=2'`,
    );
    expect(line).not.toContain(SECRET);
  });
});
