import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { exitCodeOf, isOk } from '../check/runCheck.js';
import { startConformanceProxy } from '../proxy/startConformanceProxy.js';
import type { ConformanceProxy, ProxyTraffic } from '../proxy/types.js';
import { jsonReportChunks } from '../report/jsonReport.js';
import { liveErrorLine, liveViolationLine } from '../report/liveLine.js';
import { textReport } from '../report/textReport.js';
import { OutputError } from '../report/writeReports.js';
import { loadConfig } from './config.js';
import { type Io, RunError, UsageError } from './io.js';
import { MAX_TIMER_MS, oneOf, parseFlags, wholeNumber } from './options.js';
import { maxBytesOf, mergeConfig, RUN_FLAGS, runOptionsOf, runOutputsOf } from './runSettings.js';
import { listenError } from './serveCommand.js';
import { helpText, PROXY_USAGE } from './usage.js';

const OPTIONS = {
  ...RUN_FLAGS,
  upstream: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  duration: { type: 'string' },
  record: { type: 'string' },
  'on-violation': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * `clerk-conformance proxy --upstream <url>`: forwards traffic to the upstream unchanged and checks every Clerk
 * document in it, printing violations as they happen; on SIGINT, SIGTERM or after `--duration` it writes the reports
 * and exits 0, 1 or 2 like `check`.
 */
export async function proxyCommand(args: string[], io: Io, signal: AbortSignal): Promise<number> {
  const flags = parseFlags(args, OPTIONS, false);
  if (flags.values.help) {
    io.stdout(helpText(PROXY_USAGE, io));
    return 0;
  }
  const config = await loadConfig(flags.values.config);
  // A config file shared with `check` may hold its other keys (targets, headers): the proxy takes its own.
  const shared = Object.fromEntries(
    Object.entries(config.values).filter(([key]) => Object.hasOwn(OPTIONS, key)),
  );
  const values = mergeConfig(shared, flags.values);
  if (values.upstream === undefined)
    throw new UsageError('proxy needs --upstream <url>: the API to forward to, e.g. https://api.clerk.com');
  const options = runOptionsOf(values);
  const outputs = await runOutputsOf(values, io);
  const port = wholeNumber(values.port ?? '4011', '--port', { max: 65_535 });
  const host = values.host ?? '127.0.0.1';
  const durationMs =
    values.duration === undefined
      ? undefined
      : wholeNumber(values.duration, '--duration', { min: 1, max: MAX_TIMER_MS });
  const violationHeader =
    oneOf(values['on-violation'] ?? 'none', ['none', 'header'], '--on-violation') === 'header';
  const maxBytes = maxBytesOf(values);
  const stderr = io.style?.stderr;
  let proxy: ConformanceProxy;
  try {
    proxy = await startConformanceProxy({
      ...options,
      upstream: values.upstream,
      port,
      host,
      maxBytes,
      violationHeader,
      ...(values.record === undefined ? {} : { record: values.record }),
      onViolation: (violation) => {
        outputs.onViolation(violation);
        io.stderr(liveViolationLine(violation, Date.now(), stderr));
      },
      onError: (error) => io.stderr(liveErrorLine(error, Date.now(), stderr)),
    });
  } catch (error) {
    if (error instanceof OutputError) throw new RunError(error.message);
    if ((error as NodeJS.ErrnoException).syscall === 'listen')
      throw new RunError(`cannot listen on ${host}:${port}: ${listenError(error)}`);
    throw error;
  }
  const until = durationMs === undefined ? 'Ctrl-C' : `Ctrl-C or after ${durationMs} ms`;
  io.stderr(
    `Clerk conformance proxy at ${proxy.url}, forwarding to ${proxy.upstream}; violations are printed as they happen.\n` +
      `Point a client at it, e.g. createClerkClient({ secretKey, apiUrl: '${proxy.url}' }). Stop with ${until}.\n`,
  );
  await stopped(signal, durationMs);
  const result = await proxy.close();
  io.stderr(trafficLine(result.traffic));
  outputs.applyBaseline(result);
  result.ok = isOk(result);
  if (outputs.format === 'json') for (const chunk of jsonReportChunks(result)) io.stdout(chunk);
  else io.stdout(textReport(result, io.style?.stdout));
  return outputs.finish(result, exitCodeOf(result), {
    ...options,
    upstream: proxy.upstream,
    listen: proxy.url,
    maxBytes,
    onViolation: violationHeader ? 'header' : 'none',
    ...(values.record === undefined ? {} : { record: values.record }),
    traffic: result.traffic,
  });
}

/** Resolves on SIGINT or SIGTERM, or after `durationMs`. */
async function stopped(signal: AbortSignal, durationMs: number | undefined): Promise<void> {
  if (signal.aborted) return;
  const done = new AbortController();
  const waits: Array<Promise<unknown>> = [once(signal, 'abort', { signal: done.signal })];
  if (durationMs !== undefined) waits.push(delay(durationMs, undefined, { signal: done.signal }));
  await Promise.race(waits);
  // The other wait is cancelled, so no timer holds the process open.
  done.abort();
  await Promise.allSettled(waits);
}

/** What went through: requests, responses checked, and what passed unchecked or failed. */
function trafficLine({ requests, inspected, oversized, upstreamFailures }: ProxyTraffic): string {
  const parts = [`${inspected} JSON ${inspected === 1 ? 'response' : 'responses'} inspected`];
  if (oversized > 0) parts.push(`${oversized} larger than --max-size passed through unchecked`);
  if (upstreamFailures > 0)
    parts.push(`${upstreamFailures} upstream ${upstreamFailures === 1 ? 'failure' : 'failures'}`);
  return `Proxied ${requests} ${requests === 1 ? 'request' : 'requests'}: ${parts.join(', ')}.\n`;
}
