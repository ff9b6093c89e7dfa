import { describe, expect, test } from 'vitest';
import { parseJson } from '../../src/targets/parseJson.js';

describe('parseJson', () => {
  test('parses JSON and skips a UTF-8 byte order mark', () => {
    expect(parseJson('\uFEFF{"object":"client"}')).toEqual({ ok: true, value: { object: 'client' } });
  });

  test.each([
    ['{"a": }', 'invalid JSON: value expected at line 1, column 7'],
    ['{\n  "a": 1,\n  "b": tru\n}', 'invalid JSON: invalid symbol at line 3, column 8'],
    ['[1,2', 'invalid JSON: close bracket expected at line 1, column 5'],
    ['{"a":1,}', 'invalid JSON: property name expected at line 1, column 8'],
    ['{"a":1} x', 'invalid JSON: invalid symbol at line 1, column 9'],
  ])('names the line and column of the first error in %j', (text, message) => {
    expect(parseJson(text)).toEqual({ ok: false, message });
  });

  test.each(['', '   \n', '\uFEFF'])('calls an empty document empty: %j', (text) => {
    expect(parseJson(text)).toEqual({ ok: false, message: 'empty document: expected JSON' });
  });
});
