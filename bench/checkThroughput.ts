/**
 * The checker against Ajv validation alone, on realistic Clients of 0, 3 and 20 sessions and on near-valid ones, in
 * both profiles: the reused checker, one-shot `checkClient(value)`, and the full check without the fast path (what
 * every value cost before it). Contenders run interleaved; each cell is min / median / max of the per-round ratios.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { createChecker } from '../src/check/checkClient.js';
import {
  type CheckOptions,
  checkClient,
  clientArbitrary,
  clientSchema,
  createClientChecker,
  nearValidClientArbitrary,
} from '../src/index.js';
import { format, interleaved, median, ratioSpread } from './measure.js';

export function benchCheck(): void {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormatsModule.default(ajv);
  const validate = ajv.compile(clientSchema);
  console.log(
    '\nChecking Clients (per-round ratios to Ajv alone, min / median / max of 41 interleaved rounds of 10 ms after 10 warm-up rounds, CPU time)',
  );
  console.log(
    '| Clients | profile | Ajv alone Clients/s | reused checker / Ajv | one-shot checkClient / Ajv | one-shot / reused | full check without fast path / Ajv | reused / full check |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  const inputs: Array<[string, unknown[]]> = [];
  for (const sessions of [0, 3, 20]) {
    const clients = fc.sample(clientArbitrary({ minSessions: sessions, maxSessions: sessions }), {
      numRuns: 200,
      seed: 1,
    });
    inputs.push([`${sessions} sessions`, clients.map(parsed)]);
  }
  const nearValid = fc.sample(nearValidClientArbitrary({ minSessions: 3, maxSessions: 3 }), {
    numRuns: 200,
    seed: 1,
  });
  inputs.push(['near-valid, 3 sessions', nearValid.map(({ value }) => parsed(value))]);
  for (const [label, values] of inputs) {
    for (const profile of ['default', 'strict'] as const) {
      const options: CheckOptions | undefined = profile === 'default' ? undefined : { profile };
      const reused = createClientChecker(options);
      const full = createChecker(options, { fastPath: false });
      let i = 0;
      const next = () => values[i++ % values.length];
      const rates = interleaved({
        ajv: () => validate(next()),
        reused: () => reused(next()),
        oneShot: () => checkClient(next(), options),
        full: () => full('client', next()),
      });
      const { ajv: base = [], reused: kept = [], oneShot = [], full: slow = [] } = rates;
      console.log(
        `| ${label} | ${profile} | ${format(median(base))} | ${ratioSpread(kept, base)} | ${ratioSpread(oneShot, base)} | ${ratioSpread(oneShot, kept)} | ${ratioSpread(slow, base)} | ${ratioSpread(kept, slow)} |`,
      );
    }
  }
}

/** As a checker meets a Client: parsed from JSON (fast-check's own objects may have a null prototype). */
function parsed(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}
