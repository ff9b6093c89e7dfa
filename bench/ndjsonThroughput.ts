/** NDJSON checking of 100,000 Clients against JSON.parse + Ajv alone, and peak memory as the file grows. */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { clientArbitrary } from '../src/index.js';
import { format, ratio } from './measure.js';

const SIZES = [25_000, 50_000, 100_000];

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
  console.log('\nNDJSON checking (one child process per run; realistic Clients of 0-4 sessions)');
  console.log(
    'clients | check Clients/s | JSON.parse+Ajv Clients/s | check / baseline | check peak RSS | baseline peak RSS',
  );
  for (const size of SIZES) {
    const file = join(dir, `clients-${size}.ndjson`);
    await writeNdjson(file, size);
    const check = measure(file, 'check');
    const baseline = measure(file, 'baseline');
    const rate = (run: typeof check) => run.clients / run.seconds;
    console.log(
      `${format(size)} | ${format(rate(check))} | ${format(rate(baseline))} | ${ratio(rate(check), rate(baseline))} | ${check.maxRssMiB.toFixed(0)} MiB | ${baseline.maxRssMiB.toFixed(0)} MiB`,
    );
  }
}
