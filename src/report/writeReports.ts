import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResult } from '../check/runCheck.js';
import { htmlReport } from './htmlReport.js';
import { jsonReport } from './jsonReport.js';
import { junitReport } from './junitReport.js';
import { markdownReport } from './markdownReport.js';

export const REPORT_FORMATS = ['junit', 'json', 'html', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const FILES: Record<ReportFormat, string> = {
  junit: 'clerk-conformance.junit.xml',
  json: 'clerk-conformance.json',
  html: 'clerk-conformance.html',
  markdown: 'clerk-conformance.md',
};

/**
 * Writes the chosen reports into `dir` and returns their paths. The Markdown summary is also appended to
 * `$GITHUB_STEP_SUMMARY` when that variable is set. `settings` (without secrets) go into the JSON and HTML reports.
 */
export async function writeReports(
  result: RunResult,
  formats: readonly ReportFormat[],
  dir: string,
  settings: Record<string, unknown>,
  stepSummary?: string,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const render: Record<ReportFormat, () => string> = {
    junit: () => junitReport(result, settings),
    json: () => jsonReport(result, settings),
    html: () => htmlReport(result, settings),
    markdown: () => markdownReport(result),
  };
  const paths: string[] = [];
  for (const format of formats) {
    const path = join(dir, FILES[format]);
    await writeFile(path, render[format]());
    paths.push(path);
  }
  if (stepSummary && formats.includes('markdown')) await appendFile(stepSummary, markdownReport(result));
  return paths;
}
