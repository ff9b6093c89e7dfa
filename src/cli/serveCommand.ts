import { once } from 'node:events';
import { REFERENCE_SECRET_KEY, startReferenceServer } from '../server/referenceServer.js';
import { SESSION_MODES } from '../server/referenceStore.js';
import { type Io, RunError, UsageError } from './io.js';
import { MAX_SEED, oneOf, parseFlags, wholeNumber } from './options.js';
import { helpText, SERVE_USAGE } from './usage.js';

const OPTIONS = {
  port: { type: 'string', default: '4010' },
  seed: { type: 'string', default: '1' },
  clients: { type: 'string', default: '20' },
  fault: { type: 'string' },
  'session-mode': { type: 'string' },
  now: { type: 'string' },
  get: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * `clerk-conformance serve`: runs the reference server until `signal` aborts (SIGINT, SIGTERM), or with
 * `--get <path>` answers that one request (with its own key), prints the body and exits: how `check --embedded`
 * reproduces a failing page.
 */
export async function serveCommand(args: string[], io: Io, signal: AbortSignal): Promise<number> {
  const { values } = parseFlags(args, OPTIONS, false);
  if (values.help) {
    io.stdout(helpText(SERVE_USAGE, io));
    return 0;
  }
  const secretKey = io.env.CLERK_SECRET_KEY;
  if (values.get !== undefined && !values.get.startsWith('/'))
    throw new UsageError(`--get takes a path such as /v1/clients, got ${JSON.stringify(values.get)}`);
  const port = values.get === undefined ? wholeNumber(values.port, '--port', { max: 65_535 }) : 0;
  const options = {
    port,
    seed: wholeNumber(values.seed, '--seed', { max: MAX_SEED }),
    clients: wholeNumber(values.clients, '--clients', { max: MAX_CLIENTS }),
    ...(values.fault === undefined ? {} : { fault: values.fault }),
    sessionMode: oneOf(values['session-mode'] ?? 'single', SESSION_MODES, '--session-mode'),
    ...(values.now === undefined ? {} : { now: wholeNumber(values.now, '--now', { max: MAX_DATE_MS }) }),
    ...(secretKey ? { secretKey } : {}),
  };
  let server: Awaited<ReturnType<typeof startReferenceServer>>;
  try {
    server = await startReferenceServer(options);
  } catch (error) {
    throw new RunError(`cannot listen on 127.0.0.1:${port}: ${listenError(error)}`);
  }
  if (values.get !== undefined) {
    try {
      const response = await fetch(`${server.url}${values.get}`, {
        headers: { authorization: `Bearer ${server.secretKey}` },
      });
      io.stdout(`${await response.text()}\n`);
      return response.status === 200 ? 0 : 2;
    } finally {
      await server.close();
    }
  }
  const key = secretKey ? '$CLERK_SECRET_KEY' : REFERENCE_SECRET_KEY;
  // The exact commands that read it, with the key it takes: a check without the key would get 401.
  const env = secretKey ? '' : `CLERK_SECRET_KEY=${REFERENCE_SECRET_KEY} `;
  io.stderr(
    `Clerk reference server at ${server.url} (${values.clients} clients, seed ${values.seed}, fault: ${server.fault?.name ?? 'none'})\n` +
      `Check it: ${env}npx clerk-conformance check --all-pages '${server.url}/v1/clients?paginated=true'\n` +
      `Or fetch: curl -H "Authorization: Bearer ${key}" ${server.url}/v1/clients\nStop with Ctrl-C.\n`,
  );
  if (!signal.aborted) await once(signal, 'abort');
  await server.close();
  return 0;
}

/** The clients a server generates at most: seconds of start-up, not minutes. */
export const MAX_CLIENTS = 10_000;
/** The latest time `Date` can represent, in ms. */
const MAX_DATE_MS = 8_640_000_000_000_000;

/** Why a server cannot listen, in words (a port in use, a privileged port). */
export function listenError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return 'the port is in use (choose another with --port, or 0 for any free port)';
  if (code === 'EACCES') return 'permission denied (ports below 1024 need privileges)';
  return (error as Error).message;
}
