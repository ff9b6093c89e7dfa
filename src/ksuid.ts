/** KSUIDs: 4 bytes of big-endian seconds since 1,400,000,000, then 16 random bytes, in 27 base62 chars. */

export const KSUID_EPOCH_SECONDS = 1_400_000_000;
export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const KSUID_LENGTH = 27;
const MAX_KSUID = (1n << 160n) - 1n;
const UINT32 = 2 ** 32;

/** The Unix seconds a KSUID embeds, or undefined when `text` is not one. */
export function ksuidSeconds(text: string): number | undefined {
  if (text.length !== KSUID_LENGTH) return undefined;
  let value = 0n;
  for (const char of text) {
    const digit = BASE62.indexOf(char);
    if (digit === -1) return undefined;
    value = value * 62n + BigInt(digit);
  }
  if (value > MAX_KSUID) return undefined;
  return Number(value >> 128n) + KSUID_EPOCH_SECONDS;
}

/**
 * The KSUID for `seconds` (Unix, from 2014-05-13 to 2150) and a 128-bit payload given as four unsigned 32-bit
 * words, most significant first. Long division on 32-bit words keeps generation free of BigInt.
 */
export function encodeKsuid(seconds: number, payload: readonly [number, number, number, number]): string {
  const words = [seconds - KSUID_EPOCH_SECONDS, ...payload];
  let text = '';
  for (let digit = 0; digit < KSUID_LENGTH; digit++) {
    let remainder = 0;
    for (let i = 0; i < words.length; i++) {
      // remainder < 62, so remainder * 2^32 + word < 2^38: exact in a double.
      const current = remainder * UINT32 + (words[i] as number);
      words[i] = Math.floor(current / 62);
      remainder = current % 62;
    }
    text = BASE62[remainder] + text;
  }
  return text;
}
