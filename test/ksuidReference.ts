import fc from 'fast-check';
import { BASE62, KSUID_EPOCH_SECONDS } from '../src/ksuid.js';

/** The reference KSUID encoding and decoding, with BigInt, and the ranges of a KSUID's parts. */

export const word = fc.integer({ min: 0, max: 2 ** 32 - 1 });
export const seconds = fc.integer({ min: KSUID_EPOCH_SECONDS, max: KSUID_EPOCH_SECONDS + 2 ** 32 - 1 });
const MAX_KSUID = (1n << 160n) - 1n;

/** The reference encoding, with BigInt. */
export function referenceEncode(time: number, payload: readonly number[]): string {
  let value = BigInt(time - KSUID_EPOCH_SECONDS);
  for (const part of payload) value = (value << 32n) | BigInt(part);
  let text = '';
  for (let i = 0; i < 27; i++) {
    text = BASE62[Number(value % 62n)] + text;
    value /= 62n;
  }
  return text;
}

/** The reference decoding, with BigInt. */
export function referenceSeconds(text: string): number | undefined {
  if (text.length !== 27) return undefined;
  let value = 0n;
  for (const char of text) {
    const digit = BASE62.indexOf(char);
    if (digit === -1) return undefined;
    value = value * 62n + BigInt(digit);
  }
  return value > MAX_KSUID ? undefined : Number(value >> 128n) + KSUID_EPOCH_SECONDS;
}
