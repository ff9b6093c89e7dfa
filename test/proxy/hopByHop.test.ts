import { expect, test } from 'vitest';
import { endToEndHeaders, pairsOf } from '../../src/proxy/hopByHop.js';

test('hop-by-hop headers and those Connection names are dropped; the rest keep their case, order and repeats', () => {
  const raw = [
    'Content-Type',
    'application/json',
    'Connection',
    'keep-alive, X-Hop',
    'Keep-Alive',
    'timeout=5',
    'X-Hop',
    'one',
    'Set-Cookie',
    'a=1',
    'Transfer-Encoding',
    'chunked',
    'set-cookie',
    'b=2',
    'Proxy-Authorization',
    'Basic abc',
    'TE',
    'trailers',
    'Upgrade',
    'h2c',
  ];
  expect(endToEndHeaders(raw)).toEqual([
    'Content-Type',
    'application/json',
    'Set-Cookie',
    'a=1',
    'set-cookie',
    'b=2',
  ]);
});

test('replaced headers take the place of the originals, whatever their case', () => {
  expect(endToEndHeaders(['HOST', 'localhost:4011', 'Accept', '*/*'], { host: 'api.clerk.com' })).toEqual([
    'Accept',
    '*/*',
    'host',
    'api.clerk.com',
  ]);
});

test('pairsOf reads a raw list as name and value pairs', () => {
  expect(pairsOf(['A', '1', 'b', '2'])).toEqual([
    { name: 'A', value: '1' },
    { name: 'b', value: '2' },
  ]);
});
