/** @internal Building Clerk ids from generated parts, so an id can follow the time of what it names. */
import fc from 'fast-check';
import { encodeKsuid } from '../../ksuid.js';

/** The 128 random bits of a KSUID, as four unsigned 32-bit words. */
export type KsuidPayload = [number, number, number, number];

const word = fc.integer({ min: 0, max: 2 ** 32 - 1 });

/**
 * Random KSUID payloads, uniform as real ones are (fast-check's bias towards small and extreme words would put a
 * third of all ids within a hair of a whole second); they shrink towards zero, so ids that must differ mix in a
 * distinct `salt`.
 */
export const payloadArbitrary: fc.Arbitrary<KsuidPayload> = fc.noBias(fc.tuple(word, word, word, word));

/** `prefix_` + the KSUID of `createdAtMs` and `payload`; `salt` (0-255) replaces the payload's last byte. */
export function clerkId(prefix: string, createdAtMs: number, payload: KsuidPayload, salt = 0): string {
  const [a, b, c, d] = payload;
  return `${prefix}_${encodeKsuid(Math.floor(createdAtMs / 1000), [a, b, c, d - (d % 256) + salt])}`;
}
