import { expect, test } from 'vitest';
import { markdownReport } from '../../src/report/markdownReport.js';
import { brokenExamplesResult, hostileResult } from './fixtures.js';

test('summarises the verdict, the counts per rule and the first failing violations', async () => {
  const markdown = markdownReport(await brokenExamplesResult());
  expect(markdown).toMatch(
    /^## ❌ Clerk Client conformance\n\nnot conformant: 8 documents, 8 clients checked, 14 errors and 0 warnings in 8 rules\n/,
  );
  expect(markdown).toContain('| `timestamps-in-milliseconds` | error | 7 | 7 |');
  expect(markdown).toContain('**First failing violations** (10 of 14):');
  expect(markdown).toContain(
    '- `last-active-session-listed` `examples/broken/dangling-last-active-session.json` `/last_active_session_id`: must be the id of one of sessions',
  );
});

test('target text cannot inject Markdown or HTML: it stays in code spans or is escaped', async () => {
  const markdown = markdownReport(await hostileResult());
  const outsideCode = markdown.replace(/`[^`\n]*`/g, '');
  expect(outsideCode).not.toMatch(/(^|[^\\])</);
  expect(markdown).toContain('\\<script\\>window.pwned=1');
});
