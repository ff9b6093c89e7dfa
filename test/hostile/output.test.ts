/** Output under hostile volume and text: bounded memory with exact counts, and no injection (issue 10). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, test } from 'vitest';
import { runCheck } from '../../src/check/runCheck.js';
import { main } from '../../src/cli/main.js';
import { jsonReport, jsonReportChunks } from '../../src/report/jsonReport.js';
import { textReport } from '../../src/report/textReport.js';
import type { TargetItem } from '../../src/targets/types.js';
import { captureIo } from '../cliIo.js';
import { client } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'clerk-conformance-hostile-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `count` Clients, each missing `sign_up_id` and with a dangling last active session: two violations each. */
async function* brokenDocuments(count: number): AsyncGenerator<TargetItem> {
  const { sign_up_id: _, ...missing } = client(1);
  const value = { ...missing, last_active_session_id: 'sess_2ohNloGlvbsE5jE9la8jNih1yka' };
  for (let index = 0; index < count; index++)
    yield { kind: 'document', source: `log.ndjson:${index + 1}`, value, target: 'log.ndjson' };
  for (let index = 0; index < count; index++)
    yield { kind: 'error', source: `bad.ndjson:${index + 1}`, message: 'invalid JSON', target: 'bad.ndjson' };
}

describe('memory stays bounded however many violations a run finds; counts stay exact', () => {
  test('violations kept per rule and input errors are capped, the tally is exact', async () => {
    const result = await runCheck(brokenDocuments(2000), { maxKeptPerRule: 25, maxKeptErrors: 10 });
    expect(result.violations).toHaveLength(50);
    expect(result.tally['schema/required']).toEqual({ severity: 'error', total: 2000, known: 0, kept: 25 });
    expect(result.tally['last-active-session-listed']).toMatchObject({ total: 2000, kept: 25 });
    expect(result.errors).toHaveLength(10);
    expect(result.errorCount).toBe(2000);
    expect(result.ok).toBe(false);

    const text = textReport(result);
    expect(text).toContain('schema/required (error): 2000 violations (the first 25 shown)');
    expect(text).toContain('… and 1990 more input errors (not kept)');
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      'not conformant: 2000 documents, 2000 clients checked, 4000 errors and 0 warnings in 2 rules; 2000 input errors',
    );
    const json = JSON.parse(jsonReport(result));
    expect(json.truncated).toEqual({
      violations: [
        { rule: 'schema/required', total: 2000, kept: 25 },
        { rule: 'last-active-session-listed', total: 2000, kept: 25 },
      ],
      errors: { total: 2000, kept: 10 },
    });
  });

  test('the CLI keeps 1000 per rule by default and says so in every report; a baseline still matches them all', async () => {
    // One Client whose 1100 sessions each name another Client: 1100 violations of one rule.
    const many = client(1100);
    for (const session of many.sessions) session.client_id = 'client_2ohNlcOlgJnTTrwVGRopVe0NrO4';
    const file = join(dir, 'many.json');
    writeFileSync(file, JSON.stringify(many));
    const baseline = join(dir, 'baseline.json');
    const reports = join(dir, 'reports');
    const first = captureIo();
    expect(await main(['check', '--write-baseline', baseline, '--format', 'json', file], first)).toBe(1);
    expect(JSON.parse(first.out()).truncated).toEqual({
      violations: [{ rule: 'session-client-id-matches', total: 1100, kept: 1000 }],
    });
    expect(JSON.parse(readFileSync(baseline, 'utf8')).violations).toHaveLength(1100);

    const again = captureIo();
    const argv = [
      'check',
      '--baseline',
      baseline,
      '--report',
      'html,junit,markdown,json',
      '--report-dir',
      reports,
      file,
    ];
    expect(await main(argv, again)).toBe(0);
    expect(again.out()).toContain(
      'session-client-id-matches (error): 1100 violations (the first 1000 shown)',
    );
    expect(again.out()).toContain('1100 known from the baseline');
    const html = readFileSync(join(reports, 'clerk-conformance.html'), 'utf8');
    expect(html).toContain('the run kept the first 1000');
    const junit = readFileSync(join(reports, 'clerk-conformance.junit.xml'), 'utf8');
    expect(XMLValidator.validate(junit)).toBe(true);
    expect(readFileSync(join(reports, 'clerk-conformance.md'), 'utf8')).toContain(
      '| `session-client-id-matches` | error | 1100 | 0 |',
    );
  });

  test('the JSON report is streamed in pieces, byte for byte the indented JSON', async () => {
    const result = await runCheck(brokenDocuments(30));
    const chunks = [...jsonReportChunks(result, { profile: 'default' })];
    expect(chunks.length).toBeGreaterThan(60);
    const report = JSON.parse(chunks.join(''));
    expect(chunks.join('')).toBe(`${JSON.stringify(report, null, 2)}\n`);
  });
});

describe('target text cannot inject terminal escapes or CI log commands into the text report', () => {
  test('file names and keys with ANSI escapes, newlines and ::error:: stay on their line, escaped', async () => {
    const name = join(dir, 'evil\n::error::pwned\u001b[31m.json');
    const value = { ...client(1), '\n::warning::key\u001b]0;title\u0007': 1 };
    writeFileSync(name, JSON.stringify(value));
    const io = captureIo();
    expect(await main(['check', '--profile', 'strict', name], io)).toBe(1);
    const lines = io.out().split('\n');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting there are none.
    expect(io.out()).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    for (const line of lines) expect(line.trimStart()).not.toMatch(/^(::|##\[)/);
    expect(io.out()).toContain('evil\\n::error::pwned\\x1b[31m.json');
    expect(io.out()).toContain('/\\n::warning::key\\x1b]0;title\\x07');
  });

  test('input errors and baseline entries are escaped too', async () => {
    const name = join(dir, 'bad\r::error::x.json');
    writeFileSync(name, '{');
    const io = captureIo();
    expect(await main(['check', name], io)).toBe(2);
    expect(io.out()).toContain(`input error: ${join(dir, 'bad')}\\r::error::x.json: invalid JSON`);
  });
});
