/** Requests per second of a default stateful run against the embedded server, beside a plain request loop. */
import { startReferenceServer } from '../src/server/referenceServer.js';
import { runStateful } from '../src/stateful/index.js';
import { format, ratio } from './measure.js';

export async function benchStateful(): Promise<void> {
  const server = await startReferenceServer({ clients: 2, sessionMode: 'multi' });
  try {
    const headers = { authorization: `Bearer ${server.secretKey}` };
    // The floor: sequential GETs of one session list, what the HTTP stack alone allows.
    const loopStart = performance.now();
    const loopRequests = 2000;
    for (let i = 0; i < loopRequests; i++)
      await (await fetch(`${server.url}/v1/sessions?user_id=user_none`, { headers })).text();
    const loop = (loopRequests * 1000) / (performance.now() - loopStart);
    await runStateful({ baseUrl: server.url, secretKey: server.secretKey, seed: 9, runs: 10 }); // warm-up
    console.log(
      '\nstateful run throughput (requests/s; embedded server, default runs and steps; same process)',
    );
    console.log('seed | requests | seconds | stateful req/s | plain GET loop req/s | stateful / loop');
    for (const seed of [1, 2, 3]) {
      const start = performance.now();
      const result = await runStateful({ baseUrl: server.url, secretKey: server.secretKey, seed });
      const seconds = (performance.now() - start) / 1000;
      const rate = result.requests / seconds;
      console.log(
        `${String(seed).padStart(4)} | ${String(result.requests).padStart(8)} | ${seconds.toFixed(2).padStart(7)} | ${format(rate).padStart(14)} | ${format(loop).padStart(20)} | ${ratio(rate, loop).padStart(15)}`,
      );
    }
  } finally {
    await server.close();
  }
}
