import { expect, test } from 'vitest';
import { inShard, parseShard } from '../../src/check/shard.js';

test('every source lands in exactly one shard, and the split is roughly even', () => {
  const sources = Array.from({ length: 4000 }, (_, line) => `recording.ndjson:${line + 1}`);
  const sizes = [1, 2, 3, 4].map(
    (index) => sources.filter((source) => inShard(source, { index, count: 4 })).length,
  );
  expect(sizes.reduce((a, b) => a + b)).toBe(4000);
  for (const size of sizes) expect(size).toBeGreaterThan(800);
  for (const source of sources.slice(0, 50)) {
    expect([1, 2, 3, 4].filter((index) => inShard(source, { index, count: 4 }))).toHaveLength(1);
  }
});

test('parseShard takes i/n and explains anything else', () => {
  expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
  for (const bad of ['0/4', '5/4', '1/0', 'a/b', '2']) expect(parseShard(bad)).toMatch(/^--shard takes i\/n/);
});

test('parseShard takes the whole text, numbers of any length, and i = n', () => {
  expect(parseShard('12/12')).toEqual({ index: 12, count: 12 });
  expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
  for (const bad of ['x1/2', '1/2x', '3/2', '2/1', '0/0'])
    expect(parseShard(bad)).toMatch(/^--shard takes i\/n/);
  expect(inShard('', { index: 1, count: 1 })).toBe(true);
  // The hash reads the last character too.
  const last = [1, 2, 3, 4].map((index) =>
    ['a', 'b', 'c', 'd', 'e', 'f'].filter((c) => inShard(`x${c}`, { index, count: 4 })),
  );
  expect(last.filter((sources) => sources.length > 0).length).toBeGreaterThan(1);
});
