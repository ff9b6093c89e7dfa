import { once } from 'node:events';
import { REFERENCE_SECRET_KEY, startReferenceServer } from '../server/referenceServer.js';
import { type Io, RunError } from './io.js';
import { MAX_SEED, parseFlags, wholeNumber } from './options.js';
import { SERVE_USAGE } from './usage.js';

const OPTIONS = {
  port: { type: 'string', default: '4010' },
  seed: { type: 'string', default: '1' },
  clients: { type: 'string', default: '20' },
  fault: { type: 'string' },
  now: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `clerk-conformance serve`: runs the reference server until `signal` aborts (SIGINT, SIGTERM). */
export async function serveCommand(args: string[], io: Io, signal: AbortSignal): Promise<number> {
  const { values } = parseFlags(args, OPTIONS, false);
  if (values.help) {
    io.stdout(SERVE_USAGE);
    return 0;
  }
  const secretKey = io.env.CLERK_SECRET_KEY;
  const port = wholeNumber(values.port, '--port', { max: 65_535 });
  const options = {
    port,
    seed: wholeNumber(values.seed, '--seed', { max: MAX_SEED }),
    clients: wholeNumber(values.clients, '--clients', { max: MAX_CLIENTS }),
    ...(values.fault === undefined ? {} : { fault: values.fault }),
    ...(values.now === undefined ? {} : { now: wholeNumber(values.now, '--now', { max: MAX_DATE_MS }) }),
    ...(secretKey ? { secretKey } : {}),
  };
  let server: Awaited<ReturnType<typeof startReferenceServer>>;
  try {
    server = await startReferenceServer(options);
  } catch (error) {
    throw new RunError(`cannot listen on 127.0.0.1:${port}: ${listenError(error)}`);
  }
  const key = secretKey ? '$CLERK_SECRET_KEY' : REFERENCE_SECRET_KEY;
  io.stderr(
    `Clerk reference server at ${server.url} (${values.clients} clients, seed ${values.seed}, fault: ${server.fault?.name ?? 'none'})\n` +
      `Try: curl -H "Authorization: Bearer ${key}" ${server.url}/v1/clients\nStop with Ctrl-C.\n`,
  );
  if (!signal.aborted) await once(signal, 'abort');
  await server.close();
  return 0;
}

/** The clients a server generates at most: seconds of start-up, not minutes. */
export const MAX_CLIENTS = 10_000;
/** The latest time `Date` can represent, in ms. */
const MAX_DATE_MS = 8_640_000_000_000_000;

function listenError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return 'the port is in use (choose another with --port, or 0 for any free port)';
  if (code === 'EACCES') return 'permission denied (ports below 1024 need privileges)';
  return (error as Error).message;
}
