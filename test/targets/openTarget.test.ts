import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import * as exported from '../../src/index.js';
import { DEFAULT_MAX_BYTES, openTarget, type TargetItem } from '../../src/targets/index.js';
import { tempDir } from '../tempDir.js';

async function collect(spec: string, maxBytes = DEFAULT_MAX_BYTES): Promise<TargetItem[]> {
  const items: TargetItem[] = [];
  for await (const item of openTarget(spec, { maxBytes })) items.push(item);
  return items;
}

function tree(files: Record<string, string>): string {
  const root = tempDir('clerk-conformance');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('openTarget', () => {
  test('names a line of an NDJSON file by file and line, through the package exports', async () => {
    const root = tree({ 'log.ndjson': '{"n":1}\n{"n": tru}\n' });
    const items: TargetItem[] = [];
    for await (const item of exported.openTarget(join(root, 'log.ndjson'), { maxBytes: DEFAULT_MAX_BYTES }))
      items.push(item);
    expect(items.map((item) => [item.kind, exported.itemSource(item).slice(root.length)])).toEqual([
      ['document', '/log.ndjson:1'],
      ['error', '/log.ndjson:2'],
    ]);
    // Any other document is named by its source alone.
    expect(exported.itemSource({ source: 'list.json' })).toBe('list.json');
  });

  test('reads a directory recursively, in sorted order, .json files only', async () => {
    const root = tree({ 'b.json': '{"n":2}', 'a/c.json': '{"n":1}', 'notes.txt': 'x', 'z/d.json': '[]' });
    const items = await collect(root);
    expect(items.map((item) => [item.source.slice(root.length), item.kind])).toEqual([
      ['/a/c.json', 'document'],
      ['/b.json', 'document'],
      ['/z/d.json', 'document'],
    ]);
  });

  test('a bad file is an error item and the other files are still read', async () => {
    const root = tree({ 'a.json': '{"n":1', 'b.json': '{"n":2}' });
    const items = await collect(root);
    expect(items).toEqual([
      {
        kind: 'error',
        source: join(root, 'a.json'),
        message: 'invalid JSON: close brace expected at line 1, column 7',
      },
      { kind: 'document', source: join(root, 'b.json'), value: { n: 2 } },
    ]);
  });

  test('a missing path, an empty directory and a file over the size limit are errors naming the path', async () => {
    const root = tree({ 'big.json': `[${'0,'.repeat(100)}0]`, 'empty/.keep': '' });
    expect(await collect(join(root, 'nope.json'))).toEqual([
      { kind: 'error', source: join(root, 'nope.json'), message: 'no such file or directory' },
    ]);
    expect(await collect(join(root, 'empty'))).toEqual([
      {
        kind: 'error',
        source: join(root, 'empty'),
        message: 'no .json, .ndjson, .har files in this directory',
      },
    ]);
    expect(await collect(join(root, 'big.json'), 100)).toEqual([
      {
        kind: 'error',
        source: join(root, 'big.json'),
        message: 'larger than the size limit of 100 bytes (raise it with --max-size)',
      },
    ]);
  });

  test('an unreadable path (a symlink loop, unreadable even for root) is an error naming it', async () => {
    const root = tree({});
    symlinkSync(join(root, 'loop.json'), join(root, 'loop.json'));
    expect(await collect(join(root, 'loop.json'))).toMatchObject([
      {
        kind: 'error',
        source: join(root, 'loop.json'),
        message: 'too many levels of symbolic links',
      },
    ]);
  });

  test.runIf(process.getuid?.() !== 0)('an unreadable file is an error naming it', async () => {
    const root = tree({ 'secret.json': '{}' });
    chmodSync(join(root, 'secret.json'), 0o000);
    expect(await collect(join(root, 'secret.json'))).toMatchObject([
      { kind: 'error', message: 'permission denied' },
    ]);
  });
});
