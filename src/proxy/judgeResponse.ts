import { exchangeItem } from '../targets/exchange.js';
import { redact, secretValuesOf } from '../targets/secrets.js';
import type { TargetItem } from '../targets/types.js';
import { decodeBody } from './bodyCopy.js';
import type { RecordedExchange } from './trafficRecording.js';

/** A response the proxy passed on, with the copy of its body kept for the check. */
export type ProxiedResponse = Omit<RecordedExchange, 'body' | 'document'> & {
  source: string;
  /** The raw body copied (still content-encoded), or undefined when it was larger than `maxBytes`. */
  body: Buffer | undefined;
};

/** What a response is to the run: an item (and, for a document, what a recording keeps), or too large to check. */
export type Judged =
  | { oversized: true }
  | { item: TargetItem; decoded: boolean; recorded?: RecordedExchange };

/**
 * Decodes the copy of a response body (never beyond `maxBytes`) and judges it as `check` judges a recorded exchange;
 * the credentials the exchange carried (request headers, credential-like query values, cookies set) are redacted
 * from the document and from what a recording keeps.
 */
export function judgeResponse(response: ProxiedResponse, maxBytes: number): Judged {
  const { source, url, requestHeaders, status, responseHeaders, body, observedAt } = response;
  if (body === undefined) return { oversized: true };
  const encoding = responseHeaders.find(({ name }) => name.toLowerCase() === 'content-encoding')?.value;
  const decoded = decodeBody(body, encoding, maxBytes);
  if ('oversized' in decoded) return { oversized: true };
  if ('error' in decoded)
    return { item: { kind: 'error', source, message: `response body: ${decoded.error}` }, decoded: false };
  const secrets = [
    ...secretValuesOf(requestHeaders),
    ...secretValuesOf([...url.searchParams].map(([name, value]) => ({ name, value }))),
    ...secretValuesOf(
      responseHeaders.filter(({ name }) => name.toLowerCase() === 'set-cookie'),
      true,
    ),
  ];
  const item = exchangeItem({ source, url, requestHeaders, status, body: decoded.text, observedAt, secrets });
  if (item.kind !== 'document') return { item, decoded: true };
  // The body as received, unless it echoed a credential: then the redacted document stands for it.
  const text = redact(decoded.text, secrets) === decoded.text ? decoded.text : JSON.stringify(item.value);
  return { item, decoded: true, recorded: { ...response, body: text, document: item.value } };
}
