/** --record: the checked traffic saved as HAR or NDJSON, credentials as placeholders, replayed by `check`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { startConformanceProxy } from '../../src/proxy/index.js';
import { captureIo } from '../cliIo.js';
import { client, DAY_MS } from '../helpers.js';
import { serve, type TestServer } from '../httpServer.js';
import { tempDir } from '../tempDir.js';
import { rawRequest } from './proxyHttp.js';

const SECRET_KEY = 'sk_test_RecordedKey0123456789abcdef';
const COOKIE = 'cookie-value-0123456789';
const API_KEY = 'api-key-value-0123456789';
const TOKEN = 'token-value-0123456789';
const dangling = JSON.stringify({
  ...client(2, Date.now() - DAY_MS),
  last_active_session_id: 'sess_2ohNloGlvbsE5jE9la8jNih1yka',
});
// Generated a month ago: its active session has expired since, which only the time of arrival can tell.
const stale = JSON.stringify(client(1, Date.now() - 30 * DAY_MS));

let upstream: TestServer;
beforeAll(async () => {
  upstream = await serve((request, response) => {
    if (request.url === '/v1/other') {
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.end('not a document');
      return;
    }
    const body = request.url?.startsWith('/v1/clients/stale') ? stale : dangling;
    response.writeHead(200, { 'Content-Type': 'application/json', 'Set-Cookie': `__client=${COOKIE}` });
    response.end(body);
  });
});
afterAll(() => upstream.close());

/** Records two requests with every kind of credential through a proxy, and returns what it reported. */
async function record(file: string) {
  const proxy = await startConformanceProxy({ upstream: upstream.url, record: file });
  const headers = {
    Authorization: `Bearer ${SECRET_KEY}`,
    Cookie: `__session=${COOKIE}`,
    'X-Api-Key': API_KEY,
    'Clerk-API-Version': '2025-11-10',
  };
  await rawRequest(`${proxy.url}/v1/clients/client_1?token=${TOKEN}`, { headers });
  await rawRequest(`${proxy.url}/v1/clients/stale`, { headers });
  // Not checked, so not recorded.
  await rawRequest(`${proxy.url}/v1/other`);
  return proxy.close();
}

test.each(['traffic.har', 'traffic.ndjson'])(
  '%s holds no credential and replays with check',
  async (name) => {
    const file = join(tempDir('proxy-record'), name);
    const proxied = await record(file);
    const text = readFileSync(file, 'utf8');
    for (const secret of [SECRET_KEY, COOKIE, API_KEY, TOKEN]) expect(text).not.toContain(secret);
    const io = captureIo();
    expect(await main(['check', '--format', 'json', file], io)).toBe(1);
    const replayed = JSON.parse(io.out()) as { violations: Array<{ rule: string; path: string }> };
    const rules = (violations: ReadonlyArray<{ rule: string; path: string }>) =>
      violations.map(({ rule, path }) => `${rule} ${path}`).sort();
    // NDJSON keeps the documents only: without the time they arrived, status-matches-clock cannot be judged again.
    const expected = rules(proxied.violations).filter(
      (rule) => name.endsWith('.har') || !rule.startsWith('status-matches-clock'),
    );
    expect(rules(replayed.violations)).toEqual(expected);
    expect(expected).toContain('last-active-session-listed /last_active_session_id');
    if (name.endsWith('.har')) expect(expected).toContain('status-matches-clock /sessions/0/status');
  },
);

test('the HAR keeps the request, its API version and placeholders where credentials were', async () => {
  const file = join(tempDir('proxy-record'), 'traffic.har');
  await record(file);
  const har = JSON.parse(readFileSync(file, 'utf8'));
  expect(har.log.entries).toHaveLength(2);
  const [entry] = har.log.entries;
  expect(entry.request.url).toBe(`${upstream.url}/v1/clients/client_1?token=***`);
  expect(entry.request.headers).toEqual(
    expect.arrayContaining([
      { name: 'Authorization', value: '***' },
      { name: 'Cookie', value: '***' },
      { name: 'X-Api-Key', value: '***' },
      { name: 'Clerk-API-Version', value: '2025-11-10' },
    ]),
  );
  expect(entry.response.headers).toEqual(expect.arrayContaining([{ name: 'Set-Cookie', value: '***' }]));
  expect(entry.response.content.text).toBe(dangling);
});

test('a recording that is not .har or .ndjson, or cannot be written, is refused before listening', async () => {
  await expect(startConformanceProxy({ upstream: upstream.url, record: 'traffic.json' })).rejects.toThrow(
    'a recording is a .har or .ndjson file, got "traffic.json"',
  );
  const missing = join(tempDir('proxy-record'), 'no', 'such', 'dir', 'traffic.har');
  await expect(startConformanceProxy({ upstream: upstream.url, record: missing })).rejects.toThrow(
    `cannot write the recording ${missing}: no such directory`,
  );
});
