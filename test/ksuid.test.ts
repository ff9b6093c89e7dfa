import fc from 'fast-check';
import { expect, test } from 'vitest';
import { BASE62, encodeKsuid, KSUID_EPOCH_SECONDS, ksuidSeconds } from '../src/ksuid.js';
import { referenceEncode, referenceSeconds, seconds, word } from './ksuidReference.js';

test('encodeKsuid and ksuidSeconds agree with the BigInt reference on 10^5 ids', () => {
  fc.assert(
    fc.property(seconds, fc.tuple(word, word, word, word), (time, payload) => {
      // A boolean rather than expect: 10^5 runs stay quick, and fast-check prints the counterexample.
      const text = encodeKsuid(time, payload);
      return text === referenceEncode(time, payload) && ksuidSeconds(text) === time;
    }),
    { numRuns: 100_000, seed: 13 },
  );
});

// Every length near 27, digits of the whole range (the top digit decides overflow) and chars outside base62.
const nearKsuid = fc.oneof(
  fc.string({ unit: fc.constantFrom(...BASE62), minLength: 27, maxLength: 27 }),
  fc
    .tuple(
      fc.constantFrom(...'0123456789abcdz'),
      fc.string({ unit: fc.constantFrom(...BASE62), minLength: 26, maxLength: 26 }),
    )
    .map(([first, rest]) => first + rest),
  fc.string({ unit: fc.constantFrom(...BASE62, '-', '_', 'é', '\u{1F600}'), minLength: 25, maxLength: 28 }),
);

test('ksuidSeconds agrees with the BigInt reference on any string near a KSUID', () => {
  fc.assert(
    fc.property(nearKsuid, (text) => {
      expect(ksuidSeconds(text)).toBe(referenceSeconds(text));
    }),
    { numRuns: 20_000, seed: 13 },
  );
});

test('the extremes of the KSUID range encode to its known bounds, and one past it is no KSUID', () => {
  expect(encodeKsuid(KSUID_EPOCH_SECONDS, [0, 0, 0, 0])).toBe('000000000000000000000000000');
  const max = 2 ** 32 - 1;
  expect(encodeKsuid(KSUID_EPOCH_SECONDS + max, [max, max, max, max])).toBe('aWgEPTl1tmebfsQzFP4bxwgy80V');
  expect(ksuidSeconds('aWgEPTl1tmebfsQzFP4bxwgy80V')).toBe(KSUID_EPOCH_SECONDS + max);
  expect(ksuidSeconds('aWgEPTl1tmebfsQzFP4bxwgy80W')).toBeUndefined();
  expect(ksuidSeconds('zzzzzzzzzzzzzzzzzzzzzzzzzzz')).toBeUndefined();
  expect(ksuidSeconds('00000000000000000000000000')).toBeUndefined();
});

// Payloads at the edges of a second (all zeros, all ones, and their neighbours) put the floating-point seconds
// within a hair of a whole number: the exact decoding must decide them.
const edgeWord = fc.constantFrom(0, 1, 2, 2 ** 31, 2 ** 32 - 3, 2 ** 32 - 2, 2 ** 32 - 1);

test('ksuidSeconds is exact at the edges of a second, where floating point alone would round', () => {
  fc.assert(
    fc.property(seconds, fc.tuple(edgeWord, edgeWord, edgeWord, word), (time, payload) => {
      const text = referenceEncode(time, payload);
      return ksuidSeconds(text) === time && ksuidSeconds(text) === referenceSeconds(text);
    }),
    { numRuns: 20_000, seed: 13 },
  );
});
