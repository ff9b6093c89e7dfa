/**
 * clientArbitrary against json-schema-faker on the same seed schema, interleaved: objects per second and the coherent
 * share.
 */
import fc from 'fast-check';
import { createGeneratorSync } from 'json-schema-faker';
import { checkClient, clientArbitrary, clientSchema, DEFAULT_NOW } from '../src/index.js';
import { format, interleaved, median, ratioSpread } from './measure.js';

const SAMPLE = 2000;

/** Shares of objects that pass the schema, the default profile, and every rule of the strict profile. */
function quality(values: unknown[]): { schemaValid: number; passes: number; coherent: number } {
  let schemaValid = 0;
  let passes = 0;
  let coherent = 0;
  for (const value of values) {
    const { violations } = checkClient(value, { profile: 'strict', now: DEFAULT_NOW });
    if (!violations.some((violation) => violation.rule.startsWith('schema/'))) schemaValid += 1;
    if (checkClient(value).ok) passes += 1;
    if (violations.length === 0) coherent += 1;
  }
  const share = (count: number) => count / values.length;
  return { schemaValid: share(schemaValid), passes: share(passes), coherent: share(coherent) };
}

export function benchGeneration(): void {
  const faker = createGeneratorSync({ seed: 1 });
  const realistic = clientArbitrary();
  const plain = clientArbitrary({ realistic: false });
  // One value per call, as a consumer of either tool gets it.
  const generators: Array<[string, () => unknown]> = [
    ['json-schema-faker', () => faker.generate(clientSchema)],
    ['clientArbitrary()', () => fc.sample(realistic, 1)[0]],
    ['clientArbitrary({ realistic: false })', () => fc.sample(plain, 1)[0]],
  ];
  console.log(
    `\nGeneration (objects/s, median of 41 interleaved rounds of 10 ms of CPU time after 10 warm-up rounds; the ratio to json-schema-faker min / median / max of the per-round ratios; quality over ${SAMPLE} objects)`,
  );
  console.log(
    '| generator | objects/s | vs json-schema-faker | schema-valid | pass the default profile | every rule, strict |',
  );
  console.log('|---|---|---|---|---|---|');
  const rates = interleaved(Object.fromEntries(generators));
  const baseline = rates['json-schema-faker'] ?? [];
  for (const [name, generate] of generators) {
    const rate = rates[name] ?? [];
    const { schemaValid, passes, coherent } = quality(Array.from({ length: SAMPLE }, generate));
    const percent = (share: number) => `${Math.round(share * 100)} %`;
    console.log(
      `| ${name} | ${format(median(rate))} | ${ratioSpread(rate, baseline)} | ${percent(schemaValid)} | ${percent(passes)} | ${percent(coherent)} |`,
    );
  }
}
