/** A bug is exit 2, never exit 1: every failure of the CLI maps to 2 with one clear line (issue 10). */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../cliIo.js';

const dir = mkdtempSync(join(tmpdir(), 'clerk-conformance-hostile-exit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const aFile = join(dir, 'a-file');
writeFileSync(aFile, 'not a directory');

async function run(argv: string[], env: Record<string, string> = {}) {
  const io = captureIo(env);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('outputs that cannot be written: exit 2 after the verdict, naming the path', () => {
  test('--report-dir pointing at a file', async () => {
    const { code, out, err } = await run([
      'check',
      '--report',
      'json',
      '--report-dir',
      aFile,
      'examples/valid',
    ]);
    expect(code).toBe(2);
    expect(out).toMatch(/^conformant: /);
    expect(err).toBe(
      `clerk-conformance: cannot write reports into ${aFile}: a file is in the way of its directory\n`,
    );
  });

  test('an unwritable --write-baseline path', async () => {
    const path = join(aFile, 'baseline.json');
    const { code, out, err } = await run(['check', '--write-baseline', path, 'examples/valid']);
    expect(code).toBe(2);
    expect(out).toMatch(/^conformant: /);
    expect(err).toContain(`cannot write the baseline ${path}: a file is in the way of its directory`);
  });

  test('an unwritable $GITHUB_STEP_SUMMARY, while the reports themselves are written', async () => {
    const summary = join(aFile, 'summary.md');
    const reports = join(dir, 'reports');
    const { code, err } = await run(
      ['check', '--report', 'markdown', '--report-dir', reports, 'examples/valid'],
      {
        GITHUB_STEP_SUMMARY: summary,
      },
    );
    expect(code).toBe(2);
    expect(err).toContain(`Reports: ${join(reports, 'clerk-conformance.md')}`);
    expect(err).toContain(`cannot write the step summary $GITHUB_STEP_SUMMARY ${summary}`);
  });

  test.runIf(process.getuid?.() !== 0)('a read-only report directory', async () => {
    const readOnly = join(dir, 'read-only');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o500);
    const { code, err } = await run([
      'check',
      '--report',
      'html',
      '--report-dir',
      readOnly,
      'examples/broken',
    ]);
    expect(code).toBe(2);
    expect(err).toContain(
      `cannot write the html report ${join(readOnly, 'clerk-conformance.html')}: permission denied`,
    );
  });

  test('generate --out into a file that is in the way', async () => {
    const out = join(aFile, 'clients.ndjson');
    const { code, err } = await run(['generate', '--count', '1', '--out', out]);
    expect(code).toBe(2);
    expect(err).toBe(
      `clerk-conformance: cannot write the fixtures ${out}: a file is in the way of its directory\n`,
    );
  });

  test('violations and a failed write: still exit 2, never 1', async () => {
    const { code } = await run(['check', '--report', 'json', '--report-dir', aFile, 'examples/broken']);
    expect(code).toBe(2);
  });
});

describe('serve', () => {
  test('--port 99999 is a usage error', async () => {
    const { code, err } = await run(['serve', '--port', '99999']);
    expect(code).toBe(2);
    expect(err).toContain('--port must be from 0 to 65535, got "99999"');
  });

  test('a port in use is a clear error', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const { code, err } = await run(['serve', '--port', String(port)]);
      expect(code).toBe(2);
      expect(err).toBe(
        `clerk-conformance: cannot listen on 127.0.0.1:${port}: the port is in use (choose another with --port, or 0 for any free port)\n`,
      );
    } finally {
      blocker.close();
    }
  });
});

describe('numeric options are checked against real ranges', () => {
  test.each([
    [['check', '--timeout', '3000000000', 'x'], '--timeout must be from 1 to 2147483647, got "3000000000"'],
    [['check', '--timeout', '0', 'x'], '--timeout must be from 1 to 2147483647'],
    [['check', '--max-size', '0', 'x'], '--max-size must be from 1 to'],
    [['check', '--max-size', '99999999999', 'x'], '--max-size must be from 1 to'],
    [['check', '--clock-skew', '99999999999999999999', 'x'], '--clock-skew must be from 0 to'],
    [['check', '--embedded', '--clients', '100001'], '--clients must be from 0 to 10000'],
    [['generate', '--count', '1', '--seed', '4294967296'], '--seed must be from 0 to 2147483647'],
  ])('%j', async (argv, message) => {
    const { code, err } = await run(argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  test('the config file goes through the same ranges', async () => {
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ timeout: 3_000_000_000, targets: ['examples/valid'] }));
    const { code, err } = await run(['check', '--config', config]);
    expect(code).toBe(2);
    expect(err).toContain('--timeout must be from 1 to 2147483647');
  });
});

describe('an unexpected exception', () => {
  test('is exit 2 with one line naming it, secrets redacted, the stack only with DEBUG', async () => {
    const io = captureIo();
    io.stdout = () => {
      throw new Error('stdout closed at https://user:pw-in-error@example.com/?token=abc-tok');
    };
    expect(await main(['check', 'examples/valid'], io)).toBe(2);
    expect(io.err()).toBe(
      'clerk-conformance: internal error in check: Error: stdout closed at https://***@example.com/?token=***; this is a bug, please report it (set DEBUG=1 to see the stack)\n',
    );
    const debug = captureIo({ DEBUG: '1' });
    debug.stdout = io.stdout;
    expect(await main(['check', 'examples/valid'], debug)).toBe(2);
    expect(debug.err()).toContain('\n    at ');
    expect(debug.err()).not.toContain('pw-in-error');
  });
});
