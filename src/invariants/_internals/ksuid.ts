/** @internal KSUIDs: 4 bytes of big-endian seconds since 1,400,000,000, then 16 random bytes, in 27 base62 chars. */

export const KSUID_EPOCH_SECONDS = 1_400_000_000;
export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const KSUID_LENGTH = 27;
const MAX_KSUID = (1n << 160n) - 1n;

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

/** The KSUID for `seconds` (Unix) and a 128-bit payload. */
export function encodeKsuid(seconds: number, payload: bigint): string {
  let value = (BigInt(seconds - KSUID_EPOCH_SECONDS) << 128n) | (payload & ((1n << 128n) - 1n));
  let text = '';
  for (let i = 0; i < KSUID_LENGTH; i++) {
    text = BASE62[Number(value % 62n)] + text;
    value /= 62n;
  }
  return text;
}
