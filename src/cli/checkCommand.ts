import { constants } from 'node:buffer';
import { writeFile } from 'node:fs/promises';
import { type Baseline, baselineMatcher, baselineRecorder, parseBaseline } from '../check/baseline.js';
import { exitCodeOf, isOk, type RunOptions, runCheck } from '../check/runCheck.js';
import { parseShard } from '../check/shard.js';
import { SUBJECT_KIND_NAMES } from '../documents/subjectKinds.js';
import { jsonReportChunks } from '../report/jsonReport.js';
import { textReport } from '../report/textReport.js';
import { OutputError, REPORT_FORMATS, writeReports } from '../report/writeReports.js';
import { resolveApiVersion } from '../schema/apiVersion.js';
import { REFERENCE_SECRET_KEY, startReferenceServer } from '../server/referenceServer.js';
import { STATEFUL_FAULTS } from '../server/statefulFaults.js';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  openTarget,
  type ReadOptions,
  type TargetItem,
} from '../targets/index.js';
import { readErrorMessage } from '../targets/readCapped.js';
import { readRegularFile } from '../targets/regularFile.js';
import { redact } from '../targets/secrets.js';
import { firstUnsendable } from '../targets/urlTarget.js';
import { loadConfig } from './config.js';
import { type Io, signalExitCode, UsageError } from './io.js';
import { header, MAX_SEED, MAX_TIMER_MS, oneOf, parseFlags, ruleSetting, wholeNumber } from './options.js';
import { MAX_CLIENTS } from './serveCommand.js';
import { CHECK_USAGE, helpText } from './usage.js';

const OPTIONS = {
  config: { type: 'string' },
  profile: { type: 'string' },
  rule: { type: 'string', multiple: true },
  'fail-on': { type: 'string' },
  format: { type: 'string' },
  kind: { type: 'string' },
  'api-version': { type: 'string' },
  'allow-empty': { type: 'boolean' },
  'clock-skew': { type: 'string' },
  'max-size': { type: 'string' },
  header: { type: 'string', multiple: true },
  timeout: { type: 'string' },
  'all-pages': { type: 'boolean' },
  shard: { type: 'string' },
  embedded: { type: 'boolean' },
  fault: { type: 'string' },
  seed: { type: 'string' },
  clients: { type: 'string' },
  report: { type: 'string' },
  'report-dir': { type: 'string' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * `clerk-conformance check <target...>`: checks every Client of the targets and exits 0, 1 or 2. Options come
 * from the flags, then the config file, then the defaults.
 */
export async function checkCommand(args: string[], io: Io, signal: AbortSignal): Promise<number> {
  const flags = parseFlags(args, OPTIONS, true);
  if (flags.values.help) {
    io.stdout(helpText(CHECK_USAGE, io));
    return 0;
  }
  const config = await loadConfig(flags.values.config);
  const values = merge(config.values, flags.values);
  const positionals = flags.positionals.length > 0 ? flags.positionals : config.positionals;
  if (positionals.length === 0 && !values.embedded) {
    throw new UsageError(
      'check needs at least one target (a URL, a file, a directory, - for stdin) or --embedded',
    );
  }
  if (!values.embedded && (values.fault ?? values.seed ?? values.clients) !== undefined) {
    throw new UsageError('--fault, --seed and --clients configure the embedded server: add --embedded');
  }
  if (values.fault !== undefined && STATEFUL_FAULTS.some((fault) => fault.name === values.fault))
    throw new UsageError(
      `--fault ${values.fault} is a fault of the session lifecycle that no single document shows: run 'clerk-conformance stateful --embedded --fault ${values.fault}'`,
    );
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (typeof shard === 'string') throw new UsageError(shard);
  // The version in effect on the date given: what URLs are asked for, so the answer and the schema agree.
  const apiVersion =
    values['api-version'] === undefined ? undefined : resolveApiVersion(values['api-version']);
  const options: RunOptions = {
    profile: oneOf(values.profile ?? 'default', ['default', 'strict'], '--profile'),
    failOn: oneOf(values['fail-on'] ?? 'error', ['error', 'warning'], '--fail-on'),
    rules: Object.fromEntries((values.rule ?? []).map(ruleSetting)),
    clockSkewMs: wholeNumber(values['clock-skew'] ?? '1000', '--clock-skew', { max: MAX_TIMER_MS }),
    ...(values.kind === undefined ? {} : { kind: oneOf(values.kind, SUBJECT_KIND_NAMES, '--kind') }),
    allowEmpty: values['allow-empty'] === true,
    ...(apiVersion === undefined ? {} : { apiVersion }),
    ...(shard === undefined ? {} : { shard }),
  };
  const format = oneOf(values.format ?? 'text', ['text', 'json'], '--format');
  const reports = (values.report ?? '')
    .split(',')
    .filter((each) => each !== '')
    .map((each) => oneOf(each.trim(), REPORT_FORMATS, '--report'));
  const baseline =
    values.baseline === undefined
      ? undefined
      : await readBaseline(values.baseline, values['write-baseline'] !== undefined, io);
  const secretKey = io.env.CLERK_SECRET_KEY;
  const unsendable = secretKey ? firstUnsendable(secretKey) : undefined;
  if (unsendable !== undefined) {
    throw new UsageError(
      `CLERK_SECRET_KEY contains a character that cannot be sent in an HTTP header (${unsendable}): set it to the whole key as Clerk shows it, not a shortened or placeholder one`,
    );
  }
  const read: ReadOptions = {
    // A document is read into one string: no larger than the longest string the runtime can hold.
    maxBytes: wholeNumber(values['max-size'] ?? String(DEFAULT_MAX_BYTES), '--max-size', {
      min: 1,
      max: constants.MAX_STRING_LENGTH,
    }),
    timeoutMs: wholeNumber(values.timeout ?? String(DEFAULT_TIMEOUT_MS), '--timeout', {
      min: 1,
      max: MAX_TIMER_MS,
    }),
    headers: {
      // A live Backend API answers in the version asked for, so the documents match the schemas that judge them.
      ...(apiVersion === undefined ? {} : { 'Clerk-API-Version': apiVersion }),
      ...Object.fromEntries((values.header ?? []).map(header)),
    },
    allPages: values['all-pages'] === true,
    signal,
    ...(secretKey ? { secretKey } : {}),
  };

  const clients = wholeNumber(values.clients ?? '20', '--clients', { max: MAX_CLIENTS });
  const seed = wholeNumber(values.seed ?? '1', '--seed', { max: MAX_SEED });
  // A pinned clock: `serve --now` with the same settings answers the same bytes, for the reproduction lines.
  const now = Date.now();
  const server = values.embedded
    ? await startReferenceServer({
        seed,
        clients,
        now,
        ...(values.fault === undefined ? {} : { fault: values.fault }),
      })
    : undefined;
  try {
    // A URL's name (in reports and settings) never shows its credentials.
    const targets: Target[] = positionals.map((spec) => ({
      spec,
      name: /^https?:\/\//i.test(spec) ? redact(spec) : spec,
      options: read,
    }));
    if (server !== undefined) {
      const { name } = server.fault ?? { name: 'none' };
      io.stderr(
        `Started the embedded Clerk reference server at ${server.url} (${clients} clients, fault: ${name}); checking GET /v1/clients/{id} and GET /v1/sessions?client_id=… of each.\n`,
      );
      // The embedded server has its own key (the user's CLERK_SECRET_KEY is not sent to it), and its sources name it
      // `embedded` rather than its port, so baselines and reports stay the same from run to run.
      const reproduce = embeddedReproduction(server.url, { seed, clients, now, fault: values.fault });
      for (const path of server.readPaths()) {
        targets.push({
          spec: `${server.url}${path}`,
          name: 'embedded',
          options: { ...read, secretKey: server.secretKey, sourceOrigin: 'embedded', reproduce },
        });
      }
    }
    const progress = io.isTTY ? progressLine(io) : undefined;
    // The baseline is matched and recorded as violations are found, so both see the ones the run does not keep.
    const matcher = baseline === undefined ? undefined : baselineMatcher(baseline);
    const recorder = values['write-baseline'] === undefined ? undefined : baselineRecorder();
    const result = await runCheck(readAll(targets, signal), {
      ...options,
      ...(progress ? { onDocument: progress.update } : {}),
      onViolation: (violation) => {
        matcher?.mark(violation);
        recorder?.add(violation);
      },
    });
    progress?.done();
    if (!secretKey && result.errors.some((error) => /^HTTP 401\b/.test(error.message)))
      io.stderr(
        `Hint: a URL answered 401: set CLERK_SECRET_KEY. A server started with 'clerk-conformance serve' takes ${REFERENCE_SECRET_KEY} (it prints the whole check command).\n`,
      );
    if (signal.aborted) {
      // What was checked is reported, but an interrupted run has not passed.
      result.errors.push({
        kind: 'error',
        source: '(run)',
        message: `interrupted by ${String(signal.reason)}: not every document was read`,
      });
      result.errorCount += 1;
    }
    if (matcher !== undefined && values.baseline !== undefined)
      result.baseline = matcher.outcome(values.baseline, shard);
    result.ok = isOk(result);
    if (format === 'json') for (const chunk of jsonReportChunks(result)) io.stdout(chunk);
    else io.stdout(textReport(result, io.style?.stdout));
    let code: number = signal.aborted ? signalExitCode(signal) : exitCodeOf(result);
    // A report that cannot be written fails the run (exit 2) after the verdict, naming the path.
    const failedToWrite = (error: OutputError) => {
      io.stderr(`clerk-conformance: ${error.message}\n`);
      if (code < 2) code = 2;
    };
    if (recorder !== undefined && values['write-baseline'] !== undefined) {
      const written = recorder.baseline();
      const path = values['write-baseline'];
      try {
        await writeFile(path, `${JSON.stringify(written, null, 2)}\n`);
        io.stderr(`Wrote ${written.violations.length} violation(s) to the baseline ${path}.\n`);
      } catch (error) {
        failedToWrite(new OutputError('the baseline', path, error));
      }
    }
    if (reports.length > 0) {
      const settings = {
        ...options,
        targets: targets.map((target) => target.name),
        headers: Object.keys(read.headers ?? {}),
        secretKey: secretKey ? '$CLERK_SECRET_KEY' : undefined,
        allPages: read.allPages,
        timeoutMs: read.timeoutMs,
        maxBytes: read.maxBytes,
        ...(values.baseline === undefined ? {} : { baseline: values.baseline }),
      };
      const { written, failures } = await writeReports(
        result,
        reports,
        values['report-dir'] ?? 'reports',
        settings,
        io.env.GITHUB_STEP_SUMMARY,
      );
      if (written.length > 0) io.stderr(`Reports: ${written.join(', ')}\n`);
      failures.forEach(failedToWrite);
    }
    return code;
  } finally {
    await server?.close();
  }
}

type Values = ReturnType<typeof parseFlags<typeof OPTIONS>>['values'];

/** Flags win over the config file; repeatable flags add to its entries and win per rule id or header name. */
function merge(fromConfig: Record<string, unknown>, fromFlags: Values): Values {
  const merged = { ...fromConfig, ...fromFlags } as Values;
  for (const key of ['rule', 'header'] as const) {
    const both = [...((fromConfig[key] as string[] | undefined) ?? []), ...(fromFlags[key] ?? [])];
    if (both.length > 0) merged[key] = both;
  }
  return merged;
}

/** A target of the run: what to open, how, and the name reports give it. */
type Target = { spec: string; name: string; options: ReadOptions };

/** Every item of every target, until `signal` aborts: then reading stops (and open streams are closed). */
async function* readAll(targets: readonly Target[], signal: AbortSignal): AsyncGenerator<TargetItem> {
  for (const { spec, name, options } of targets) {
    for await (const item of openTarget(spec, options)) {
      if (signal.aborted) return;
      yield { ...item, target: name };
    }
  }
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

/**
 * The command that repeats a request to the embedded server after the run, when its port and key are gone: the
 * same server (seed, size, fault, pinned clock) answering the same request once (`serve --get`).
 */
function embeddedReproduction(
  origin: string,
  { seed, clients, now, fault }: { seed: number; clients: number; now: number; fault: string | undefined },
): (url: string) => string {
  const server = `--seed ${seed} --clients ${clients}${fault === undefined ? '' : ` --fault ${fault}`} --now ${now}`;
  return (url) => `npx clerk-conformance serve ${server} --get '${url.slice(origin.length)}'`;
}

/** "checked N documents" on one rewritten stderr line, at most ten times a second. */
function progressLine(io: Io): { update: (documents: number) => void; done: () => void } {
  let last = 0;
  let shown = false;
  return {
    update: (documents) => {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      shown = true;
      io.stderr(`\rchecked ${documents} document(s)…`);
    },
    done: () => {
      if (shown) io.stderr('\r\u001b[2K');
    },
  };
}
