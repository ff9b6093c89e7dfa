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

/** A number with thousands separators, rounded. */
export function format(rate: number): string {
  return Math.round(rate).toLocaleString('en-US');
}

export function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}
