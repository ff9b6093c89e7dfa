import { InvalidOptionError } from '../invalidOption.js';
import { lineSafe } from '../report/lineSafe.js';
import { plain } from '../report/style.js';
import { redact } from '../targets/secrets.js';
import { TOOL_VERSION } from '../version.js';
import { checkCommand } from './checkCommand.js';
import { generateCommand } from './generateCommand.js';
import { type Io, processIo, RunError, UsageError } from './io.js';
import { proxyCommand } from './proxyCommand.js';
import { serveCommand } from './serveCommand.js';
import { statefulCommand } from './statefulCommand.js';
import { didYouMean } from './suggest.js';
import { COMMAND_USAGE, helpText, USAGE } from './usage.js';

export type { Io } from './io.js';

const COMMANDS = Object.keys(COMMAND_USAGE) as Array<keyof typeof COMMAND_USAGE>;

/**
 * Runs the CLI with `argv` (without `node` and the script) and returns the exit code. `signal` aborts with
 * `'SIGINT'` or `'SIGTERM'`: `check` then stops reading, reports what it checked and returns 130 or 143; `proxy`
 * reports and returns 0, 1 or 2; `serve` (which runs until then) stops.
 */
export async function main(
  argv: readonly string[],
  io: Io = processIo,
  signal: AbortSignal = new AbortController().signal,
): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help') {
      io.stdout(helpText(USAGE, io));
      return command === undefined ? 2 : 0;
    }
    if (command === '--version') {
      io.stdout(`${TOOL_VERSION}\n`);
      return 0;
    }
    if (command === 'help') return help(rest, io);
    if (command === 'check') return await checkCommand(rest, io, signal);
    if (command === 'proxy') return await proxyCommand(rest, io, signal);
    if (command === 'serve') return await serveCommand(rest, io, signal);
    if (command === 'generate') return await generateCommand(rest, io, signal);
    if (command === 'stateful') return await statefulCommand(rest, io, signal);
    throw new UsageError(
      command.startsWith('-')
        ? `unknown option ${command}${didYouMean(command, ['--help', '--version'])}`
        : `unknown command ${JSON.stringify(command)}${didYouMean(command, [...COMMANDS, 'help'])}`,
    );
  } catch (error) {
    return failed(error, command, io);
  }
}

/**
 * Every failure is exit 2 with one line naming it (exit 1 means violations and nothing else): a bad command line
 * points to help, a run error says what failed, and anything else is a bug, its stack shown only with DEBUG set.
 */
export function failed(error: unknown, command: string | undefined, io: Io): 2 {
  const message = lineSafe(redact(error instanceof Error ? error.message : String(error)));
  const style = io.style?.stderr ?? plain;
  const prefix = style(['bold', 'red'], 'clerk-conformance:');
  if (error instanceof UsageError || error instanceof InvalidOptionError) {
    const help = (COMMANDS as string[]).includes(command ?? '') ? ` help ${command}` : ' --help';
    io.stderr(`${prefix} ${message}\nRun 'clerk-conformance${help}' for usage.\n`);
  } else if (error instanceof RunError) {
    io.stderr(`${prefix} ${message}\n`);
  } else {
    const name = error instanceof Error ? error.name : 'Error';
    const stack =
      io.env.DEBUG && error instanceof Error
        ? `\n${redact(error.stack ?? '')}`
        : ' (set DEBUG=1 to see the stack)';
    io.stderr(
      `${prefix} internal error in ${command ?? 'the CLI'}: ${name}: ${message}; this is a bug, please report it${stack}\n`,
    );
  }
  return 2;
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
