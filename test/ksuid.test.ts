import fc from 'fast-check';
import { expect, test } from 'vitest';
import { BASE62, encodeKsuid, KSUID_EPOCH_SECONDS, ksuidSeconds } from '../src/ksuid.js';

const word = fc.integer({ min: 0, max: 2 ** 32 - 1 });
const seconds = fc.integer({ min: KSUID_EPOCH_SECONDS, max: KSUID_EPOCH_SECONDS + 2 ** 32 - 1 });

/** The reference encoding, with BigInt. */
function reference(time: number, payload: number[]): string {
  let value = BigInt(time - KSUID_EPOCH_SECONDS);
  for (const part of payload) value = (value << 32n) | BigInt(part);
  let text = '';
  for (let i = 0; i < 27; i++) {
    text = BASE62[Number(value % 62n)] + text;
    value /= 62n;
  }
  return text;
}

test('encodeKsuid agrees with the BigInt reference and round-trips its time', () => {
  fc.assert(
    fc.property(seconds, fc.tuple(word, word, word, word), (time, payload) => {
      const text = encodeKsuid(time, payload);
      expect(text).toBe(reference(time, payload));
      expect(ksuidSeconds(text)).toBe(time);
    }),
    { numRuns: 2000 },
  );
});

test('the extremes of the KSUID range encode to its known bounds', () => {
  expect(encodeKsuid(KSUID_EPOCH_SECONDS, [0, 0, 0, 0])).toBe('000000000000000000000000000');
  const max = 2 ** 32 - 1;
  expect(encodeKsuid(KSUID_EPOCH_SECONDS + max, [max, max, max, max])).toBe('aWgEPTl1tmebfsQzFP4bxwgy80V');
});
