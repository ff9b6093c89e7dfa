import { expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/invalidOption.js';
import { apiVersionOn, resolveApiVersion } from '../../src/schema/apiVersion.js';

test('a date means the version in effect on it', () => {
  expect(apiVersionOn('2025-04-10')).toBe('2025-04-10');
  expect(apiVersionOn('2025-04-09')).toBe('2025-03-12');
  expect(apiVersionOn('2030-01-01')).toBe('2026-05-12');
  expect(resolveApiVersion(undefined)).toBe('2026-05-12');
});

test.each(['2020-01-01', '2025-02-30', '2025-13-01', '9999-99-99', 'yesterday', ''])(
  '%j is no API version: an option error naming it',
  (text) => {
    expect(apiVersionOn(text)).toBeUndefined();
    expect(() => resolveApiVersion(text)).toThrow(InvalidOptionError);
  },
);
