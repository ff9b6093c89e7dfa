/** Throughput of `run` in operations per second: the median of `rounds` timed rounds after a warm-up. */
export function throughput(run: () => void, { rounds = 5, roundMs = 400 } = {}): number {
  const deadline = performance.now() + roundMs;
  while (performance.now() < deadline) run();
  const rates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let count = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < roundMs) {
      run();
      count += 1;
      elapsed = performance.now() - start;
    }
    rates.push((count * 1000) / elapsed);
  }
  return rates.sort((a, b) => a - b)[Math.floor(rounds / 2)] as number;
}

/** Operations per CPU second of `run` over one slice of about `sliceMs` of this process's CPU time. */
function slice(run: () => void, batch: number, sliceMs: number): number {
  const start = process.cpuUsage();
  const budget = sliceMs * 1000;
  let count = 0;
  let used = 0;
  // Batches of about a millisecond keep the clock reads (0.7 microseconds each) out of the measured work.
  while (used < budget) {
    for (let i = 0; i < batch; i++) run();
    count += batch;
    const { user, system } = process.cpuUsage(start);
    used = user + system;
  }
  return (count * 1e6) / used;
}

/** How many calls of `run` take about a millisecond. */
function batchOf(run: () => void): number {
  let batch = 1;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) run();
    if (performance.now() - start >= 1) return batch;
    batch *= 2;
  }
}

/**
 * Runs every contender in turn, one short slice each, for `rounds` rounds (after `warmupRounds` untimed ones), so that
 * a change of machine load falls on all of them alike; time is this process's CPU time, which other processes do not
 * inflate. Returns each contender's rate in every round.
 */
export function interleaved(
  contenders: Record<string, () => void>,
  // V8 optimizes in the background: with one warm-up round the strict 3-session row's ratios spread over
  // 0.25-3.05x, with ten over 0.85-1.03x (one run each).
  { rounds = 41, sliceMs = 10, warmupRounds = 10 } = {},
): Record<string, number[]> {
  const rates: Record<string, number[]> = {};
  const batches: Record<string, number> = {};
  for (const [name, run] of Object.entries(contenders)) {
    rates[name] = [];
    batches[name] = batchOf(run);
  }
  for (let round = -warmupRounds; round < rounds; round++) {
    // Batches sized again on warm code: a checker's first call, which builds its fast path, takes over a millisecond
    // alone; the batch of 1 it left made the clock reads (0.7 microseconds each) a fifth of a profiled run.
    if (round === 0) for (const [name, run] of Object.entries(contenders)) batches[name] = batchOf(run);
    for (const [name, run] of Object.entries(contenders)) {
      // Each slice starts on an empty young generation: a contender's garbage is not collected in another's time.
      collectGarbage();
      const rate = slice(run, batches[name] as number, sliceMs);
      if (round >= 0) rates[name]?.push(rate);
    }
  }
  return rates;
}

/**
 * A young-generation collection (`npm run bench` runs node with --expose-gc): the short-lived garbage of the
 * contender before is not collected in this one's time. (A full collection would also throw away compiled code and
 * caches that the next slice then rebuilds.)
 */
function collectGarbage(): void {
  const { gc } = globalThis as { gc?: (options: { type: 'minor' }) => void };
  if (gc === undefined) throw new Error('run the benchmarks with node --expose-gc (npm run bench does)');
  gc({ type: 'minor' });
}

/** min/median/max of `a`'s rate over `b`'s, round by round. */
export function ratioSpread(a: readonly number[], b: readonly number[]): string {
  const ratios = a.map((rate, round) => rate / (b[round] as number)).sort((x, y) => x - y);
  const at = (share: number) => (ratios[Math.round(share * (ratios.length - 1))] as number).toFixed(2);
  return `${at(0)} / **${at(0.5)}** / ${at(1)}×`;
}

/** The median of some rates. */
export function median(rates: readonly number[]): number {
  const sorted = [...rates].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** A number with thousands separators, rounded. */
export function format(rate: number): string {
  return Math.round(rate).toLocaleString('en-US');
}

export function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}
