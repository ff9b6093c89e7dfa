import { expect, test } from 'vitest';
import { ansi, colourFor, plain } from '../../src/report/style.js';

const terminal = { isTTY: true, hasColors: () => true };
const pipe = { isTTY: false };

test.each<[Record<string, string>, { isTTY: boolean; hasColors?: () => boolean }, boolean]>([
  [{}, terminal, true],
  [{}, pipe, false],
  [{}, { isTTY: true, hasColors: () => false }, false],
  [{ NO_COLOR: '1' }, terminal, false],
  [{ NO_COLOR: '' }, terminal, true],
  [{ FORCE_COLOR: '1' }, pipe, true],
  [{ FORCE_COLOR: '' }, pipe, true],
  [{ FORCE_COLOR: '0' }, terminal, false],
  [{ FORCE_COLOR: '1', NO_COLOR: '1' }, pipe, true],
])('colour with env %j on %j: %s', (env, stream, expected) => {
  expect(colourFor(env, stream)).toBe(expected);
});

test('ansi styles through util.styleText whatever the stream; plain leaves text alone', () => {
  expect(ansi(['bold', 'red'], 'x')).toBe('\u001b[1m\u001b[31mx\u001b[39m\u001b[22m');
  expect(plain(['bold', 'red'], 'x')).toBe('x');
});
