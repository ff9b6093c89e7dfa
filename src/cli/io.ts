import { ansi, colourFor, plain, type Style } from '../report/style.js';

/** Where the CLI reads its environment and writes; the tests pass their own. */
export type Io = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal (progress is shown only there). */
  isTTY: boolean;
  /** How text for each stream is styled: ANSI colour on a colour terminal, plain otherwise. */
  style?: { stdout: Style; stderr: Style };
  /** True once the reader of stdout has gone (`generate | head -1`): commands stop writing and finish quietly. */
  stdoutClosed?: () => boolean;
};

let stdoutClosed = false;
// A closed pipe is the reader's choice, not a crash: stop writing to it (EPIPE would otherwise be an uncaught error).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  stdoutClosed = true;
});

export const processIo: Io = {
  stdout: (text) => {
    if (!stdoutClosed) process.stdout.write(text);
  },
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  isTTY: process.stderr.isTTY === true,
  style: {
    stdout: colourFor(process.env, process.stdout) ? ansi : plain,
    stderr: colourFor(process.env, process.stderr) ? ansi : plain,
  },
  stdoutClosed: () => stdoutClosed,
};

/** A mistake in the command line: exit 2 with the message and a pointer to --help. */
export class UsageError extends Error {}

/** A failure of the run that is not the command line's fault (a port in use, an unwritable report): exit 2. */
export class RunError extends Error {}

/** The exit code of a run stopped by a signal: 128 + its number (SIGINT 130, SIGTERM 143). */
export function signalExitCode(signal: AbortSignal): number {
  return 128 + (signal.reason === 'SIGTERM' ? 15 : 2);
}
