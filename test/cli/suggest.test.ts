import { expect, test } from 'vitest';
import { closestMatch, didYouMean } from '../../src/cli/suggest.js';

const FLAGS = ['--format', '--fail-on', '--profile', '--report', '--report-dir', '--rule', '--config'];

test.each([
  ['--formt', '--format'],
  ['--prifile', '--profile'],
  ['--reprot', '--report'],
  ['--fail', '--fail-on'],
  ['--rules', '--rule'],
])('%s suggests %s', (typed, meant) => {
  expect(closestMatch(typed, FLAGS)).toBe(meant);
});

test.each(['--colour', '--zzz', '-x'])('%s is too far from every flag for a suggestion', (typed) => {
  expect(closestMatch(typed, FLAGS)).toBeUndefined();
  expect(didYouMean(typed, FLAGS)).toBe('');
});

test('commands: chek is check, lint is nothing', () => {
  expect(didYouMean('chek', ['check', 'serve', 'generate'])).toBe(' (did you mean check?)');
  expect(closestMatch('lint', ['check', 'serve', 'generate'])).toBeUndefined();
});
