#!/usr/bin/env node
import { processIo } from './io.js';
import { failed, main } from './main.js';

// SIGINT and SIGTERM abort the command: `check` reports what it checked and exits 130 or 143, `serve` stops. A
// second signal exits at once.
const interrupt = new AbortController();
for (const name of ['SIGINT', 'SIGTERM'] as const) {
  process.on(name, () => {
    if (interrupt.signal.aborted) process.exit(name === 'SIGTERM' ? 143 : 130);
    interrupt.abort(name);
  });
}
// A bug anywhere, even in a callback, is exit 2 with a message: never exit 1, which means "violations found".
const crash = (error: unknown) => process.exit(failed(error, process.argv[2], processIo));
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);
// A reader that closes stdout early (`| head -1`) chose to: io.ts stops writing to it; any other stdout error is a
// crash above (exit 2).

const code = await main(process.argv.slice(2), processIo, interrupt.signal);
// An interrupted read (a stalled socket or pipe) must not hold the process open after the reports are written.
if (interrupt.signal.aborted) process.exit(code);
process.exitCode = code;
