/** Frontend API traffic as a browser makes it: CORS preflights, cookies, gzip, envelopes, through the proxy. */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fapiClientArbitrary } from '../../src/arbitraries/fapiClientArbitrary.js';
import { startConformanceProxy } from '../../src/proxy/index.js';
import { serve, type TestServer } from '../httpServer.js';
import { endToEnd, rawRequest, sha256 } from './proxyHttp.js';

const ORIGIN = 'https://app.example.com';
// Generated an hour ahead: its active sessions (which may expire right after `now`) are still active when checked.
const [fapiClient] = fc.sample(
  fapiClientArbitrary({ minSessions: 2, maxSessions: 2, now: Date.now() + 3_600_000 }),
  {
    numRuns: 1,
    seed: 7,
  },
);
const envelope = gzipSync(JSON.stringify({ response: fapiClient, client: null }));
const broken = { ...(fapiClient as object), last_active_session_id: 'sess_2ohNloGlvbsE5jE9la8jNih1yka' };
const piggybacked = JSON.stringify({
  response: { object: 'sign_in', id: 'sia_1', status: 'complete' },
  client: broken,
});

let upstream: TestServer;
beforeAll(async () => {
  upstream = await serve((request, response) => {
    response.setHeader('Date', 'Fri, 27 Nov 2026 12:00:00 GMT');
    const cors = { 'Access-Control-Allow-Origin': ORIGIN, 'Access-Control-Allow-Credentials': 'true' };
    const url = new URL(request.url ?? '/', 'http://x');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        ...cors,
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': 'content-type',
      });
      response.end();
    } else if (url.pathname === '/v1/client') {
      response.writeHead(200, {
        ...cors,
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
        'Set-Cookie': ['__client=abcdefghijklmnop; HttpOnly; Secure', '__client_uat=1764547200; Secure'],
      });
      response.end(envelope);
    } else {
      response.writeHead(200, { ...cors, 'Content-Type': 'application/json' });
      response.end(piggybacked);
    }
  });
});
afterAll(() => upstream.close());

const browser = { Origin: ORIGIN, Cookie: '__client=abcdefghijklmnop', 'Accept-Encoding': 'gzip, br' };

test('a preflight, a gzip GET /v1/client with cookies and a piggybacked POST pass unchanged and are checked', async () => {
  const proxy = await startConformanceProxy({ upstream: upstream.url });
  const requests = [
    ['OPTIONS', '/v1/client?__clerk_api_version=2025-11-10'],
    ['GET', '/v1/client?__clerk_api_version=2025-11-10&_clerk_js_version=5.112.0'],
    ['POST', '/v1/client/sign_ins?__clerk_api_version=2025-11-10'],
  ] as const;
  for (const [method, path] of requests) {
    const headers = { ...browser, 'Content-Type': 'application/x-www-form-urlencoded' };
    const direct = await rawRequest(`${upstream.url}${path}`, { method, headers, body: 'identifier=a' });
    const proxied = await rawRequest(`${proxy.url}${path}`, { method, headers, body: 'identifier=a' });
    expect([proxied.status, endToEnd(proxied.rawHeaders), sha256(proxied.body)]).toEqual([
      direct.status,
      endToEnd(direct.rawHeaders),
      sha256(direct.body),
    ]);
  }
  const result = await proxy.close();
  expect(result).toMatchObject({ documents: 2, fapiClients: 2, skipped: 1 });
  expect(result.violations.map(({ source, rule, path }) => ({ source, rule, path }))).toEqual([
    {
      source: 'POST /v1/client/sign_ins?__clerk_api_version=2025-11-10#/client',
      rule: 'last-active-session-listed',
      path: '/last_active_session_id',
    },
  ]);
  // The cookies the browser sent and received stay out of the results.
  expect(JSON.stringify(result)).not.toContain('abcdefghijklmnop');
});
