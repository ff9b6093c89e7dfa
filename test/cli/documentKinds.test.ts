import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
    expect(report).toMatchObject({ sessions: 4, clients: 0 });
  });

  test.each([
    ['session-expires-before-created.json', '', 'timestamps-ordered', '/expire_at'],
    ['webhook-session-without-user.json', '#/data', 'schema/required', '/user'],
  ])('%s is reported with exactly the rule and path it breaks', async (file, at, rule, path) => {
    const { code, report } = await check(join('examples/kinds/broken', file));
    expect(code).toBe(1);
    expect(
      report.violations.map(({ source, rule, path }: Record<string, string>) => [source, rule, path]),
    ).toEqual([[`examples/kinds/broken/${file}${at}`, rule, path]]);
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
