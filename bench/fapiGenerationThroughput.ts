/** fapiClientArbitrary: Frontend API Clients per second, and the share that its version's derived schema accepts. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { definitionName, derivedDocument, fapiClientArbitrary, LATEST_API_VERSION } from '../src/index.js';
import { format, throughput } from './measure.js';

const SAMPLE = 1000;

export function benchFapiGeneration(): void {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormatsModule.default(ajv);
  const document = derivedDocument('fapi', LATEST_API_VERSION);
  ajv.addSchema(document);
  const validate = ajv.getSchema(
    `${String(document.$id)}#/$defs/${definitionName('fapi', 'client', LATEST_API_VERSION)}`,
  ) as (value: unknown) => boolean;
  const arbitraries: Array<[string, fc.Arbitrary<unknown>]> = [
    ['fapiClientArbitrary()', fapiClientArbitrary()],
    ['fapiClientArbitrary({ realistic: false })', fapiClientArbitrary({ realistic: false })],
  ];
  console.log(`\nFrontend API generation (objects/s; median of 5 rounds; validity over ${SAMPLE} objects)`);
  console.log(`generator | objects/s | valid against fapi-${LATEST_API_VERSION}`);
  for (const [name, arbitrary] of arbitraries) {
    const rate = throughput(() => fc.sample(arbitrary, 1));
    const valid = fc.sample(arbitrary, SAMPLE).filter((value) => validate(value)).length / SAMPLE;
    console.log(`${name} | ${format(rate)} | ${(valid * 100).toFixed(1)} %`);
  }
}
