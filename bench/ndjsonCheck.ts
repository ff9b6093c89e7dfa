/**
 * Checks one NDJSON file with the CLI's code path and prints `{ clients, seconds, maxRssMiB }` as JSON.
 * Run in a child process by ndjsonThroughput.ts, so each file size gets its own peak memory figure.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { runCheck } from '../src/check/runCheck.js';
import { clientSchema } from '../src/index.js';
import { DEFAULT_MAX_BYTES, openTarget } from '../src/targets/index.js';

const [file, mode] = process.argv.slice(2) as [string, 'check' | 'baseline'];
const start = performance.now();
let clients = 0;
if (mode === 'baseline') {
  // JSON.parse and Ajv alone, over the same lines read the same way.
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormatsModule.default(ajv);
  const validate = ajv.compile(clientSchema);
  for await (const line of createInterface({
    input: createReadStream(file),
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    if (line !== '') {
      validate(JSON.parse(line));
      clients += 1;
    }
  }
} else {
  clients = (await runCheck(openTarget(file, { maxBytes: DEFAULT_MAX_BYTES }))).clients;
}
const seconds = (performance.now() - start) / 1000;
console.log(JSON.stringify({ clients, seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
