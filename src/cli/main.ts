import { InvalidOptionError } from '../invalidOption.js';
import { plain } from '../report/style.js';
import { TOOL_VERSION } from '../version.js';
import { checkCommand } from './checkCommand.js';
import { generateCommand } from './generateCommand.js';
import { type Io, processIo, UsageError } from './io.js';
import { serveCommand } from './serveCommand.js';
import { didYouMean } from './suggest.js';
import { COMMAND_USAGE, helpText, USAGE } from './usage.js';

export type { Io } from './io.js';

const COMMANDS = Object.keys(COMMAND_USAGE) as Array<keyof typeof COMMAND_USAGE>;

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
      io.stdout(helpText(USAGE, io));
      return command === undefined ? 2 : 0;
    }
    if (command === '--version') {
      io.stdout(`${TOOL_VERSION}\n`);
      return 0;
    }
    if (command === 'help') return help(rest, io);
    if (command === 'check') return await checkCommand(rest, io);
    if (command === 'serve') return await serveCommand(rest, io, untilStopped);
    if (command === 'generate') return await generateCommand(rest, io);
    throw new UsageError(
      command.startsWith('-')
        ? `unknown option ${command}${didYouMean(command, ['--help', '--version'])}`
        : `unknown command ${JSON.stringify(command)}${didYouMean(command, [...COMMANDS, 'help'])}`,
    );
  } catch (error) {
    // Bad option values surface as UsageError from the CLI and InvalidOptionError from the library; anything else
    // is a bug, and crashes loudly with its stack.
    if (error instanceof UsageError || error instanceof InvalidOptionError) {
      const style = io.style?.stderr ?? plain;
      const command = (COMMANDS as string[]).includes(argv[0] ?? '') ? ` help ${argv[0]}` : ' --help';
      io.stderr(
        `${style(['bold', 'red'], 'clerk-conformance:')} ${error.message}\nRun 'clerk-conformance${command}' for usage.\n`,
      );
      return 2;
    }
    throw error;
  }
}

/** `help [command]`: the general help, or one command's. */
function help([command, ...extra]: string[], io: Io): number {
  if (command === undefined) {
    io.stdout(helpText(USAGE, io));
    return 0;
  }
  if (!(COMMANDS as string[]).includes(command) || extra.length > 0) {
    throw new UsageError(
      `help takes one of ${COMMANDS.join(', ')}, got ${JSON.stringify([command, ...extra].join(' '))}${didYouMean(command, COMMANDS)}`,
    );
  }
  io.stdout(helpText(COMMAND_USAGE[command as keyof typeof COMMAND_USAGE], io));
  return 0;
}
