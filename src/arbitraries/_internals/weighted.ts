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

/**
 * A Client's sessions: realistic Clients mostly hold one (11 of 14 real captures; 3 hold none), some several;
 * otherwise any count within the constraints. The count choice shrinks across to "one", so a failure shrinks to one session.
 */
export function sessionListArbitrary<T>(
  session: fc.Arbitrary<T>,
  {
    minSessions: min,
    maxSessions: max,
    realistic,
  }: { minSessions: number; maxSessions: number; realistic: boolean },
): fc.Arbitrary<T[]> {
  if (!realistic) return fc.array(session, { minLength: min, maxLength: max });
  const counts: fc.WeightedArbitrary<'one' | 'several' | 'none'>[] = [];
  if (min <= 1 && max >= 1) counts.push({ arbitrary: fc.constant('one'), weight: 6 });
  if (max >= 2) counts.push({ arbitrary: fc.constant('several'), weight: 2 });
  if (min === 0) counts.push({ arbitrary: fc.constant('none'), weight: 2 });
  const list = fc.array(session, { minLength: Math.max(min, Math.min(2, max)), maxLength: max });
  return fc
    .tuple(fc.oneof({ withCrossShrink: true }, ...counts), list)
    .map(([count, sessions]) => (count === 'none' ? [] : count === 'one' ? sessions.slice(0, 1) : sessions));
}
