import fc from 'fast-check';
import { expect, test } from 'vitest';

test('a failing property reports the seed and path line and the counterexample as JSON', () => {
  let message = '';
  try {
    fc.assert(fc.property(fc.record({ sessions: fc.nat() }), ({ sessions }) => sessions < 3));
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message).toMatch(/\{ seed: -?\d+, path: "[\d:]+", endOnFailure: true \}/);
  expect(message).toContain('Counterexample as JSON:\n[\n  {\n    "sessions": 3\n  }\n]');
});
