import { exitCodeOf, isOk, type RunOptions, startRun } from '../check/runCheck.js';
import { parseShard } from '../check/shard.js';
import { jsonReportChunks } from '../report/jsonReport.js';
import { textReport } from '../report/textReport.js';
import { REFERENCE_SECRET_KEY, startReferenceServer } from '../server/referenceServer.js';
import { STATEFUL_FAULTS } from '../server/statefulFaults.js';
import {
  DEFAULT_TIMEOUT_MS,
  openTargetBatches,
  type ReadOptions,
  type TargetItem,
} from '../targets/index.js';
import { redact } from '../targets/secrets.js';
import { firstUnsendable } from '../targets/urlTarget.js';
import { loadConfig } from './config.js';
import { type Io, signalExitCode, UsageError } from './io.js';
import { header, MAX_SEED, MAX_TIMER_MS, parseFlags, wholeNumber } from './options.js';
import { maxBytesOf, mergeConfig, RUN_FLAGS, runOptionsOf, runOutputsOf } from './runSettings.js';
import { MAX_CLIENTS } from './serveCommand.js';
import { CHECK_USAGE, helpText } from './usage.js';

const OPTIONS = {
  ...RUN_FLAGS,
  header: { type: 'string', multiple: true },
  timeout: { type: 'string' },
  'all-pages': { type: 'boolean' },
  shard: { type: 'string' },
  embedded: { type: 'boolean' },
  fault: { type: 'string' },
  seed: { type: 'string' },
  clients: { type: 'string' },
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
  const values = mergeConfig(config.values, flags.values);
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
  const options: RunOptions = { ...runOptionsOf(values), ...(shard === undefined ? {} : { shard }) };
  const { apiVersion } = options;
  const outputs = await runOutputsOf(values, io);
  const secretKey = io.env.CLERK_SECRET_KEY;
  const unsendable = secretKey ? firstUnsendable(secretKey) : undefined;
  if (unsendable !== undefined) {
    throw new UsageError(
      `CLERK_SECRET_KEY contains a character that cannot be sent in an HTTP header (${unsendable}): set it to the whole key as Clerk shows it, not a shortened or placeholder one`,
    );
  }
  const read: ReadOptions = {
    maxBytes: maxBytesOf(values),
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
    const run = startRun({
      ...options,
      ...(progress ? { onDocument: progress.update } : {}),
      onViolation: outputs.onViolation,
    });
    await readAll(targets, signal, run.add);
    const result = run.finish();
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
    outputs.applyBaseline(result, shard);
    result.ok = isOk(result);
    if (outputs.format === 'json') for (const chunk of jsonReportChunks(result)) io.stdout(chunk);
    else io.stdout(textReport(result, io.style?.stdout));
    return await outputs.finish(result, signal.aborted ? signalExitCode(signal) : exitCodeOf(result), {
      ...options,
      targets: targets.map((target) => target.name),
      headers: Object.keys(read.headers ?? {}),
      secretKey: secretKey ? '$CLERK_SECRET_KEY' : undefined,
      allPages: read.allPages,
      timeoutMs: read.timeoutMs,
      maxBytes: read.maxBytes,
    });
  } finally {
    await server?.close();
  }
}

/** A target of the run: what to open, how, and the name reports give it. */
type Target = { spec: string; name: string; options: ReadOptions };

/**
 * Feeds every item of every target to the run, until `signal` aborts: then reading stops (and open streams are
 * closed). Items go straight from the target to the run, a batch at a time, so a line of a large NDJSON file costs
 * no extra copy and no await.
 */
async function readAll(
  targets: readonly Target[],
  signal: AbortSignal,
  add: (item: TargetItem) => unknown,
): Promise<void> {
  for (const { spec, name, options } of targets) {
    for await (const batch of openTargetBatches(spec, options)) {
      if (signal.aborted) return;
      for (const item of batch) {
        item.target = name;
        add(item);
      }
    }
  }
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
