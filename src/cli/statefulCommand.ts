import { type ReplayInfo, statefulJson, statefulTextReport } from '../report/statefulReport.js';
import { REPORT_FORMATS } from '../report/writeReports.js';
import { writeStatefulReports } from '../report/writeStatefulReports.js';
import { REFERENCE_SECRET_KEY, startReferenceServer } from '../server/referenceServer.js';
import { SESSION_MODES } from '../server/referenceStore.js';
import { runStateful, STATEFUL_DEFAULTS, type StatefulResult } from '../stateful/runStateful.js';
import { redact } from '../targets/secrets.js';
import { firstUnsendable } from '../targets/urlTarget.js';
import { type Io, signalExitCode, UsageError } from './io.js';
import { header, MAX_SEED, MAX_TIMER_MS, oneOf, parseFlags, wholeNumber } from './options.js';
import { helpText, STATEFUL_USAGE } from './usage.js';

const OPTIONS = {
  embedded: { type: 'boolean' },
  fault: { type: 'string' },
  'session-mode': { type: 'string' },
  runs: { type: 'string' },
  'max-steps': { type: 'string' },
  seed: { type: 'string' },
  path: { type: 'string' },
  'replay-path': { type: 'string' },
  'max-requests': { type: 'string' },
  timeout: { type: 'string' },
  'user-id': { type: 'string', multiple: true },
  header: { type: 'string', multiple: true },
  format: { type: 'string' },
  report: { type: 'string' },
  'report-dir': { type: 'string' },
  'allow-production': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * `clerk-conformance stateful <api-base-url>` (or `--embedded`): model-based runs of the session lifecycle. Exit 0
 * when every property held, 1 when one failed (with the shrunk sequence), 2 for usage or target errors.
 */
export async function statefulCommand(args: string[], io: Io, signal: AbortSignal): Promise<number> {
  const { values, positionals } = parseFlags(args, OPTIONS, true);
  if (values.help) {
    io.stdout(helpText(STATEFUL_USAGE, io));
    return 0;
  }
  if ((values.embedded === true) === positionals.length > 0 || positionals.length > 1)
    throw new UsageError('stateful takes one API base URL (like https://api.clerk.com) or --embedded');
  if (!values.embedded && (values.fault ?? values['session-mode']) !== undefined)
    throw new UsageError('--fault and --session-mode configure the embedded server: add --embedded');
  const base = positionals[0];
  if (base !== undefined && !/^https?:\/\/[^/]/i.test(base))
    throw new UsageError(
      `stateful takes an http(s) base URL such as https://api.clerk.com, got ${JSON.stringify(redact(base))}`,
    );
  const sessionMode = oneOf(values['session-mode'] ?? 'multi', SESSION_MODES, '--session-mode');
  const format = oneOf(values.format ?? 'text', ['text', 'json'], '--format');
  const reports = (values.report ?? '')
    .split(',')
    .filter((each) => each !== '')
    .map((each) => oneOf(each.trim(), REPORT_FORMATS, '--report'));
  const runs = wholeNumber(values.runs ?? String(STATEFUL_DEFAULTS.runs), '--runs', { min: 1, max: 100_000 });
  const maxSteps = wholeNumber(values['max-steps'] ?? String(STATEFUL_DEFAULTS.maxSteps), '--max-steps', {
    min: 1,
    max: 1000,
  });
  const maxRequests = wholeNumber(
    values['max-requests'] ?? String(STATEFUL_DEFAULTS.maxRequests),
    '--max-requests',
    { min: 1 },
  );
  const timeoutMs = wholeNumber(values.timeout ?? String(STATEFUL_DEFAULTS.timeoutMs), '--timeout', {
    min: 1,
    max: MAX_TIMER_MS,
  });
  const seed = values.seed === undefined ? undefined : wholeNumber(values.seed, '--seed', { max: MAX_SEED });
  if (values.path !== undefined && !/^\d+(:\d+)*$/.test(values.path))
    throw new UsageError(`--path takes fast-check's path such as 12:0:3, got ${JSON.stringify(values.path)}`);
  if ((values.path !== undefined || values['replay-path'] !== undefined) && seed === undefined)
    throw new UsageError('--path and --replay-path replay a failure: add the --seed it printed');
  const headers = Object.fromEntries((values.header ?? []).map(header));
  const userIds = values['user-id'] ?? [];
  const badUser = userIds.find((id) => !/^user_[A-Za-z0-9]+$/.test(id));
  if (badUser !== undefined)
    throw new UsageError(`--user-id takes a user id such as user_2nTb…, got ${JSON.stringify(badUser)}`);

  const secretKey = values.embedded ? undefined : io.env.CLERK_SECRET_KEY;
  if (!values.embedded) {
    const unsendable = secretKey ? firstUnsendable(secretKey) : undefined;
    if (unsendable !== undefined)
      throw new UsageError(
        `CLERK_SECRET_KEY contains a character that cannot be sent in an HTTP header (${unsendable})`,
      );
    if (secretKey?.startsWith('sk_live_') && !values['allow-production'])
      throw new UsageError(
        'CLERK_SECRET_KEY is a production key (sk_live_): production instances refuse POST /v1/sessions, and a stateful run creates and deletes users; use a development instance, or pass --allow-production',
      );
  }
  const server = values.embedded
    ? await startReferenceServer({
        clients: 2,
        sessionMode,
        ...(values.fault === undefined ? {} : { fault: values.fault }),
      })
    : undefined;
  try {
    const baseUrl = server?.url ?? (base as string).replace(/\/+$/, '');
    const shape = `${runs === STATEFUL_DEFAULTS.runs ? '' : ` --runs ${runs}`} --max-steps ${maxSteps}`;
    const target = values.embedded
      ? `--embedded${values.fault === undefined ? '' : ` --fault ${values.fault}`} --session-mode ${sessionMode}`
      : `'${redact(baseUrl)}'${userIds.map((id) => ` --user-id ${id}`).join('')}`;
    const replay: ReplayInfo = {
      command: `npx clerk-conformance stateful ${target}${shape}`,
      baseUrl: redact(baseUrl),
      headerNames: Object.keys(headers),
    };
    if (server !== undefined)
      io.stderr(
        `Started the embedded Clerk reference server at ${server.url} (${sessionMode}-session mode, fault: ${server.fault?.name ?? 'none'}).\n`,
      );
    const result = await runStateful({
      baseUrl,
      secretKey: server?.secretKey ?? secretKey ?? '',
      headers,
      runs,
      maxSteps,
      maxRequests,
      timeoutMs,
      signal,
      ...(seed === undefined ? {} : { seed }),
      ...(values.path === undefined ? {} : { path: values.path }),
      ...(values['replay-path'] === undefined ? {} : { replayPath: values['replay-path'] }),
      ...(userIds.length === 0 ? {} : { userIds }),
    });
    if (format === 'json') io.stdout(`${JSON.stringify(statefulJson(result))}\n`);
    else io.stdout(statefulTextReport(result, replay, io.style?.stdout));
    if (
      !secretKey &&
      !values.embedded &&
      result.error?.kind === 'target' &&
      / 401/.test(result.error.message)
    )
      io.stderr(
        `Hint: set CLERK_SECRET_KEY. A server started with 'clerk-conformance serve' takes ${REFERENCE_SECRET_KEY}.\n`,
      );
    let code = signal.aborted ? signalExitCode(signal) : exitCode(result);
    if (reports.length > 0) {
      const { written, failures } = await writeStatefulReports(
        result,
        replay,
        reports,
        values['report-dir'] ?? 'reports',
        io.env.GITHUB_STEP_SUMMARY,
      );
      if (written.length > 0) io.stderr(`Reports: ${written.join(', ')}\n`);
      for (const failure of failures) {
        io.stderr(`clerk-conformance: ${failure.message}\n`);
        if (code < 2) code = 2;
      }
    }
    return code;
  } finally {
    await server?.close();
  }
}

/** 1 for a failed property (it wins: a failure found before the run stopped is still a failure), 2 for a stop. */
function exitCode(result: StatefulResult): number {
  if (result.failure !== null) return 1;
  if (result.error !== undefined || !result.ok) return 2;
  return 0;
}
