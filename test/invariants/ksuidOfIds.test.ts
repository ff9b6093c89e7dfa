import fc from 'fast-check';
import { expect, test } from 'vitest';
import { embedsCreationTime, ksuidOf } from '../../src/invariants/ksuidIds.js';
import { BASE62, encodeKsuid } from '../../src/ksuid.js';
import { referenceSeconds, seconds, word } from '../ksuidReference.js';

/** The reading of an id the rule is specified by: a regular expression for the prefix, BigInt for the KSUID. */
function referenceIdSeconds(id: string): number | undefined {
  const ksuid = /^[a-z]+(?:_[a-z]+)*_(.+)$/.exec(id)?.[1];
  return ksuid === undefined ? undefined : referenceSeconds(ksuid);
}

const ksuid = fc
  .tuple(seconds, fc.tuple(word, word, word, word))
  .map(([time, payload]) => encodeKsuid(time, payload));
// Prefixes right and wrong: words, empty, doubled, leading or trailing underscores, capitals, digits.
const prefix = fc.oneof(
  fc.constantFrom('client', 'sess', 'sess_activity', 'user', 'a', 'a_b_c'),
  fc.string({ unit: fc.constantFrom('a', 'z', '_', 'A', '0', '-', 'é'), maxLength: 8 }),
);
const id = fc.oneof(
  fc.tuple(prefix, ksuid).map(([head, tail]) => `${head}_${tail}`),
  fc
    .tuple(prefix, fc.string({ unit: fc.constantFrom(...BASE62, '_'), minLength: 25, maxLength: 29 }))
    .map(([head, tail]) => `${head}_${tail}`),
  fc.string({ maxLength: 40 }),
);

test('an id is read as a prefix and a KSUID exactly as the regular expression and BigInt reading say', () => {
  fc.assert(
    fc.property(id, (text) => {
      const expected = referenceIdSeconds(text);
      expect(ksuidOf(text)).toBe(expected);
      // Minted in the second it embeds: any millisecond of it, and no other.
      if (expected === undefined) return;
      expect(embedsCreationTime(text, expected * 1000)).toBe(true);
      expect(embedsCreationTime(text, expected * 1000 + 999)).toBe(true);
      expect(embedsCreationTime(text, expected * 1000 + 1000)).toBe(false);
      expect(embedsCreationTime(text, expected * 1000 - 1)).toBe(false);
    }),
    { numRuns: 20_000, seed: 13 },
  );
});
