import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { setImmediate } from 'node:timers/promises';
import fc from 'fast-check';
import { clientArbitrary } from '../arbitraries/clientArbitrary.js';
import { DEFAULT_NOW } from '../arbitraries/index.js';
import { nearValidClientArbitrary } from '../arbitraries/nearValidClientArbitrary.js';
import { OutputError } from '../report/writeReports.js';
import { type Io, RunError, signalExitCode, UsageError } from './io.js';
import { MAX_SEED, oneOf, parseFlags, wholeNumber } from './options.js';
import { GENERATE_USAGE, helpText } from './usage.js';

/** Values drawn per fast-check sample call: memory stays bounded however many lines are asked for. */
const CHUNK = 1000;

const OPTIONS = {
  count: { type: 'string' },
  seed: { type: 'string', default: '1' },
  'near-valid': { type: 'boolean' },
  profile: { type: 'string', default: 'default' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * `clerk-conformance generate`: NDJSON fixtures for other languages' SDKs, one Client per line (near-valid lines
 * are `{ rule, path, now, value }`). The same seed and options give the same bytes.
 */
export async function generateCommand(args: string[], io: Io, signal: AbortSignal): Promise<number> {
  const { values } = parseFlags(args, OPTIONS, false);
  if (values.help) {
    io.stdout(helpText(GENERATE_USAGE, io));
    return 0;
  }
  if (values.count === undefined)
    throw new UsageError('generate needs --count <n>: how many Clients to write');
  const count = wholeNumber(values.count, '--count');
  const seed = wholeNumber(values.seed, '--seed', { max: MAX_SEED });
  const profile = oneOf(values.profile, ['default', 'strict'], '--profile');
  const arbitrary: fc.Arbitrary<unknown> = values['near-valid']
    ? // Each line carries its now, so the rules judged at an observation time are broken too.
      nearValidClientArbitrary({ profile, now: DEFAULT_NOW }).map(({ rule, path, now, value }) => ({
        rule,
        path,
        now,
        value,
      }))
    : clientArbitrary();
  const out = values.out === undefined ? undefined : await opened(values.out);
  const write = async (text: string) => {
    if (out === undefined) io.stdout(text);
    else if (!out.write(text)) await once(out, 'drain');
  };
  // Stops early when the reader of stdout has gone (`generate … | head -1`).
  for (let start = 0; start < count && !(out === undefined && io.stdoutClosed?.()); start += CHUNK) {
    if (signal.aborted) {
      out?.destroy();
      return signalExitCode(signal);
    }
    const values = fc.sample(arbitrary, { numRuns: Math.min(CHUNK, count - start), seed: seed + start });
    await write(values.map((value) => `${JSON.stringify(value)}\n`).join(''));
    // Let I/O events in (a closed pipe is reported asynchronously).
    await setImmediate();
  }
  if (out !== undefined) {
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    io.stderr(
      `Wrote ${count} ${values['near-valid'] ? 'near-valid ' : ''}Client(s) to ${values.out} (seed ${seed}).\n`,
    );
  }
  return 0;
}

/** A file stream that opened, or a RunError naming the path. */
async function opened(path: string): Promise<ReturnType<typeof createWriteStream>> {
  const out = createWriteStream(path);
  try {
    await once(out, 'open');
  } catch (error) {
    throw new RunError(new OutputError('the fixtures', path, error).message);
  }
  return out;
}
