import type { StatefulResult } from '../stateful/runStateful.js';
import {
  type ReplayInfo,
  statefulHtml,
  statefulJson,
  statefulJunit,
  statefulMarkdown,
} from './statefulReport.js';
import { type OutputError, type ReportFormat, writeRendered } from './writeReports.js';

/** Writes the reports of a stateful run into `dir` (as `check` does, under their own file names). */
export function writeStatefulReports(
  result: StatefulResult,
  replay: ReplayInfo,
  formats: readonly ReportFormat[],
  dir: string,
  stepSummary?: string,
): Promise<{ written: string[]; failures: OutputError[] }> {
  const render: Record<ReportFormat, () => string> = {
    junit: () => statefulJunit(result, replay),
    json: () => `${JSON.stringify(statefulJson(result), null, 2)}\n`,
    html: () => statefulHtml(result, replay),
    markdown: () => statefulMarkdown(result, replay),
  };
  return writeRendered(render, 'clerk-conformance-stateful', formats, dir, stepSummary);
}
