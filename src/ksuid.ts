/**
 * KSUIDs: 4 bytes of big-endian seconds since 1,400,000,000, then 16 random bytes, in 27 base62 chars.
 * Encoding works on ten 16-bit limbs, two base62 digits at a time: every step stays a small integer, so it is exact
 * without BigInt (generation encodes every id). Decoding (every id, in the strict profile) reads the seconds in
 * floating point and falls back to the limbs only where rounding could change them.
 */

export const KSUID_EPOCH_SECONDS = 1_400_000_000;
export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const KSUID_LENGTH = 27;

/** 160 bits in 16-bit limbs, least significant first. */
const LIMBS = 10;
/** Two base62 digits: a limb times it plus a carry stays below 2^28. */
const PAIR = 62 * 62;
/** The digit of each ASCII code, -1 for a code that is not base62. */
const DIGIT = new Int8Array(128).fill(-1);
for (let digit = 0; digit < BASE62.length; digit++) DIGIT[BASE62.charCodeAt(digit)] = digit;
const CHAR_CODE = Array.from(BASE62, (char) => char.charCodeAt(0));

// Scratch space: both functions are synchronous and reentrant-free, so one buffer serves every call.
const limbs = new Int32Array(LIMBS);
const codes: number[] = new Array(KSUID_LENGTH).fill(0);

/**
 * The Unix seconds of the KSUID that `text` is from `start` to its end, or undefined when that is not one (a bad
 * char, another length, or a value past 2^160).
 */
export function ksuidSeconds(text: string, start = 0): number | undefined {
  if (text.length - start !== KSUID_LENGTH) return undefined;
  // In floating point first: the 160-bit value comes out within a relative 2^-47 (54 roundings), so its seconds,
  // below 2^32, within 2^-15 of the truth; unless they lie within FLOAT_MARGIN of a whole second or at the top of
  // the range, their floor is exact. The rest (about 1 in 4,000 random ids) is decoded exactly with limbs.
  let approximate = 0;
  for (let index = 0; index < KSUID_LENGTH; index++) {
    const digit = digitAt(text, start + index);
    if (digit < 0) return undefined;
    approximate = approximate * 62 + digit;
  }
  const seconds = approximate / 2 ** 128;
  const whole = Math.floor(seconds);
  if (seconds - whole > FLOAT_MARGIN && seconds - whole < 1 - FLOAT_MARGIN && whole < 2 ** 32 - 1)
    return whole + KSUID_EPOCH_SECONDS;
  return exactSeconds(text, start);
}

/** How close to a whole second the floating-point seconds may come before the exact decoding decides: 4× the error. */
const FLOAT_MARGIN = 2 ** -13;

/** The limb decoding: exact for every text of 27 base62 digits, undefined past 2^160. */
function exactSeconds(text: string, start: number): number | undefined {
  limbs.fill(0);
  // 27 digits: one alone, then 13 pairs.
  let carry = digitAt(text, start);
  if (carry < 0 || !multiplyAdd(1, carry)) return undefined;
  for (let index = start + 1; index < start + KSUID_LENGTH; index += 2) {
    const high = digitAt(text, index);
    const low = digitAt(text, index + 1);
    if (high < 0 || low < 0) return undefined;
    carry = high * 62 + low;
    if (!multiplyAdd(PAIR, carry)) return undefined;
  }
  return (limbs[9] as number) * 0x10000 + (limbs[8] as number) + KSUID_EPOCH_SECONDS;
}

function digitAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code < 128 ? (DIGIT[code] as number) : -1;
}

/** limbs = limbs * factor + addend; false when the result no longer fits in 160 bits. */
function multiplyAdd(factor: number, addend: number): boolean {
  let carry = addend;
  for (let i = 0; i < LIMBS; i++) {
    const value = (limbs[i] as number) * factor + carry;
    limbs[i] = value & 0xffff;
    carry = value >>> 16;
  }
  return carry === 0;
}

/**
 * The KSUID for `seconds` (Unix, from 2014-05-13 to 2150) and a 128-bit payload given as four unsigned 32-bit
 * words, most significant first.
 */
export function encodeKsuid(seconds: number, payload: readonly [number, number, number, number]): string {
  setWord(4, seconds - KSUID_EPOCH_SECONDS);
  for (let word = 0; word < 4; word++) setWord(3 - word, payload[word] as number);
  // Digits come out least significant first, two per division by 62^2; the limbs above the value are skipped.
  let top = LIMBS - 1;
  for (let index = KSUID_LENGTH - 1; index >= 0; index -= 2) {
    while (top > 0 && limbs[top] === 0) top--;
    let remainder = 0;
    for (let i = top; i >= 0; i--) {
      const value = remainder * 0x10000 + (limbs[i] as number);
      const quotient = (value / PAIR) | 0;
      limbs[i] = quotient;
      remainder = value - quotient * PAIR;
    }
    const high = (remainder / 62) | 0;
    codes[index] = CHAR_CODE[remainder - high * 62] as number;
    if (index > 0) codes[index - 1] = CHAR_CODE[high] as number;
  }
  return String.fromCharCode.apply(null, codes);
}

/** Puts a 32-bit word at word position `position` (0 least significant) of the limbs. */
function setWord(position: number, word: number): void {
  limbs[position * 2] = word & 0xffff;
  limbs[position * 2 + 1] = word >>> 16;
}
