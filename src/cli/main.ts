import { InvalidOptionError } from '../invalidOption.js';
import { checkCommand } from './checkCommand.js';
import { generateCommand } from './generateCommand.js';
import { type Io, processIo, UsageError } from './io.js';
import { serveCommand } from './serveCommand.js';
import { USAGE } from './usage.js';

export type { Io } from './io.js';

/**
 * Runs the CLI with `argv` (without `node` and the script) and returns the exit code. A long-running command
 * (`serve`) runs until `untilStopped` settles.
 */
export async function main(
  argv: readonly string[],
  io: Io = processIo,
  untilStopped: Promise<unknown> = new Promise(() => {}),
): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '-h' || command === '--help') {
      io.stdout(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === 'check') return await checkCommand(rest, io);
    if (command === 'serve') return await serveCommand(rest, io, untilStopped);
    if (command === 'generate') return await generateCommand(rest, io);
    throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  } catch (error) {
    // Bad option values surface as UsageError from the CLI and InvalidOptionError from the library; anything else
    // is a bug, and crashes loudly with its stack.
    if (error instanceof UsageError || error instanceof InvalidOptionError) {
      io.stderr(`clerk-conformance: ${error.message}\nRun 'clerk-conformance --help' for usage.\n`);
      return 2;
    }
    throw error;
  }
}
