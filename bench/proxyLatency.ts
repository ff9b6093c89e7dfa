/**
 * Latency the validating proxy adds per request: GET /v1/clients/{id} of a 3-session Client from the embedded
 * server, straight and through the proxy (checking every response), requests alternated, medians of one run.
 */
import { Agent, request } from 'node:http';
import { startConformanceProxy } from '../src/proxy/index.js';
import { startReferenceServer } from '../src/server/referenceServer.js';
import { ratio } from './measure.js';

const WARM_UP = 300;
const REQUESTS = 3000;

/** One GET on a kept-alive connection; resolves with its duration in ms once the whole body has arrived. */
function timedGet(agent: Agent, url: string, secretKey: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const outgoing = request(
      url,
      { agent, headers: { authorization: `Bearer ${secretKey}` } },
      (response) => {
        response.on('data', () => {});
        response.on('end', () => resolve(performance.now() - start));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number;
}

export async function benchProxy(): Promise<void> {
  const server = await startReferenceServer({ seed: 1, clients: 20 });
  const target = server.store.list(Date.now()).find((client) => client.sessions.length === 3);
  if (target === undefined) throw new Error('the embedded server of seed 1 has no 3-session Client');
  const plain = await startConformanceProxy({ upstream: server.url });
  const header = await startConformanceProxy({ upstream: server.url, violationHeader: true });
  const routes = [
    ['straight to the server', server.url],
    ['through the proxy', plain.url],
    ['through the proxy, --on-violation header', header.url],
  ] as const;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const times = routes.map((): number[] => []);
  const path = `/v1/clients/${target.id}`;
  for (let round = 0; round < WARM_UP + REQUESTS; round++) {
    // Alternated, so drift in the machine's load falls on every route alike.
    for (const [index, [, origin]] of routes.entries()) {
      const ms = await timedGet(agent, `${origin}${path}`, server.secretKey);
      if (round >= WARM_UP) times[index]?.push(ms);
    }
  }
  agent.destroy();
  const checked = plain.results();
  await Promise.all([plain.close(), header.close()]);
  await server.close();
  const sorted = times.map((each) => [...each].sort((a, b) => a - b));
  const direct = percentile(sorted[0] ?? [], 0.5);
  console.log(
    `\nProxy latency (GET of a ${Buffer.byteLength(JSON.stringify(target))}-byte 3-session Client, embedded server, one process, keep-alive; ${REQUESTS} requests per route, alternated)`,
  );
  console.log('route | median ms | p90 ms | median added ms | median / straight');
  for (const [index, [name]] of routes.entries()) {
    const median = percentile(sorted[index] ?? [], 0.5);
    const p90 = percentile(sorted[index] ?? [], 0.9);
    console.log(
      `${name} | ${median.toFixed(3)} | ${p90.toFixed(3)} | ${index === 0 ? '-' : (median - direct).toFixed(3)} | ${ratio(median, direct)}`,
    );
  }
  console.log(
    `(the proxy checked ${checked.clients} Clients, ${checked.violations.length} violations, ${checked.traffic.upstreamFailures} upstream failures)`,
  );
}
