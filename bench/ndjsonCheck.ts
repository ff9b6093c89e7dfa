/**
 * Checks one NDJSON file with the CLI's `check` command (its report discarded) and prints
 * `{ clients, seconds, maxRssMiB }` as JSON.
 * Run in a child process by ndjsonThroughput.ts, so each file size gets its own peak memory figure.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { main } from '../src/cli/main.js';
import { clientSchema } from '../src/index.js';

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
  let report = '';
  const exitCode = await main(['check', file, '--format', 'json'], {
    stdout: (text) => {
      report += text;
    },
    stderr: () => {},
    env: {},
    isTTY: false,
  });
  if (exitCode !== 0) throw new Error(`check exited with ${exitCode}: ${report.slice(0, 2000)}`);
  clients = JSON.parse(report).clients;
}
const seconds = (performance.now() - start) / 1000;
console.log(JSON.stringify({ clients, seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
