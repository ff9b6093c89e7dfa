/** The options `check` and `proxy` share (how documents are judged, what is written at the end), declared once. */
import { constants } from 'node:buffer';
import { writeFile } from 'node:fs/promises';
import { type Baseline, baselineMatcher, baselineRecorder, parseBaseline } from '../check/baseline.js';
import type { RunOptions, RunResult, SourcedViolation } from '../check/runCheck.js';
import type { Shard } from '../check/shard.js';
import { SUBJECT_KIND_NAMES } from '../documents/subjectKinds.js';
import { OutputError, REPORT_FORMATS, writeReports } from '../report/writeReports.js';
import { resolveApiVersion } from '../schema/apiVersion.js';
import { readErrorMessage } from '../targets/readCapped.js';
import { readRegularFile } from '../targets/regularFile.js';
import { DEFAULT_MAX_BYTES } from '../targets/types.js';
import type { Io } from './io.js';
import { UsageError } from './io.js';
import { MAX_TIMER_MS, oneOf, ruleSetting, wholeNumber } from './options.js';

/** The flags of both commands (their help rows are `JUDGING_ROWS` and `OUTPUT_ROWS` in usage.ts). */
export const RUN_FLAGS = {
  config: { type: 'string' },
  profile: { type: 'string' },
  rule: { type: 'string', multiple: true },
  'fail-on': { type: 'string' },
  kind: { type: 'string' },
  'api-version': { type: 'string' },
  'allow-empty': { type: 'boolean' },
  'clock-skew': { type: 'string' },
  'max-size': { type: 'string' },
  format: { type: 'string' },
  report: { type: 'string' },
  'report-dir': { type: 'string' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
} as const;

/** Parsed values of the shared flags (each command's own flags besides). */
export type RunValues = {
  profile?: string;
  rule?: string[];
  'fail-on'?: string;
  kind?: string;
  'api-version'?: string;
  'allow-empty'?: boolean;
  'clock-skew'?: string;
  'max-size'?: string;
  format?: string;
  report?: string;
  'report-dir'?: string;
  baseline?: string;
  'write-baseline'?: string;
};

/** Flags win over the config file; repeatable flags add to its entries and win per rule id or header name. */
export function mergeConfig<V extends Record<string, unknown>>(
  fromConfig: Record<string, unknown>,
  fromFlags: V,
): V {
  const merged = { ...fromConfig, ...fromFlags } as Record<string, unknown>;
  for (const key of ['rule', 'header']) {
    const both = [
      ...((fromConfig[key] as string[] | undefined) ?? []),
      ...((fromFlags[key] as string[] | undefined) ?? []),
    ];
    if (both.length > 0) merged[key] = both;
  }
  return merged as V;
}

/** How documents are judged: profile, rules, failing severity, clock skew, kind, API version, empty runs. */
export function runOptionsOf(values: RunValues): RunOptions {
  // The version in effect on the date given: what URLs are asked for, so the answer and the schema agree.
  const apiVersion =
    values['api-version'] === undefined ? undefined : resolveApiVersion(values['api-version']);
  return {
    profile: oneOf(values.profile ?? 'default', ['default', 'strict'], '--profile'),
    failOn: oneOf(values['fail-on'] ?? 'error', ['error', 'warning'], '--fail-on'),
    rules: Object.fromEntries((values.rule ?? []).map(ruleSetting)),
    clockSkewMs: wholeNumber(values['clock-skew'] ?? '1000', '--clock-skew', { max: MAX_TIMER_MS }),
    ...(values.kind === undefined ? {} : { kind: oneOf(values.kind, SUBJECT_KIND_NAMES, '--kind') }),
    allowEmpty: values['allow-empty'] === true,
    ...(apiVersion === undefined ? {} : { apiVersion }),
  };
}

/** `--max-size`: a document is read into one string, no larger than the longest string the runtime can hold. */
export function maxBytesOf(values: RunValues): number {
  return wholeNumber(values['max-size'] ?? String(DEFAULT_MAX_BYTES), '--max-size', {
    min: 1,
    max: constants.MAX_STRING_LENGTH,
  });
}

/** The outputs of a run: reports, and a baseline to apply or write. */
export type RunOutputs = {
  /** The report on stdout. */
  format: 'text' | 'json';
  /** Marks known violations (`--baseline`) and records them all (`--write-baseline`), as the run finds them. */
  onViolation: (violation: SourcedViolation) => void;
  /** Sets the baseline's outcome (known, resolved) on a finished run, before its verdict is printed. */
  applyBaseline: (result: RunResult, shard?: Shard) => void;
  /** Writes the baseline and the reports after the verdict; returns the exit code, 2 when any could not be written. */
  finish: (result: RunResult, code: number, settings: Record<string, unknown>) => Promise<number>;
};

/**
 * Reads `--format`, `--report`, `--report-dir`, `--baseline` and `--write-baseline` (a bad value or baseline is a
 * UsageError).
 */
export async function runOutputsOf(values: RunValues, io: Io): Promise<RunOutputs> {
  const format = oneOf(values.format ?? 'text', ['text', 'json'], '--format');
  const reports = (values.report ?? '')
    .split(',')
    .filter((each) => each !== '')
    .map((each) => oneOf(each.trim(), REPORT_FORMATS, '--report'));
  const baselineFile = values.baseline;
  const writeBaselineFile = values['write-baseline'];
  const baseline =
    baselineFile === undefined
      ? undefined
      : await readBaseline(baselineFile, writeBaselineFile !== undefined, io);
  // The baseline is matched and recorded as violations are found, so both see the ones the run does not keep.
  const matcher = baseline === undefined ? undefined : baselineMatcher(baseline);
  const recorder = writeBaselineFile === undefined ? undefined : baselineRecorder();
  const reportDir = values['report-dir'] ?? 'reports';
  return {
    format,
    onViolation: (violation) => {
      matcher?.mark(violation);
      recorder?.add(violation);
    },
    applyBaseline: (result, shard) => {
      if (matcher !== undefined && baselineFile !== undefined)
        result.baseline = matcher.outcome(baselineFile, shard);
    },
    finish: async (result, exitCode, settings) => {
      let code = exitCode;
      // A report that cannot be written fails the run (exit 2) after the verdict, naming the path.
      const failedToWrite = (error: OutputError) => {
        io.stderr(`clerk-conformance: ${error.message}\n`);
        if (code < 2) code = 2;
      };
      if (recorder !== undefined && writeBaselineFile !== undefined) {
        const written = recorder.baseline();
        try {
          await writeFile(writeBaselineFile, `${JSON.stringify(written, null, 2)}\n`);
          io.stderr(
            `Wrote ${written.violations.length} violation(s) to the baseline ${writeBaselineFile}.\n`,
          );
        } catch (error) {
          failedToWrite(new OutputError('the baseline', writeBaselineFile, error));
        }
      }
      if (reports.length > 0) {
        const { written, failures } = await writeReports(
          result,
          reports,
          reportDir,
          { ...settings, ...(baselineFile === undefined ? {} : { baseline: baselineFile }) },
          io.env.GITHUB_STEP_SUMMARY,
        );
        if (written.length > 0) io.stderr(`Reports: ${written.join(', ')}\n`);
        failures.forEach(failedToWrite);
      }
      return code;
    },
  };
}

/** The baseline; a missing one is empty when this run writes it (`--write-baseline` creates the first one). */
async function readBaseline(path: string, writing: boolean, io: Io): Promise<Baseline | undefined> {
  let text: string;
  try {
    text = await readRegularFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new UsageError(`--baseline ${path}: ${readErrorMessage(error)}`);
    }
    if (writing) {
      io.stderr(`No baseline at ${path} yet: checking without one.\n`);
      return undefined;
    }
    throw new UsageError(
      `--baseline ${path}: no such file; create it with --write-baseline ${path} (it records today's violations)`,
    );
  }
  const baseline = parseBaseline(text);
  if (typeof baseline === 'string') throw new UsageError(`--baseline ${path}: ${baseline}`);
  return baseline;
}
