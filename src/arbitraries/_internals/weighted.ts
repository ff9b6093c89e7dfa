/** @internal Weighted choices for realistic frequencies (real data is mostly null here, mostly on time there). */
import fc from 'fast-check';

/** `null` or a value, in the given proportions. */
export function withNull<T>(
  value: fc.Arbitrary<T>,
  nullWeight: number,
  valueWeight: number,
): fc.Arbitrary<T | null> {
  return fc.oneof(
    { arbitrary: fc.constant(null), weight: nullWeight },
    { arbitrary: value, weight: valueWeight },
  );
}

/** A clock quirk of `min`-`max` ms in one case out of `1 + noneWeight` when realistic, else never (0). */
export function quirkMsArbitrary(
  realistic: boolean,
  min: number,
  max: number,
  noneWeight: number,
): fc.Arbitrary<number> {
  if (!realistic) return fc.constant(0);
  return fc.oneof(
    { arbitrary: fc.constant(0), weight: noneWeight },
    { arbitrary: fc.integer({ min, max }), weight: 1 },
  );
}
