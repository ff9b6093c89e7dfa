/** checkClient against Ajv validation alone and JSON.parse, on realistic Clients of 0, 3 and 20 sessions. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { clientArbitrary, clientSchema, createClientChecker } from '../src/index.js';
import { format, ratio, throughput } from './measure.js';

export function benchCheck(): void {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormatsModule.default(ajv);
  const validate = ajv.compile(clientSchema);
  const check = createClientChecker();
  console.log('\ncheckClient throughput (Clients/s; median of 5 rounds; same process)');
  console.log(
    'sessions | JSON.parse | Ajv alone | checkClient | checkClient / Ajv | checkClient / JSON.parse',
  );
  for (const sessions of [0, 3, 20]) {
    const clients = fc.sample(clientArbitrary({ minSessions: sessions, maxSessions: sessions }), {
      numRuns: 200,
      seed: 1,
    });
    const texts = clients.map((client) => JSON.stringify(client));
    let i = 0;
    const parse = throughput(() => JSON.parse(texts[i++ % texts.length] as string));
    const ajvAlone = throughput(() => validate(clients[i++ % clients.length]));
    const full = throughput(() => check(clients[i++ % clients.length]));
    console.log(
      `${String(sessions).padStart(8)} | ${format(parse).padStart(10)} | ${format(ajvAlone).padStart(9)} | ${format(full).padStart(11)} | ${ratio(full, ajvAlone).padStart(17)} | ${ratio(full, parse).padStart(24)}`,
    );
  }
}
