/** @internal Building Clerk ids from generated parts, so an id can follow the time of what it names. */
import fc from 'fast-check';
import { encodeKsuid } from '../../ksuid.js';

/** The draw behind a KSUID's 128 random bits: one unsigned 32-bit word, which {@link clerkId} spreads over them. */
export type KsuidPayload = number;

/**
 * Random KSUID payloads, uniform as real ones are (fast-check's bias towards small and extreme words would put a
 * third of all ids within a hair of a whole second), drawn as one word rather than four: a quarter of the draws
 * for ids that look the same. They shrink towards zero, so ids that must differ mix in a distinct `salt`.
 */
export const payloadArbitrary: fc.Arbitrary<KsuidPayload> = fc.noBias(
  fc.integer({ min: 0, max: 2 ** 32 - 1 }),
);

/** `prefix_` + the KSUID of `createdAtMs` and `payload`; `salt` (0-255) replaces the payload's last byte. */
export function clerkId(prefix: string, createdAtMs: number, payload: KsuidPayload, salt = 0): string {
  // The draw, then three rounds of a bijective 32-bit mix (MurmurHash3's finalizer): zero stays all zeros.
  const b = mix(payload);
  const c = mix(b);
  const d = mix(c);
  return `${prefix}_${encodeKsuid(Math.floor(createdAtMs / 1000), [payload, b, c, d - (d % 256) + salt])}`;
}

function mix(word: number): number {
  let h = word ^ (word >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
