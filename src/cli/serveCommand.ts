import { REFERENCE_SECRET_KEY, startReferenceServer } from '../server/referenceServer.js';
import type { Io } from './io.js';
import { parseFlags, wholeNumber } from './options.js';
import { helpText, SERVE_USAGE } from './usage.js';

const OPTIONS = {
  port: { type: 'string', default: '4010' },
  seed: { type: 'string', default: '1' },
  clients: { type: 'string', default: '20' },
  fault: { type: 'string' },
  now: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `clerk-conformance serve`: runs the reference server until interrupted. */
export async function serveCommand(args: string[], io: Io, untilStopped: Promise<unknown>): Promise<number> {
  const { values } = parseFlags(args, OPTIONS, false);
  if (values.help) {
    io.stdout(helpText(SERVE_USAGE, io));
    return 0;
  }
  const secretKey = io.env.CLERK_SECRET_KEY;
  const server = await startReferenceServer({
    port: wholeNumber(values.port, '--port'),
    seed: wholeNumber(values.seed, '--seed'),
    clients: wholeNumber(values.clients, '--clients'),
    ...(values.fault === undefined ? {} : { fault: values.fault }),
    ...(values.now === undefined ? {} : { now: wholeNumber(values.now, '--now') }),
    ...(secretKey ? { secretKey } : {}),
  });
  const key = secretKey ? '$CLERK_SECRET_KEY' : REFERENCE_SECRET_KEY;
  // The exact commands that read it, with the key it takes: a check without the key would get 401.
  const env = secretKey ? '' : `CLERK_SECRET_KEY=${REFERENCE_SECRET_KEY} `;
  io.stderr(
    `Clerk reference server at ${server.url} (${values.clients} clients, seed ${values.seed}, fault: ${server.fault?.name ?? 'none'})\n` +
      `Check it: ${env}npx clerk-conformance check --all-pages '${server.url}/v1/clients?paginated=true'\n` +
      `Or fetch: curl -H "Authorization: Bearer ${key}" ${server.url}/v1/clients\nStop with Ctrl-C.\n`,
  );
  await untilStopped;
  await server.close();
  return 0;
}
