import {
  createServer,
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { SourcedViolation } from '../check/runCheck.js';
import { startRun } from '../check/runCheck.js';
import { InvalidOptionError } from '../invalidOption.js';
import { isClerkApiPath } from '../targets/exchange.js';
import { displayUrl, redact } from '../targets/secrets.js';
import { DEFAULT_MAX_BYTES, type TargetItem } from '../targets/types.js';
import { bodyCopy } from './bodyCopy.js';
import { endToEndHeaders, pairsOf } from './hopByHop.js';
import { judgeResponse } from './judgeResponse.js';
import { openTrafficRecording } from './trafficRecording.js';
import type { ConformanceProxy, ConformanceProxyOptions, ProxyResult, ProxyTraffic } from './types.js';

/** The header `violationHeader` adds: the ids of the rules a response broke. */
export const VIOLATION_HEADER = 'Clerk-Conformance';

/**
 * Starts a validating proxy in front of a Clerk API (or an emulator): every request is forwarded to `upstream` and
 * its response returned unchanged (status, headers, body bytes, streamed), while each response that carries Clerk
 * Clients or Sessions is checked, at the time it arrived, with the options of `check`. Credentials go to the
 * upstream only; it listens on loopback unless told otherwise.
 */
export async function startConformanceProxy(options: ConformanceProxyOptions): Promise<ConformanceProxy> {
  const upstream = upstreamUrl(options.upstream);
  const basePath = upstream.pathname.replace(/\/+$/, '');
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1)
    throw new InvalidOptionError(`maxBytes must be a whole number >= 1, got ${maxBytes}`);
  const run = startRun(options);
  const recording = options.record === undefined ? undefined : await openTrafficRecording(options.record);
  const traffic: ProxyTraffic = { requests: 0, inspected: 0, oversized: 0, upstreamFailures: 0 };
  const target = displayUrl(upstream).replace(/\/$/, '');
  const agent =
    upstream.protocol === 'https:' ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const send = upstream.protocol === 'https:' ? httpsRequest : httpRequest;
  let final: ProxyResult | undefined;
  // Exchanges still in flight when the proxy closes are not counted in a run that has ended.
  const add = (item: TargetItem): SourcedViolation[] => {
    if (final !== undefined) return [];
    if (item.kind === 'error') options.onError?.(item);
    return run.add({ ...item, target });
  };

  const forward = (request: IncomingMessage, response: ServerResponse): void => {
    // The upstream's headers go back as they are: no Date of our own.
    response.sendDate = false;
    const method = request.method ?? 'GET';
    const path = request.url ?? '/';
    // Only origin-form targets (`/v1/…`): an absolute URL would ask this proxy to call another host.
    if (!path.startsWith('/')) {
      refuse(response, upstream);
      return;
    }
    const url = new URL(`${upstream.origin}${basePath}${path}`);
    const source = `${method} ${displayUrl(url).slice(upstream.origin.length + basePath.length)}`;
    const requestHeaders = pairsOf(request.rawHeaders);
    traffic.requests += 1;
    const started = performance.now();
    let failed = false;
    const fail = (error: unknown) => {
      if (failed || response.destroyed) return;
      failed = true;
      traffic.upstreamFailures += 1;
      const message = `upstream ${upstream.host}: ${upstreamProblem(error)}`;
      add({ kind: 'error', source, message });
      if (response.headersSent) response.destroy();
      else sendClerkError(response, 502, 'upstream_unavailable', message);
    };
    const outgoing = send({
      protocol: upstream.protocol,
      hostname: upstream.hostname,
      port: upstream.port,
      method,
      path: `${basePath}${path}`,
      headers: endToEndHeaders(request.rawHeaders, { host: upstream.host }),
      agent,
    });
    outgoing.on('error', fail);
    // A caller that hangs up ends the upstream exchange too.
    response.on('close', () => {
      if (!response.writableFinished) outgoing.destroy();
    });
    outgoing.on('response', (incoming) => {
      const observedAt = Date.now();
      const waitMs = performance.now() - started;
      const status = incoming.statusCode ?? 0;
      const headers = endToEndHeaders(incoming.rawHeaders);
      const contentType = incoming.headers['content-type'] ?? '';
      // Only answers with a body that can hold a document are copied: 200s in JSON or from a Clerk API path.
      const copy =
        method !== 'HEAD' && status === 200 && (/\bjson\b/i.test(contentType) || isClerkApiPath(url.pathname))
          ? bodyCopy(maxBytes)
          : undefined;
      // With the violation header, the body waits for its check (as long as it fits in maxBytes).
      let held: Buffer[] | undefined = options.violationHeader && copy ? [] : undefined;
      const release = () => {
        response.writeHead(status, incoming.statusMessage, headers);
        for (const chunk of held ?? []) response.write(chunk);
        held = undefined;
        incoming.pipe(response);
      };
      if (held === undefined) release();
      incoming.on('data', (chunk: Buffer) => {
        const kept = copy?.add(chunk);
        if (held === undefined) return;
        held.push(chunk);
        if (!kept) release();
      });
      incoming.on('close', () => {
        if (!incoming.complete) fail(new Error('the response was cut off before its end'));
      });
      incoming.on('end', () => {
        let found: SourcedViolation[] = [];
        if (copy === undefined)
          add({ kind: 'skipped', source, reason: status === 200 ? 'not JSON' : `status ${status}` });
        else {
          const judged = judgeResponse(
            {
              source,
              method,
              url,
              requestHeaders,
              status,
              statusText: incoming.statusMessage ?? '',
              responseHeaders: pairsOf(incoming.rawHeaders),
              body: copy.bytes(),
              observedAt,
              waitMs,
            },
            maxBytes,
          );
          if ('oversized' in judged) traffic.oversized += 1;
          else {
            if (judged.decoded) traffic.inspected += 1;
            found = add(judged.item);
            if (judged.recorded !== undefined && final === undefined) recording?.add(judged.recorded);
          }
        }
        if (held === undefined) return;
        const rules = [...new Set(found.map((violation) => violation.rule))];
        if (rules.length > 0) headers.push(VIOLATION_HEADER, rules.join(', '));
        release();
      });
    });
    request.pipe(outgoing);
  };

  const server = createServer(forward);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    upstream: target,
    results: () => final ?? { ...run.snapshot(), traffic: { ...traffic } },
    close: async () => {
      if (final !== undefined) return final;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
      try {
        await recording?.close();
      } catch (error) {
        run.add({ kind: 'error', source: options.record ?? '', message: (error as Error).message, target });
      }
      final = { ...run.finish(), traffic };
      return final;
    },
  };
}

/** The upstream as a URL: http(s), no credentials, no query. */
function upstreamUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidOptionError(
      `upstream must be an http(s) URL such as https://api.clerk.com, got ${JSON.stringify(redact(text))}`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InvalidOptionError(`upstream must be an http(s) URL, got a ${url.protocol} URL`);
  if (url.username !== '' || url.password !== '')
    throw new InvalidOptionError(
      'upstream must not hold credentials (user:pass@): they would be sent with every request',
    );
  if (url.search !== '' || url.hash !== '')
    throw new InvalidOptionError(
      `upstream is an origin with an optional base path, without ?query or #fragment, got ${JSON.stringify(displayUrl(url))}`,
    );
  return url;
}

/** What went wrong with the upstream, in words. */
function upstreamProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'cannot resolve its host name';
  if (code === 'ECONNRESET') return 'connection closed before a complete response';
  if (code === 'ETIMEDOUT') return 'connection timed out';
  return `${(error as Error).message}${code ? ` (${code})` : ''}`;
}

/** Clerk's error body, so SDKs read the proxy's own answers like the upstream's. */
function sendClerkError(response: ServerResponse, status: number, code: string, message: string): void {
  const body = JSON.stringify({ errors: [{ message, long_message: message, code }] });
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

function refuse(response: ServerResponse, upstream: URL): void {
  sendClerkError(
    response,
    400,
    'request_invalid',
    `this proxy forwards paths (/v1/…) to ${upstream.origin} only, not absolute URLs`,
  );
}
