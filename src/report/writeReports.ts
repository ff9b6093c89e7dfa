import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResult } from '../check/runCheck.js';
import { htmlReport } from './htmlReport.js';
import { jsonReport } from './jsonReport.js';
import { junitReport } from './junitReport.js';
import { markdownReport } from './markdownReport.js';

export const REPORT_FORMATS = ['junit', 'json', 'html', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const ENDINGS: Record<ReportFormat, string> = {
  junit: '.junit.xml',
  json: '.json',
  html: '.html',
  markdown: '.md',
};

/** A report, baseline or summary that could not be written: the message names what and the path. */
export class OutputError extends Error {
  constructor(what: string, path: string, cause: unknown) {
    super(`cannot write ${what} ${path}: ${writeErrorMessage(cause)}`);
    this.name = 'OutputError';
  }
}

function writeErrorMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a file is in the way of its directory';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ENOENT') return 'no such directory';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission denied';
  if (code === 'ENOSPC') return 'no space left on the device';
  return (error as Error).message;
}

/**
 * Writes the chosen reports into `dir`: the paths written, and an {@link OutputError} for each that failed (the
 * others are still written). The Markdown summary is also appended to `$GITHUB_STEP_SUMMARY` when that variable is
 * set. `settings` (without secrets) go into the JSON and HTML reports.
 */
export function writeReports(
  result: RunResult,
  formats: readonly ReportFormat[],
  dir: string,
  settings: Record<string, unknown>,
  stepSummary?: string,
): Promise<{ written: string[]; failures: OutputError[] }> {
  const render: Record<ReportFormat, () => string> = {
    junit: () => junitReport(result, settings),
    json: () => jsonReport(result, settings),
    html: () => htmlReport(result, settings),
    markdown: () => markdownReport(result),
  };
  return writeRendered(render, 'clerk-conformance', formats, dir, stepSummary);
}

/**
 * Writes rendered reports as `<dir>/<stem>.<ending>` (the same for `check` and `stateful`, under their own stems),
 * and appends the Markdown one to the step summary when given.
 */
export async function writeRendered(
  render: Record<ReportFormat, () => string>,
  stem: string,
  formats: readonly ReportFormat[],
  dir: string,
  stepSummary?: string,
): Promise<{ written: string[]; failures: OutputError[] }> {
  const failures: OutputError[] = [];
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    failures.push(new OutputError('reports into', dir, error));
  }
  const written: string[] = [];
  for (const format of failures.length > 0 ? [] : formats) {
    const path = join(dir, `${stem}${ENDINGS[format]}`);
    try {
      await writeFile(path, render[format]());
      written.push(path);
    } catch (error) {
      failures.push(new OutputError(`the ${format} report`, path, error));
    }
  }
  if (stepSummary && formats.includes('markdown')) {
    try {
      await appendFile(stepSummary, render.markdown());
    } catch (error) {
      failures.push(new OutputError('the step summary $GITHUB_STEP_SUMMARY', stepSummary, error));
    }
  }
  return { written, failures };
}
