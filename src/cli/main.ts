import { parseArgs } from 'node:util';
import { exitCodeOf, type RunOptions, runCheck } from '../check/runCheck.js';
import type { RuleSetting } from '../check/types.js';
import { jsonReport } from '../report/jsonReport.js';
import { textReport } from '../report/textReport.js';
import { DEFAULT_MAX_BYTES, openTarget, type TargetItem } from '../targets/index.js';
import { USAGE } from './usage.js';

/** Where the CLI writes; the tests pass their own. */
export type Io = { stdout: (text: string) => void; stderr: (text: string) => void };

const defaultIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** A mistake in the command line: exit 2 with the message and a pointer to --help. */
class UsageError extends Error {}

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '-h' || command === '--help') {
      io.stdout(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === 'check') return await check(rest, io);
    throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  } catch (error) {
    if (error instanceof UsageError || error instanceof TypeError) {
      io.stderr(`clerk-conformance: ${error.message}\nRun 'clerk-conformance --help' for usage.\n`);
      return 2;
    }
    throw error;
  }
}

async function check(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args);
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('check needs at least one path (or - for stdin)');
  const options: RunOptions = {
    profile: oneOf(values.profile, ['default', 'strict'], '--profile'),
    failOn: oneOf(values['fail-on'], ['error', 'warning'], '--fail-on'),
    rules: Object.fromEntries((values.rule ?? []).map(ruleSetting)),
    clockSkewMs: nonNegativeInteger(values['clock-skew'] ?? '1000', '--clock-skew'),
  };
  const format = oneOf(values.format, ['text', 'json'], '--format');
  const maxBytes = nonNegativeInteger(values['max-size'] ?? String(DEFAULT_MAX_BYTES), '--max-size');

  const result = await runCheck(readAll(positionals, maxBytes), options);
  if (format === 'json') io.stdout(jsonReport(result));
  else io.stdout(textReport(result));
  return exitCodeOf(result);
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        profile: { type: 'string', default: 'default' },
        rule: { type: 'string', multiple: true },
        'fail-on': { type: 'string', default: 'error' },
        format: { type: 'string', default: 'text' },
        'clock-skew': { type: 'string' },
        'max-size': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function* readAll(specs: readonly string[], maxBytes: number): AsyncGenerator<TargetItem> {
  for (const spec of specs) yield* openTarget(spec, { maxBytes });
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
}

function ruleSetting(text: string): [string, RuleSetting] {
  const match = /^([^=]+)=(error|warning|off)$/.exec(text);
  if (match?.[1] === undefined)
    throw new UsageError(`--rule takes id=error|warning|off, got ${JSON.stringify(text)}`);
  return [match[1], match[2] as RuleSetting];
}

function nonNegativeInteger(text: string, flag: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${flag} takes a whole number, got ${JSON.stringify(text)}`);
  return Number(text);
}
