import { expect, test } from 'vitest';
import { applyBaseline, baselineMatcher, baselineOf, parseBaseline } from '../../src/check/baseline.js';
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

test('parseBaseline names what is not a baseline, entry by entry', () => {
  const entry = { rule: 'r', source: 's', path: '/p' };
  for (const bad of [
    null,
    7,
    { version: 2, violations: [] },
    { version: 1 },
    { version: 1, violations: {} },
    { version: 1, violations: [entry, null] },
    { version: 1, violations: [entry, 'r s /p'] },
    { version: 1, violations: [{ ...entry, path: 7 }] },
    { version: 1, violations: [{ rule: 'r', source: 's' }] },
    { version: 1, violations: [{ source: 's', path: '/p' }] },
  ]) {
    expect(parseBaseline(JSON.stringify(bad)), JSON.stringify(bad)).toMatch(/^not a baseline/);
  }
  expect(parseBaseline(JSON.stringify({ version: 1, violations: [entry] }))).toEqual({
    version: 1,
    violations: [entry],
  });
});

test('a baseline sorts its entries, and a matcher counts and resolves them', () => {
  const baseline = baselineOf(result(['c.json', 'a.json', 'b.json#/3']));
  expect(baseline.violations.map((entry) => entry.source)).toEqual(['a.json', 'b.json#/3', 'c.json']);
  const matcher = baselineMatcher(baseline);
  const [a, , c] = result(['a.json', 'x.json', 'c.json']).violations;
  if (a === undefined || c === undefined) throw new Error('fixture has violations');
  for (const violation of [a, c, { ...a, path: '/other' }]) matcher.mark(violation);
  expect([a.known, c.known]).toEqual([true, true]);
  expect(matcher.outcome('baseline.json')).toEqual({
    file: 'baseline.json',
    known: 2,
    resolved: [{ rule: 'timestamps-ordered', source: 'b.json#/3', path: '/updated_at' }],
  });
});

test('in a sharded run an entry of a list belongs to its document: the one the run saw, else its name', () => {
  const baseline = baselineOf(result(['list.json#/data/3', 'other.json#/7']));
  const shard = { index: 1, count: 2 };
  const resolvedIn = (seen: string[]) => {
    const matcher = baselineMatcher(baseline);
    for (const violation of result(seen).violations) matcher.mark({ ...violation, path: '/gone' });
    return matcher.outcome('b.json', shard).resolved.map((entry) => entry.source);
  };
  const expected = ['list.json#/data/3', 'other.json#/7'].filter((source) =>
    inShard(source.replace(/#.*$/, ''), shard),
  );
  expect(resolvedIn([])).toEqual(expected);
});

test('applyBaseline recounts known violations per rule and the verdict', () => {
  const run = result(['a.json', 'b.json']);
  run.tally['timestamps-ordered'] = { severity: 'error', total: 2, known: 2, kept: 2 };
  applyBaseline(run, baselineOf(result(['a.json'])), 'baseline.json');
  expect(run.tally['timestamps-ordered']?.known).toBe(1);
  expect(run.ok).toBe(false);
  expect(run.baseline).toEqual({ file: 'baseline.json', known: 1, resolved: [] });
});
