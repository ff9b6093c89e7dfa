import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { harTarget } from '../../src/targets/harTarget.js';
import type { TargetItem } from '../../src/targets/types.js';
import { client } from '../helpers.js';
import { tempDir } from '../tempDir.js';

function entry(url: string, status: number, body: unknown, extra: Record<string, unknown> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    startedDateTime: '2025-11-30T12:00:00.000Z',
    request: { method: 'GET', url, headers: [{ name: 'Authorization', value: 'Bearer sk_live_secret' }] },
    response: { status, content: { mimeType: 'application/json', text, ...extra } },
  };
}

async function read(har: unknown): Promise<{ path: string; items: TargetItem[] }> {
  const path = join(tempDir('har'), 'session.har');
  writeFileSync(path, typeof har === 'string' ? har : JSON.stringify(har));
  const items: TargetItem[] = [];
  for await (const item of harTarget(path, { maxBytes: 1 << 20 })) items.push(item);
  return { path, items };
}

test('reads Client, list and paginated responses; names entry and request; uses the entry time', async () => {
  const one = client(1);
  const { path, items } = await read({
    log: {
      entries: [
        entry('https://api.clerk.com/v1/clients/x?__clerk_db_jwt=abc', 200, one),
        entry('https://proxy.example/api/anything', 200, [one]),
        entry('https://proxy.example/list', 200, { data: [one], total_count: 1 }),
        entry(
          'https://api.clerk.com/v1/clients/y',
          200,
          Buffer.from(JSON.stringify(one)).toString('base64'),
          {
            encoding: 'base64',
          },
        ),
      ],
    },
  });
  const observedAt = Date.parse('2025-11-30T12:00:00.000Z');
  expect(items.map((item) => [item.kind, item.source, (item as { observedAt?: number }).observedAt])).toEqual(
    [
      [
        'document',
        `${path}#/log/entries/0 GET https://api.clerk.com/v1/clients/x?__clerk_db_jwt=***`,
        observedAt,
      ],
      ['document', `${path}#/log/entries/1 GET https://proxy.example/api/anything`, observedAt],
      ['document', `${path}#/log/entries/2 GET https://proxy.example/list`, observedAt],
      ['document', `${path}#/log/entries/3 GET https://api.clerk.com/v1/clients/y`, observedAt],
    ],
  );
});

test('skips and counts what is no Client response; a broken body on a Client path is an error', async () => {
  const { path, items } = await read({
    log: {
      entries: [
        entry('https://example.com/app.js', 200, 'console.log(1)'),
        entry('https://api.clerk.com/v1/users/u', 200, { object: 'user' }),
        entry('https://api.clerk.com/v1/clients/x', 404, { errors: [] }),
        entry('https://api.clerk.com/v1/clients/x', 200, '<html>'),
        entry('https://api.clerk.com/v1/clients/x', 200, { object: 'client_ish' }),
      ],
    },
  });
  expect(
    items.map((item) => [
      item.kind,
      (item as { reason?: string; message?: string }).reason ?? (item as { message?: string }).message,
    ]),
  ).toEqual([
    ['skipped', 'not a Clerk Client or Session response'],
    ['skipped', 'not a Clerk Client or Session response'],
    ['skipped', 'status 404'],
    ['error', 'response body: invalid JSON: invalid symbol at line 1, column 1'],
    ['document', undefined],
  ]);
  expect(items[3]?.source).toBe(`${path}#/log/entries/3 GET https://api.clerk.com/v1/clients/x`);
});

test('a file that is no HAR is one error naming it', async () => {
  const { path, items } = await read({ entries: [] });
  expect(items).toEqual([{ kind: 'error', source: path, message: 'not a HAR file: no log.entries array' }]);
});
