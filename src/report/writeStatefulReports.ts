import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StatefulResult } from '../stateful/runStateful.js';
import {
  type ReplayInfo,
  statefulHtml,
  statefulJson,
  statefulJunit,
  statefulMarkdown,
} from './statefulReport.js';
import { OutputError, type ReportFormat } from './writeReports.js';

const FILES: Record<ReportFormat, string> = {
  junit: 'clerk-conformance-stateful.junit.xml',
  json: 'clerk-conformance-stateful.json',
  html: 'clerk-conformance-stateful.html',
  markdown: 'clerk-conformance-stateful.md',
};

/** Writes the reports of a stateful run into `dir` (as `check` does, under their own file names). */
export async function writeStatefulReports(
  result: StatefulResult,
  replay: ReplayInfo,
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
  const render: Record<ReportFormat, () => string> = {
    junit: () => statefulJunit(result, replay),
    json: () => `${JSON.stringify(statefulJson(result), null, 2)}\n`,
    html: () => statefulHtml(result, replay),
    markdown: () => statefulMarkdown(result, replay),
  };
  const written: string[] = [];
  for (const format of failures.length > 0 ? [] : formats) {
    const path = join(dir, FILES[format]);
    try {
      await writeFile(path, render[format]());
      written.push(path);
    } catch (error) {
      failures.push(new OutputError(`the ${format} report`, path, error));
    }
  }
  if (stepSummary && formats.includes('markdown')) {
    try {
      await appendFile(stepSummary, statefulMarkdown(result, replay));
    } catch (error) {
      failures.push(new OutputError('the step summary $GITHUB_STEP_SUMMARY', stepSummary, error));
    }
  }
  return { written, failures };
}
