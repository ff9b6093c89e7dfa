import { describe, expect, test } from 'vitest';
import { countsOf, failsAt, type RuleTally, tallied, truncatedRules } from '../../src/check/ruleTally.js';

describe('rule tallies', () => {
  test('count every violation, known ones too, and keep the first maxKept of each rule', () => {
    const tally: Record<string, RuleTally> = {};
    const kept = [
      tallied(tally, { rule: 'a', severity: 'error' }, 2),
      tallied(tally, { rule: 'a', severity: 'error', known: true }, 2),
      tallied(tally, { rule: 'a', severity: 'error', known: true }, 2),
      tallied(tally, { rule: 'b', severity: 'warning' }, 0),
    ];
    expect(kept).toEqual([true, true, false, false]);
    expect(tally).toEqual({
      a: { severity: 'error', total: 3, known: 2, kept: 2 },
      b: { severity: 'warning', total: 1, known: 0, kept: 0 },
    });
    expect(truncatedRules({ tally })).toEqual([
      { rule: 'a', total: 3, kept: 2 },
      { rule: 'b', total: 1, kept: 0 },
    ]);
  });

  test('errors fail a run; warnings fail it only when it fails on warnings', () => {
    expect(failsAt('error', 'error')).toBe(true);
    expect(failsAt('warning', 'error')).toBe(false);
    expect(failsAt('warning', 'warning')).toBe(true);
    expect(failsAt('error', 'warning')).toBe(true);
  });

  test('countsOf sums the exact counts; known violations never fail, and empty tallies are no broken rule', () => {
    const tally: Record<string, RuleTally> = {
      a: { severity: 'error', total: 3, known: 1, kept: 3 },
      b: { severity: 'warning', total: 2, known: 0, kept: 1 },
      c: { severity: 'error', total: 0, known: 0, kept: 0 },
    };
    expect(countsOf({ tally, failOn: 'error', errorCount: 0 })).toEqual({
      errors: 3,
      warnings: 2,
      known: 1,
      failing: 2,
      rules: 2,
    });
    expect(countsOf({ tally, failOn: 'warning', errorCount: 0 }).failing).toBe(4);
    expect(truncatedRules({ tally })).toEqual([{ rule: 'b', total: 2, kept: 1 }]);
  });
});
