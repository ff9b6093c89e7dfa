import { parseArgs } from 'node:util';
import { exitCodeOf, type RunOptions, runCheck } from '../check/runCheck.js';
import { parseShard } from '../check/shard.js';
import { jsonReport } from '../report/jsonReport.js';
import { textReport } from '../report/textReport.js';
import { startReferenceServer } from '../server/referenceServer.js';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  openTarget,
  type ReadOptions,
  type TargetItem,
} from '../targets/index.js';
import { type Io, UsageError } from './io.js';
import { header, oneOf, ruleSetting, wholeNumber } from './options.js';
import { CHECK_USAGE } from './usage.js';

const OPTIONS = {
  profile: { type: 'string', default: 'default' },
  rule: { type: 'string', multiple: true },
  'fail-on': { type: 'string', default: 'error' },
  format: { type: 'string', default: 'text' },
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
  help: { type: 'boolean', short: 'h' },
} as const;

/** `clerk-conformance check <target...>`: checks every Client of the targets and exits 0, 1 or 2. */
export async function checkCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args);
  if (values.help) {
    io.stdout(CHECK_USAGE);
    return 0;
  }
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
    profile: oneOf(values.profile, ['default', 'strict'], '--profile'),
    failOn: oneOf(values['fail-on'], ['error', 'warning'], '--fail-on'),
    rules: Object.fromEntries((values.rule ?? []).map(ruleSetting)),
    clockSkewMs: wholeNumber(values['clock-skew'] ?? '1000', '--clock-skew'),
    ...(shard === undefined ? {} : { shard }),
  };
  const format = oneOf(values.format, ['text', 'json'], '--format');
  const secretKey = io.env.CLERK_SECRET_KEY;
  const read: ReadOptions = {
    maxBytes: wholeNumber(values['max-size'] ?? String(DEFAULT_MAX_BYTES), '--max-size'),
    timeoutMs: wholeNumber(values.timeout ?? String(DEFAULT_TIMEOUT_MS), '--timeout'),
    headers: Object.fromEntries((values.header ?? []).map(header)),
    allPages: values['all-pages'] === true,
    ...(secretKey ? { secretKey } : {}),
  };

  const server = values.embedded
    ? await startReferenceServer({
        seed: wholeNumber(values.seed ?? '1', '--seed'),
        clients: wholeNumber(values.clients ?? '20', '--clients'),
        ...(values.fault === undefined ? {} : { fault: values.fault }),
      })
    : undefined;
  try {
    const targets: Array<[string, ReadOptions]> = positionals.map((spec) => [spec, read]);
    if (server !== undefined) {
      const { name } = server.fault ?? { name: 'none' };
      io.stderr(
        `Started the embedded Clerk reference server at ${server.url} (${server.store.list(Date.now()).length} clients, fault: ${name}); checking GET /v1/clients, every page.\n`,
      );
      // The embedded server has its own key: the user's CLERK_SECRET_KEY is not sent to it.
      targets.push([
        `${server.url}/v1/clients?paginated=true`,
        { ...read, secretKey: server.secretKey, allPages: true },
      ]);
    }
    const result = await runCheck(readAll(targets), options);
    io.stdout(format === 'json' ? jsonReport(result) : textReport(result));
    return exitCodeOf(result);
  } finally {
    await server?.close();
  }
}

function parse(args: string[]) {
  try {
    return parseArgs({ args, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function* readAll(targets: ReadonlyArray<[string, ReadOptions]>): AsyncGenerator<TargetItem> {
  for (const [spec, options] of targets) yield* openTarget(spec, options);
}
