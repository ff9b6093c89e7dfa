/**
 * KSUIDs: 4 bytes of big-endian seconds since 1,400,000,000, then 16 random bytes, in 27 base62 chars.
 * Encoding works on ten 16-bit limbs, two base62 digits at a time: every step stays a small integer, so it is exact
 * without BigInt (generation encodes every id). Decoding (every id, in the strict profile) reads the seconds from the
 * first 8 digits in floating point, and exactly (in 26-bit limbs) only where the others or rounding could change them.
 */

export const KSUID_EPOCH_SECONDS = 1_400_000_000;
export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const KSUID_LENGTH = 27;

/** 160 bits in 16-bit limbs, least significant first. */
const LIMBS = 10;
/** Two base62 digits: a limb times it plus a carry stays below 2^28. */
const PAIR = 62 * 62;
/** The digit of every UTF-16 code unit, -1 where it is not base62: a lookup needs no range check. */
const DIGIT = new Int8Array(0x10000).fill(-1);
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
  // The seconds are the top 32 of 160 bits: the first 8 digits (an exact integer below 2^53) decide them, and the
  // other 19 add less than TAIL_SECONDS; they only need to be base62 digits, which is checked without arithmetic.
  let head = 0;
  for (let index = start; index < start + HEAD_DIGITS; index++) {
    const digit = digitAt(text, index);
    if (digit < 0) return undefined;
    head = head * 62 + digit;
  }
  let digits = 0;
  for (let index = start + HEAD_DIGITS; index < text.length; index++) digits |= digitAt(text, index);
  if (digits < 0) return undefined;
  // head * TAIL_SECONDS is within 2^-19 of the truth (two roundings); unless the seconds it gives, plus the tail's
  // share, could reach or cross a whole second (1 random id in about 3,600), or sit at the top of the range, its
  // floor is exact.
  const seconds = head * TAIL_SECONDS;
  const whole = Math.floor(seconds);
  const fraction = seconds - whole;
  if (fraction > FLOAT_MARGIN && fraction < 1 - TAIL_SECONDS - FLOAT_MARGIN && whole < 2 ** 32 - 1)
    return whole + KSUID_EPOCH_SECONDS;
  return exactSeconds(text, start);
}

/** The leading digits read as one integer: 62^8 < 2^53, so the reading is exact. */
const HEAD_DIGITS = 8;
/** What one unit of the head is worth in seconds: 62^19 / 2^128 (about 3.2e-5), also a bound on the tail's share. */
const TAIL_SECONDS = 62 ** (KSUID_LENGTH - HEAD_DIGITS) / 2 ** 128;
/** How close to a whole second the floating-point seconds may come before the exact decoding decides. */
const FLOAT_MARGIN = 2 ** -13;

/** Four base62 digits: a 26-bit limb times it plus a carry stays below 2^53, so every step is exact. */
const QUAD = 62 ** 4;
const LIMB = 2 ** 26;

/** The exact decoding's value in seven 26-bit limbs, least significant first (bits 156 to 181 in the last). */
const wide = new Float64Array(7);

/**
 * The exact decoding, for every text of 27 base62 digits (undefined past 2^160), three digits then four at a time;
 * rare (1 random id in about 3,600), so a plain loop.
 */
function exactSeconds(text: string, start: number): number | undefined {
  wide.fill(0);
  for (let index = start; index < start + 3; index++)
    wide[0] = (wide[0] as number) * 62 + digitAt(text, index);
  for (let index = start + 3; index < start + KSUID_LENGTH; index += 4) {
    let carry = 0;
    for (let digit = index; digit < index + 4; digit++) carry = carry * 62 + digitAt(text, digit);
    for (let limb = 0; limb < 6; limb++) {
      const value = (wide[limb] as number) * QUAD + carry;
      carry = Math.floor(value / LIMB);
      wide[limb] = value - carry * LIMB;
    }
    wide[6] = (wide[6] as number) * QUAD + carry;
    // Past bit 159 the value no longer fits in 160 bits, and it only grows.
    if ((wide[6] as number) >= 16) return undefined;
  }
  // The seconds are bits 128 to 159: the top 2 bits of limb 4, then limbs 5 and 6.
  return (
    Math.floor((wide[4] as number) / 2 ** 24) +
    (wide[5] as number) * 4 +
    (wide[6] as number) * 2 ** 28 +
    KSUID_EPOCH_SECONDS
  );
}

function digitAt(text: string, index: number): number {
  return DIGIT[text.charCodeAt(index)] as number;
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
