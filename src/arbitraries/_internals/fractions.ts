/** @internal Fractions in millionths: independent draws mapped into ranges that depend on other draws. */
import fc from 'fast-check';

/** A fraction in millionths; it shrinks to 0, the start of its range. */
export const fractionArbitrary = fc.integer({ min: 0, max: 1_000_000 });

/** `fraction` millionths of `span`, rounded down. */
export function scale(fraction: number, span: number): number {
  return Math.floor((span * fraction) / 1_000_000);
}
