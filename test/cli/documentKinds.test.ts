import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../cliIo.js';

async function check(...argv: string[]) {
  const io = captureIo();
  const code = await main(['check', '--format', 'json', ...argv], io);
  return { code, report: io.out() === '' ? undefined : JSON.parse(io.out()), stderr: io.err() };
}

const scratch = mkdtempSync(join(tmpdir(), 'clerk-conformance-kinds-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('check reads every kind of document', () => {
  test.each(['default', 'strict'])('the valid examples of each kind pass the %s profile', async (profile) => {
    const { code, report } = await check('--profile', profile, 'examples/kinds/valid');
    expect(report.violations).toEqual([]);
    expect(code).toBe(0);
    expect(report).toMatchObject({ clients: 0, sessions: 4, fapiClients: 7, fapiSessions: 0, skipped: 2 });
  });

  test.each([
    ['session-expires-before-created.json', '', 'timestamps-ordered', '/expire_at'],
    ['webhook-session-without-user.json', '#/data', 'schema/required', '/user'],
    ['session-list-unknown-status.json', '#/data/1', 'unknown-status', '/status'],
    [
      'fapi-get-client-cookie-expiry-in-seconds.json',
      '#/response',
      'timestamps-in-milliseconds',
      '/cookie_expires_at',
    ],
    [
      'fapi-client-dangling-last-active-session.json',
      '',
      'last-active-session-listed',
      '/last_active_session_id',
    ],
    ['fapi-sign-in-piggybacked-null-sessions.json', '#/client', 'schema/type', '/sessions'],
    [
      'browser-sign-in-session-updated-before-created.har',
      '#/log/entries/5 GET https://clerk.example.com/v1/client?__clerk_api_version=2025-11-10&_clerk_js_version=5.112.0#/response',
      'timestamps-ordered',
      '/sessions/0/updated_at',
    ],
  ])('%s is reported with exactly the rule and path it breaks', async (file, at, rule, path) => {
    const { code, report } = await check(join('examples/kinds/broken', file));
    // What no Clerk schema documents yet is a warning by default: reported, but the gate passes.
    expect(code).toBe(rule.startsWith('unknown-') ? 0 : 1);
    expect(
      report.violations.map(({ source, rule, path }: Record<string, string>) => [source, rule, path]),
    ).toEqual([[`examples/kinds/broken/${file}${at}`, rule, path]]);
  });

  test("a browser recording's cookies and session tokens reach no output or report", async () => {
    const reports = join(scratch, 'reports');
    const io = captureIo();
    const code = await main(
      [
        'check',
        '--report',
        'junit,json,html,markdown',
        '--report-dir',
        reports,
        'examples/kinds/broken/browser-sign-in-session-updated-before-created.har',
      ],
      io,
    );
    expect(code).toBe(1);
    const written = ['junit.xml', 'json', 'html', 'md']
      .map((ending) => `clerk-conformance.${ending}`)
      .map((file) => readFileSync(join(reports, file), 'utf8'));
    // The recording's __client cookie and the session's JWT (the excerpt shows that session).
    for (const text of [io.out(), io.err(), ...written]) {
      expect(text).not.toContain('c2VjcmV0LWNsaWVudC1jb29raWU');
      expect(text).not.toContain('eyJzdWIiOiJ1c2VyIn0');
    }
    expect(written[2]).toContain('last_active_token');
  });

  test('a broken Client piggybacked in a browser recording fails the run; an unreadable Frontend API body is an input error', async () => {
    const har = JSON.parse(readFileSync('examples/kinds/valid/browser-sign-in.har', 'utf8'));
    const body = JSON.parse(har.log.entries[2].response.content.text);
    const { object: _, ...client } = body.client;
    body.client = { ...client, sessions: 'oops' };
    har.log.entries[2].response.content.text = JSON.stringify(body);
    har.log.entries[3].response.content.text = '<html>502 Bad Gateway</html>';
    const file = join(scratch, 'broken-piggyback.har');
    writeFileSync(file, JSON.stringify(har));
    const { code, report } = await check(file);
    expect(code).toBe(2);
    expect(report.violations.map(({ rule, path }: Record<string, string>) => [rule, path])).toEqual([
      ['schema/required', '/object'],
      ['schema/type', '/sessions'],
    ]);
    expect(report.violations[0].source).toMatch(/#\/log\/entries\/2 POST .*#\/client$/);
    expect(report.errors).toMatchObject([{ message: expect.stringMatching(/^response body: /) }]);
    expect(report.errors[0].source).toMatch(/#\/log\/entries\/3 POST /);
  });

  test('a Client recorded under 2025-03-12 fails the latest version on last_authentication_strategy only', async () => {
    const { last_authentication_strategy: _, ...old } = JSON.parse(
      readFileSync('examples/valid/signed-in.json', 'utf8'),
    );
    const file = join(scratch, 'client-2025-03-12.json');
    writeFileSync(file, JSON.stringify(old));
    const latest = await check(file);
    expect(latest.code).toBe(1);
    expect(latest.report.violations.map(({ rule, path }: Record<string, string>) => [rule, path])).toEqual([
      ['schema/required', '/last_authentication_strategy'],
    ]);
    for (const profile of ['default', 'strict']) {
      const recorded = await check('--profile', profile, '--api-version', '2025-03-12', file);
      expect(recorded.report.violations).toEqual([]);
      expect(recorded.code).toBe(0);
    }
    expect((await check('--api-version', 'yesterday', file)).code).toBe(2);
  });

  test('a run that finds no Client and no Session exits 2 naming its targets, unless --allow-empty', async () => {
    const empty = join(scratch, 'empty.json');
    writeFileSync(empty, JSON.stringify({ data: [], total_count: 0 }));
    const { code, report } = await check(empty);
    expect(code).toBe(2);
    expect(report.errors).toEqual([
      { source: empty, message: 'no Client and no Session found: nothing was checked' },
    ]);
    expect((await check('--allow-empty', empty)).code).toBe(0);
  });

  test('--kind judges every object as the given kind', async () => {
    const { code, report } = await check('--kind', 'client', 'examples/kinds/valid/session.json');
    expect(code).toBe(1);
    expect(report).toMatchObject({ clients: 1, sessions: 0 });
    expect((await check('--kind', 'sesion', 'examples/kinds/valid/session.json')).code).toBe(2);
  });
});
