/** Hostile files and streams: FIFOs, symlinks, runaway lines, deep brackets, silent readers (issue 10). */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { openTarget } from '../../src/targets/index.js';
import { LineSplitter } from '../../src/targets/lines.js';
import { readCapped } from '../../src/targets/readCapped.js';
import type { TargetItem } from '../../src/targets/types.js';
import { captureIo } from '../cliIo.js';
import { client } from '../helpers.js';

const root = mkdtempSync(join(tmpdir(), 'clerk-conformance-hostile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const broken = JSON.stringify({ ...client(1), last_active_session_id: 'sess_2ohNloGlvbsE5jE9la8jNih1yka' });

async function items(spec: string, options = {}): Promise<TargetItem[]> {
  const found: TargetItem[] = [];
  for await (const item of openTarget(spec, { maxBytes: 1 << 20, timeoutMs: 2000, ...options }))
    found.push(item);
  return found;
}

describe('non-regular files are input errors naming the path, never a hang', () => {
  const dir = join(root, 'fifo');
  mkdirSync(dir);
  const fifo = join(dir, 'stuck.json');
  execFileSync('mkfifo', [fifo]);

  test('a FIFO given as a target', async () => {
    expect(await items(fifo)).toEqual([
      {
        kind: 'error',
        source: fifo,
        message: 'a FIFO: not read (give a regular file, a directory or - for stdin)',
      },
    ]);
  });

  test('a FIFO inside a directory is reported, not skipped', async () => {
    writeFileSync(join(dir, 'ok.json'), JSON.stringify(client(1)));
    const found = await items(dir);
    expect(found).toContainEqual(expect.objectContaining({ kind: 'error', source: fifo }));
    expect(found).toContainEqual(expect.objectContaining({ kind: 'document', source: join(dir, 'ok.json') }));
  });

  test('--timeout bounds every read: a stream that never sends is an error, not a hang', async () => {
    const silent = new PassThrough();
    await expect(readCapped(silent, 100, { timeoutMs: 20 })).rejects.toThrow(
      'no data within 20 ms (--timeout)',
    );
    expect(silent.destroyed).toBe(true);
  });
});

describe('symbolic links inside a directory are followed, never skipped silently', () => {
  const dir = join(root, 'links');
  const elsewhere = join(root, 'elsewhere');
  mkdirSync(join(dir, 'nested'), { recursive: true });
  mkdirSync(elsewhere);
  writeFileSync(join(elsewhere, 'broken-client.json'), broken);
  symlinkSync(join(elsewhere, 'broken-client.json'), join(dir, 'linked.json'));
  symlinkSync(join(root, 'missing.json'), join(dir, 'dangling.json'));
  // A loop back to the top: walked once, not forever.
  symlinkSync(dir, join(dir, 'nested', 'loop'));

  test('a broken Client behind a symlink fails the run', async () => {
    const io = captureIo();
    expect(await main(['check', dir], io)).toBe(2);
    expect(io.out()).toContain(`${join(dir, 'linked.json')}  /last_active_session_id`);
    expect(io.out()).toContain(
      `input error: ${join(dir, 'dangling.json')}: symbolic link to nothing readable`,
    );
  });
});

describe('NDJSON lines and JSON nesting never exhaust memory or the stack', () => {
  test('a runaway line is dropped as it streams, its neighbours still read', async () => {
    // 64 MiB without a newline, in chunks: the splitter must not need it whole.
    const splitter = new LineSplitter(1000);
    const lines = [...splitter.push(Buffer.from('{"a":1}\n'))];
    const runaway = Buffer.alloc(64 * 1024, 0x61);
    for (let i = 0; i < 1024; i++) lines.push(...splitter.push(runaway));
    lines.push(...splitter.push(Buffer.from('\n{"b":2}\n')), ...splitter.end());
    expect(lines).toEqual([
      { number: 1, text: '{"a":1}' },
      { number: 2, tooLong: true },
      { number: 3, text: '{"b":2}' },
    ]);
  });

  test('a line over --max-size in a file is an error naming its line number', async () => {
    const file = join(root, 'long.ndjson');
    writeFileSync(
      file,
      `${JSON.stringify(client(1))}\n${'x'.repeat(5000)}\n${JSON.stringify(client(1))}\r\n`,
    );
    const found = await items(file, { maxBytes: 4000 });
    expect(found.map((item) => item.kind)).toEqual(['document', 'error', 'document']);
    expect(found[1]).toMatchObject({
      source: file,
      line: 2,
      message: 'line larger than the size limit of 4000 bytes',
    });
  });

  test('5,000 unclosed brackets are invalid JSON with a place, not a stack overflow', async () => {
    const file = join(root, 'brackets.json');
    writeFileSync(file, '['.repeat(5000));
    const io = captureIo();
    expect(await main(['check', file], io)).toBe(2);
    expect(io.out()).toContain(
      `input error: ${file}: invalid JSON: nested deeper than 1000 levels at line 1, column 1001`,
    );
  });

  test('valid JSON nested 100,000 deep is read and judged', async () => {
    const file = join(root, 'deep.json');
    writeFileSync(file, `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    const io = captureIo();
    expect(await main(['check', file], io)).toBe(1);
    expect(io.out()).toContain('schema/type');
  });

  test('stdin is bounded by the size limit too', async () => {
    await expect(readCapped(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 1000)).rejects.toThrow(
      'larger than the size limit of 1000 bytes',
    );
  });
});

describe('files the user names for the run itself are never waited on', () => {
  test('a FIFO as --config or --baseline is a usage error naming it', async () => {
    const fifo = join(root, 'settings.json');
    execFileSync('mkfifo', [fifo]);
    for (const flag of ['--config', '--baseline']) {
      const io = captureIo();
      expect(await main(['check', flag, fifo, 'examples/valid'], io)).toBe(2);
      expect(io.err()).toContain(`${fifo}: a FIFO: not read`);
    }
  });
});
