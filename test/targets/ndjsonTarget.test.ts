import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, vi } from 'vitest';
import { ndjsonTarget } from '../../src/targets/ndjsonTarget.js';
import type { TargetItem } from '../../src/targets/types.js';
import { tempDir } from '../tempDir.js';

async function read(text: string, maxBytes = 1 << 20): Promise<{ path: string; items: TargetItem[] }> {
  const path = join(tempDir('ndjson'), 'log.ndjson');
  writeFileSync(path, text);
  const items: TargetItem[] = [];
  for await (const batch of ndjsonTarget(path, { maxBytes })) items.push(...batch);
  return { path, items };
}

test('yields one document per line, with the file and its line number; blank lines are skipped', async () => {
  const { path, items } = await read('{"n":1}\n\n{"n":2}\r\n[{"n":3}]\n');
  expect(items).toEqual([
    { kind: 'document', source: path, line: 1, value: { n: 1 } },
    { kind: 'document', source: path, line: 3, value: { n: 2 } },
    { kind: 'document', source: path, line: 4, value: [{ n: 3 }] },
  ]);
});

test('a bad line is an error with its line and column, and the other lines are still read', async () => {
  const { path, items } = await read('{"n":1}\n{"n": tru}\n{"n":3}');
  expect(items).toEqual([
    { kind: 'document', source: path, line: 1, value: { n: 1 } },
    { kind: 'error', source: path, line: 2, message: 'invalid JSON: invalid symbol at column 7' },
    { kind: 'document', source: path, line: 3, value: { n: 3 } },
  ]);
});

test('a line over the size limit is refused by line number', async () => {
  const { path, items } = await read(`{"n":1}\n{"pad":"${'x'.repeat(200)}"}\n`, 100);
  expect(items[1]).toEqual({
    kind: 'error',
    source: path,
    line: 2,
    message: 'line larger than the size limit of 100 bytes',
  });
});

test('a missing file is one error naming it', async () => {
  const items: TargetItem[] = [];
  for await (const batch of ndjsonTarget('/nonexistent/log.ndjson', { maxBytes: 100 })) items.push(...batch);
  expect(items).toEqual([
    { kind: 'error', source: '/nonexistent/log.ndjson', message: 'no such file or directory' },
  ]);
});

test('whitespace around a document is no error; a line of spaces (or a lone BOM) is blank; a BOM starts a document', async () => {
  const { path, items } = await read('  {"n":1} \n \t \n\uFEFF{"n":2}\n\uFEFF\n');
  expect(items).toEqual([
    { kind: 'document', source: path, line: 1, value: { n: 1 } },
    { kind: 'document', source: path, line: 3, value: { n: 2 } },
  ]);
});

test('a consumer that stops early closes the file', async () => {
  const path = join(tempDir('ndjson'), 'many.ndjson');
  writeFileSync(path, '{"n":1}\n'.repeat(100_000));
  const lines = ndjsonTarget(path, { maxBytes: 100 });
  for await (const batch of lines) {
    expect([...batch][0]?.kind).toBe('document');
    break;
  }
  expect(await lines.next()).toEqual({ done: true, value: undefined });
});

test('the lines of one chunk read come as one batch, so a line costs no await of its own', async () => {
  const path = join(tempDir('ndjson'), 'batch.ndjson');
  writeFileSync(path, '{"n":1}\n'.repeat(1000));
  const sizes: number[] = [];
  for await (const batch of ndjsonTarget(path, { maxBytes: 100 })) sizes.push([...batch].length);
  // One read of 8,000 bytes, then the end of the file (no unfinished line: an empty batch).
  expect(sizes).toEqual([1000, 0]);
});

test('a line of a batch is parsed when its turn comes, so one parsed document is alive at a time', async () => {
  const path = join(tempDir('ndjson'), 'lazy.ndjson');
  writeFileSync(path, '{"n":1}\n'.repeat(1000));
  const parse = vi.spyOn(JSON, 'parse');
  try {
    for await (const batch of ndjsonTarget(path, { maxBytes: 100 })) {
      const items = batch[Symbol.iterator]();
      parse.mockClear();
      expect(items.next().value).toMatchObject({ kind: 'document', value: { n: 1 } });
      expect(parse).toHaveBeenCalledTimes(1);
      break;
    }
  } finally {
    parse.mockRestore();
  }
});
