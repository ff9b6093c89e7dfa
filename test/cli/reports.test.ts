import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../cliIo.js';
import { tempDir } from '../tempDir.js';

const temp = () => tempDir('reports');

test('--report junit,json,html,markdown writes the four reports in --report-dir, settings without secrets', async () => {
  const dir = temp();
  const summary = join(dir, 'step-summary.md');
  writeFileSync(summary, '# earlier step\n');
  const io = captureIo({ CLERK_SECRET_KEY: 'sk_live_hidden', GITHUB_STEP_SUMMARY: summary });
  const code = await main(
    [
      'check',
      '--report',
      'junit,json,html,markdown',
      '--report-dir',
      dir,
      '--header',
      'X-Api-Key: k3y',
      'examples/broken',
    ],
    io,
  );
  expect(code).toBe(1);
  for (const file of [
    'clerk-conformance.junit.xml',
    'clerk-conformance.json',
    'clerk-conformance.html',
    'clerk-conformance.md',
  ]) {
    expect(existsSync(join(dir, file))).toBe(true);
  }
  expect(io.err()).toContain(`Reports: ${join(dir, 'clerk-conformance.junit.xml')}, `);
  const json = JSON.parse(readFileSync(join(dir, 'clerk-conformance.json'), 'utf8'));
  expect(json).toMatchObject({ ok: false, documents: 8, clients: 8 });
  expect(json.settings).toMatchObject({
    profile: 'default',
    targets: ['examples/broken'],
    headers: ['X-Api-Key'],
    secretKey: '$CLERK_SECRET_KEY',
  });
  const everything = ['json', 'html', 'md', 'junit.xml']
    .map((ext) => readFileSync(join(dir, `clerk-conformance.${ext}`), 'utf8'))
    .join('');
  expect(everything).not.toMatch(/sk_live_hidden|k3y/);
  expect(readFileSync(summary, 'utf8')).toMatch(/^# earlier step\n## ❌ Clerk Client conformance/);
});

test('--report refuses an unknown format', async () => {
  const io = captureIo();
  expect(await main(['check', '--report', 'pdf', 'examples/valid'], io)).toBe(2);
  expect(io.err()).toContain('--report must be one of junit, json, html, markdown, got "pdf"');
});

test('a baseline accepts today’s violations, fails only on new ones, and lists the ones that disappeared', async () => {
  const dir = temp();
  const baseline = join(dir, 'baseline.json');
  const first = captureIo();
  expect(await main(['check', '--write-baseline', baseline, 'examples/broken'], first)).toBe(1);
  expect(first.err()).toContain(`Wrote 14 violation(s) to the baseline ${baseline}.`);
  const written = JSON.parse(readFileSync(baseline, 'utf8'));
  expect(written.violations[0]).toEqual({
    rule: 'last-active-session-listed',
    source: 'examples/broken/dangling-last-active-session.json',
    path: '/last_active_session_id',
  });

  const same = captureIo();
  expect(await main(['check', '--baseline', baseline, 'examples/broken'], same)).toBe(0);
  expect(same.out()).toContain(`Baseline ${baseline}: 14 known violations [known] no longer fail the run.`);
  expect(same.out().trimEnd().split('\n').at(-1)).toBe(
    'conformant: 8 documents, 8 clients checked, 14 errors and 0 warnings in 8 rules; 14 known from the baseline',
  );

  // Fewer documents: their entries are reported as resolved. More rules broken: they fail.
  const tightened = captureIo();
  expect(
    await main(['check', '--baseline', baseline, 'examples/broken/missing-sign-up-id.json'], tightened),
  ).toBe(0);
  expect(tightened.out()).toContain('13 baseline entries resolved: remove them to tighten the baseline:');
  writeFileSync(baseline, JSON.stringify({ version: 1, violations: written.violations.slice(1) }));
  const regressed = captureIo();
  expect(await main(['check', '--baseline', baseline, 'examples/broken'], regressed)).toBe(1);
  expect(regressed.out()).toMatch(/not conformant: .*13 known from the baseline/);
});

test('a bad baseline file is a usage error naming it', async () => {
  const path = join(temp(), 'baseline.json');
  writeFileSync(path, '{"violations": 3}');
  const io = captureIo();
  expect(await main(['check', '--baseline', path, 'examples/valid'], io)).toBe(2);
  expect(io.err()).toContain(`--baseline ${path}: not a baseline: expected { "version": 1,`);
});

test('progress shows on a terminal and stays out of CI logs', async () => {
  const terminal = { ...captureIo(), isTTY: true };
  let shown = '';
  terminal.stderr = (text) => {
    shown += text;
  };
  await main(['check', 'examples/valid'], terminal);
  expect(shown).toMatch(/\rchecked \d+ document\(s\)…/);
  const log = captureIo();
  await main(['check', 'examples/valid'], log);
  expect(log.err()).toBe('');
});

test('reports are written without a secret key in the environment too (regression: undefined settings)', async () => {
  const dir = temp();
  const io = captureIo();
  expect(await main(['check', '--report', 'html,json', '--report-dir', dir, 'examples/valid'], io)).toBe(0);
  expect(readFileSync(join(dir, 'clerk-conformance.html'), 'utf8')).toContain(
    '<p class="verdict pass" id="verdict">✓ Conformant</p>',
  );
});

test('the config example works before a baseline exists: --write-baseline creates it; alone, a hint says how', async () => {
  const dir = temp();
  const baseline = join(dir, 'conformance-baseline.json');
  const config = join(dir, 'clerk-conformance.config.json');
  writeFileSync(config, JSON.stringify({ targets: ['examples/broken'], baseline }));
  const missing = captureIo();
  expect(await main(['check', '--config', config], missing)).toBe(2);
  expect(missing.err()).toContain(
    `--baseline ${baseline}: no such file; create it with --write-baseline ${baseline}`,
  );
  const first = captureIo();
  expect(await main(['check', '--config', config, '--write-baseline', baseline], first)).toBe(1);
  expect(first.err()).toContain(`No baseline at ${baseline} yet: checking without one.`);
  expect(first.err()).toContain(`Wrote 14 violation(s) to the baseline ${baseline}.`);
  expect(await main(['check', '--config', config], captureIo())).toBe(0);
});
