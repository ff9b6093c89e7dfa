import { expect, test } from 'vitest';
import { applyBaseline, baselineOf, parseBaseline } from '../../src/check/baseline.js';
import type { RunResult } from '../../src/check/runCheck.js';
import { inShard } from '../../src/check/shard.js';

function result(sources: string[]): RunResult {
  return {
    ok: false,
    documents: sources.length,
    clients: sources.length,
    sessions: 0,
    fapiClients: 0,
    fapiSessions: 0,
    violations: sources.map((source) => ({
      source,
      kind: 'client',
      document: source.replace(/#.*$/, ''),
      rule: 'timestamps-ordered',
      severity: 'error',
      path: '/updated_at',
      message: 'must be at or after created_at',
    })),
    tally: {
      'timestamps-ordered': { severity: 'error', total: sources.length, known: 0, kept: sources.length },
    },
    errors: [],
    errorCount: 0,
    skipped: 0,
    targets: [],
    failOn: 'error',
    startedAt: 0,
    durationMs: 0,
  };
}

test('a baseline round-trips, sorted and without duplicates', () => {
  const baseline = baselineOf(result(['b.json', 'a.json#/1', 'b.json']));
  expect(baseline.violations.map((entry) => entry.source)).toEqual(['a.json#/1', 'b.json']);
  expect(parseBaseline(JSON.stringify(baseline))).toEqual(baseline);
  expect(parseBaseline('[]')).toMatch(/^not a baseline/);
  expect(parseBaseline('{')).toMatch(/^not JSON/);
});

test('known violations stop failing the run; in a shard, only that shard’s entries count as resolved', () => {
  const baseline = baselineOf(result(['a.json', 'b.json', 'c.json#/data/2']));
  const shard = { index: 1, count: 2 };
  const mine = ['a.json', 'b.json', 'c.json'].filter((source) => inShard(source, shard));
  const run = result([]);
  const outcome = applyBaseline(run, baseline, 'baseline.json', shard);
  expect(outcome.resolved.map((entry) => entry.source.replace(/#.*$/, '')).sort()).toEqual(mine.sort());

  const again = result(['a.json']);
  applyBaseline(again, baseline, 'baseline.json');
  expect(again.violations[0]?.known).toBe(true);
  expect(again.ok).toBe(true);
});
