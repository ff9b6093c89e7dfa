/**
 * NDJSON checking by the `check` command against a minimal readline + JSON.parse + Ajv loop, at 100,000 and
 * 1,000,000 lines, and peak memory as the file grows. The two run alternately, one child process each.
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { clientArbitrary } from '../src/index.js';
import { format, median, ratioSpread } from './measure.js';

/** Lines, and rounds of each: a 100,000-line run takes about a second, where the machine's drift is largest. */
const SIZES: ReadonlyArray<[lines: number, rounds: number]> = [
  [100_000, 9],
  [1_000_000, 5],
];

async function writeNdjson(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  const clients = clientArbitrary();
  for (let written = 0; written < count; written += 1000) {
    const lines = fc
      .sample(clients, { numRuns: 1000, seed: written })
      .map((client) => `${JSON.stringify(client)}\n`);
    if (!out.write(lines.join(''))) await once(out, 'drain');
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

function measure(
  file: string,
  mode: 'check' | 'baseline',
): { clients: number; seconds: number; maxRssMiB: number } {
  const output = execFileSync(process.execPath, ['--import', 'tsx', 'bench/ndjsonCheck.ts', file, mode], {
    encoding: 'utf8',
  });
  return JSON.parse(output);
}

export async function benchNdjson(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ndjson-bench-'));
  console.log(
    `\nNDJSON checking (one child process per run, ${SIZES.map(([lines, rounds]) => `${rounds} rounds alternating at ${format(lines)} lines`).join(', ')}; realistic Clients of 0-4 sessions)`,
  );
  console.log(
    '| lines | check Clients/s | readline + JSON.parse + Ajv Clients/s | check / baseline (min / median / max) | check peak RSS | baseline peak RSS |',
  );
  console.log('|---|---|---|---|---|---|');
  try {
    for (const [size, rounds] of SIZES) {
      const file = join(dir, `clients-${size}.ndjson`);
      await writeNdjson(file, size);
      const runs: Record<'check' | 'baseline', ReturnType<typeof measure>[]> = { check: [], baseline: [] };
      for (let round = 0; round < rounds; round++) {
        runs.check.push(measure(file, 'check'));
        runs.baseline.push(measure(file, 'baseline'));
      }
      const rates = (mode: 'check' | 'baseline') => runs[mode].map((run) => run.clients / run.seconds);
      const rss = (mode: 'check' | 'baseline') =>
        Math.max(...runs[mode].map((run) => run.maxRssMiB)).toFixed(0);
      console.log(
        `| ${format(size)} | ${format(median(rates('check')))} | ${format(median(rates('baseline')))} | ${ratioSpread(rates('check'), rates('baseline'))} | ${rss('check')} MiB | ${rss('baseline')} MiB |`,
      );
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
