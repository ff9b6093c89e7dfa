// A user's test file: the published package, its subpaths and the user's own fast-check.

import {
  type Client,
  checkClient,
  clientArbitrary,
  definitionName,
  derivedDocument,
  type FapiClient,
  fapiClientArbitrary,
  LATEST_API_VERSION,
  nearValidClientArbitrary,
} from 'clerk-client-conformance';
import { sessionArbitrary } from 'clerk-client-conformance/arbitraries';
import { invariants } from 'clerk-client-conformance/invariants';
import { type ConformanceProxyOptions, startConformanceProxy } from 'clerk-client-conformance/proxy';
import schema from 'clerk-client-conformance/schema.json' with { type: 'json' };
import type { ClientConformanceOptions } from 'clerk-client-conformance/vitest';
import fc from 'fast-check';

const options: ClientConformanceOptions = { profile: 'strict' };

fc.assert(
  fc.property(
    clientArbitrary({ maxSessions: 3 }),
    (client: Client) => checkClient(client, { profile: options.profile ?? 'default' }).ok,
  ),
  { numRuns: 200 },
);
fc.assert(
  // The defaults on both sides agree: every default sample is reported by a default check.
  fc.property(nearValidClientArbitrary(), ({ value, rule, path }) =>
    checkClient(value).violations.some((v) => v.rule === rule && v.path === path),
  ),
  { numRuns: 200 },
);
const [session] = fc.sample(sessionArbitrary(), 1);
// The derived schemas load from the installed package (JSON beside its code).
const fapiClient: FapiClient | undefined = fc.sample(fapiClientArbitrary({ minSessions: 1 }), 1)[0];
const defs = derivedDocument('fapi', LATEST_API_VERSION).$defs as Record<string, unknown>;
const derived = definitionName('fapi', 'client') in defs ? 'derived' : 'missing';
// The proxy starts and stops from its own entry point (nothing listens upstream: no request is made).
const proxyOptions: ConformanceProxyOptions = { upstream: 'http://127.0.0.1:9', allowEmpty: true };
const proxy = await startConformanceProxy(proxyOptions);
const proxied = await proxy.close();
console.log(
  `ok ${invariants.length} invariants, schema "${schema.title}", session ${session?.id.slice(0, 5)}, ${derived} FAPI ${fapiClient?.sessions[0]?.id.slice(0, 5)}, proxy ${new URL(proxy.url).hostname} ${proxied.ok}`,
);
