import fc from 'fast-check';
import { InvalidOptionError } from '../invalidOption.js';
import { DEFAULT_NOW } from './_internals/constraints.js';
import { clerkId, payloadArbitrary } from './_internals/ids.js';

/** Constraints of {@link clerkIdArbitrary}. */
export type ClerkIdConstraints = {
  /** Earliest creation time the id embeds, in ms. @defaultValue `1577836800000` (2020-01-01) */
  minCreatedAt?: number;
  /** Latest creation time the id embeds, in ms. @defaultValue `1764547200000` (2025-12-01) */
  maxCreatedAt?: number;
};

const PREFIX = /^[a-z]+(?:_[a-z]+)*$/;
const KSUID_RANGE_MS = [1_400_000_000_000, (1_400_000_000 + 2 ** 32 - 1) * 1000] as const;

/**
 * Clerk ids: `prefix_` and a 27-character base62 KSUID whose embedded time lies in the range
 * (`clerkIdArbitrary('sess')` gives ids like `sess_2ohNuwneFr80nhXTD6nCkqmnYIq`).
 */
export function clerkIdArbitrary(prefix: string, constraints: ClerkIdConstraints = {}): fc.Arbitrary<string> {
  const { minCreatedAt = Date.UTC(2020, 0, 1), maxCreatedAt = DEFAULT_NOW } = constraints;
  if (!PREFIX.test(prefix)) {
    throw new InvalidOptionError(
      `clerkIdArbitrary: prefix must be lowercase words joined by _, got ${JSON.stringify(prefix)}`,
    );
  }
  for (const [name, value] of [
    ['minCreatedAt', minCreatedAt],
    ['maxCreatedAt', maxCreatedAt],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < KSUID_RANGE_MS[0] || value > KSUID_RANGE_MS[1]) {
      throw new InvalidOptionError(
        `clerkIdArbitrary: ${name} must be a ms time a KSUID can hold (2014 to 2150), got ${value}`,
      );
    }
  }
  if (minCreatedAt > maxCreatedAt) {
    throw new InvalidOptionError(
      `clerkIdArbitrary: minCreatedAt (${minCreatedAt}) must not exceed maxCreatedAt (${maxCreatedAt})`,
    );
  }
  return fc
    .tuple(fc.integer({ min: minCreatedAt, max: maxCreatedAt }), payloadArbitrary)
    .map(([createdAt, payload]) => clerkId(prefix, createdAt, payload));
}
