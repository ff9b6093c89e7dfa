import { readFile, writeFile } from 'node:fs/promises';
import { applyBaseline, type Baseline, baselineOf, parseBaseline } from '../check/baseline.js';
import { exitCodeOf, type RunOptions, runCheck } from '../check/runCheck.js';
import { parseShard } from '../check/shard.js';
import { jsonReport } from '../report/jsonReport.js';
import { textReport } from '../report/textReport.js';
import { REPORT_FORMATS, writeReports } from '../report/writeReports.js';
import { REFERENCE_SECRET_KEY, startReferenceServer } from '../server/referenceServer.js';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  openTarget,
  type ReadOptions,
  type TargetItem,
} from '../targets/index.js';
import { readErrorMessage } from '../targets/readCapped.js';
import { firstUnsendable } from '../targets/urlTarget.js';
import { loadConfig } from './config.js';
import { type Io, UsageError } from './io.js';
import { header, oneOf, parseFlags, ruleSetting, wholeNumber } from './options.js';
import { CHECK_USAGE, helpText } from './usage.js';

const OPTIONS = {
  config: { type: 'string' },
  profile: { type: 'string' },
  rule: { type: 'string', multiple: true },
  'fail-on': { type: 'string' },
  format: { type: 'string' },
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
export async function checkCommand(args: string[], io: Io): Promise<number> {
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
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (typeof shard === 'string') throw new UsageError(shard);
  const options: RunOptions = {
    profile: oneOf(values.profile ?? 'default', ['default', 'strict'], '--profile'),
    failOn: oneOf(values['fail-on'] ?? 'error', ['error', 'warning'], '--fail-on'),
    rules: Object.fromEntries((values.rule ?? []).map(ruleSetting)),
    clockSkewMs: wholeNumber(values['clock-skew'] ?? '1000', '--clock-skew'),
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
    maxBytes: wholeNumber(values['max-size'] ?? String(DEFAULT_MAX_BYTES), '--max-size'),
    timeoutMs: wholeNumber(values.timeout ?? String(DEFAULT_TIMEOUT_MS), '--timeout'),
    headers: Object.fromEntries((values.header ?? []).map(header)),
    allPages: values['all-pages'] === true,
    ...(secretKey ? { secretKey } : {}),
  };

  const clients = wholeNumber(values.clients ?? '20', '--clients');
  const seed = wholeNumber(values.seed ?? '1', '--seed');
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
    const targets: Target[] = positionals.map((spec) => ({ spec, name: spec, options: read }));
    if (server !== undefined) {
      const { name } = server.fault ?? { name: 'none' };
      io.stderr(
        `Started the embedded Clerk reference server at ${server.url} (${clients} clients, fault: ${name}); checking GET /v1/clients, every page.\n`,
      );
      // The embedded server has its own key (the user's CLERK_SECRET_KEY is not sent to it), and its sources name it
      // `embedded` rather than its port, so baselines and reports stay the same from run to run.
      targets.push({
        spec: `${server.url}/v1/clients?paginated=true`,
        name: 'embedded',
        options: {
          ...read,
          secretKey: server.secretKey,
          allPages: true,
          sourceOrigin: 'embedded',
          reproduce: embeddedReproduction(server.url, { seed, clients, now, fault: values.fault }),
        },
      });
    }
    const progress = io.isTTY ? progressLine(io) : undefined;
    const result = await runCheck(readAll(targets), {
      ...options,
      ...(progress ? { onDocument: progress.update } : {}),
    });
    progress?.done();
    if (!secretKey && result.errors.some((error) => /^HTTP 401\b/.test(error.message)))
      io.stderr(
        `Hint: a URL answered 401: set CLERK_SECRET_KEY. A server started with 'clerk-conformance serve' takes ${REFERENCE_SECRET_KEY} (it prints the whole check command).\n`,
      );
    if (baseline !== undefined && values.baseline !== undefined)
      applyBaseline(result, baseline, values.baseline, shard);
    io.stdout(format === 'json' ? jsonReport(result) : textReport(result, io.style?.stdout));
    if (values['write-baseline'] !== undefined) {
      const written = baselineOf(result);
      await writeFile(values['write-baseline'], `${JSON.stringify(written, null, 2)}\n`);
      io.stderr(
        `Wrote ${written.violations.length} violation(s) to the baseline ${values['write-baseline']}.\n`,
      );
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
      const written = await writeReports(
        result,
        reports,
        values['report-dir'] ?? 'reports',
        settings,
        io.env.GITHUB_STEP_SUMMARY,
      );
      io.stderr(`Reports: ${written.join(', ')}\n`);
    }
    return exitCodeOf(result);
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

async function* readAll(targets: readonly Target[]): AsyncGenerator<TargetItem> {
  for (const { spec, name, options } of targets) {
    for await (const item of openTarget(spec, options)) yield { ...item, target: name };
  }
}

/** The baseline; a missing one is empty when this run writes it (`--write-baseline` creates the first one). */
async function readBaseline(path: string, writing: boolean, io: Io): Promise<Baseline | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
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
