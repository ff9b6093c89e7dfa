import { describe, expect, test } from 'vitest';
import {
  checkedNothing,
  exitCodeOf,
  failingViolations,
  type RunOptions,
  runCheck,
} from '../../src/check/runCheck.js';
import { inShard } from '../../src/check/shard.js';
import type { TargetItem } from '../../src/targets/types.js';
import { client, copy } from '../helpers.js';

async function* itemsOf(items: readonly TargetItem[]): AsyncIterable<TargetItem> {
  yield* items;
}

const run = (items: readonly TargetItem[], options?: RunOptions) => runCheck(itemsOf(items), options);

/** A Client broken once for an error rule (timestamps-ordered) and once for a warning rule (id-prefixes). */
function brokenClient() {
  const broken = copy(client(1));
  broken.updated_at = broken.created_at - 1;
  if (broken.sessions[0]) broken.sessions[0].user_id = 'usr_1';
  return broken;
}

const document = (source: string, value: unknown, extra: Partial<TargetItem> = {}): TargetItem =>
  ({ kind: 'document', source, value, ...extra }) as TargetItem;

describe('runCheck', () => {
  test('counts documents and objects per kind and per target, and passes a valid run', async () => {
    const result = await run([
      document('a.json', client(2), { target: 'dir' }),
      document('list.json', [client(0), client(1)], { target: 'dir', observedAt: client(1).updated_at }),
      document('session.json', client(1).sessions[0], { target: 'other' }),
    ]);
    expect(result).toMatchObject({
      ok: true,
      documents: 3,
      clients: 3,
      sessions: 1,
      fapiClients: 0,
      fapiSessions: 0,
      violations: [],
      errors: [],
      errorCount: 0,
      skipped: 0,
      failOn: 'error',
    });
    expect(result.targets.map(({ durationMs: _, ...target }) => target)).toEqual([
      { name: 'dir', documents: 2, observed: 1, clients: 3, sessions: 0, fapiClients: 0, fapiSessions: 0 },
      { name: 'other', documents: 1, observed: 0, clients: 0, sessions: 1, fapiClients: 0, fapiSessions: 0 },
    ]);
    expect(exitCodeOf(result)).toBe(0);
  });

  test('sources each violation: the object in its document, its kind, target and reproduce line', async () => {
    const broken = brokenClient();
    const result = await run([
      document('list.json', [client(0), broken], { target: 'https://x', reproduce: 'curl https://x' }),
    ]);
    expect(result.ok).toBe(false);
    expect(
      result.violations.map(({ rule, path, source, document, kind, target, reproduce }) => ({
        rule,
        path,
        source,
        document,
        kind,
        target,
        reproduce,
      })),
    ).toEqual([
      {
        rule: 'timestamps-ordered',
        path: '/updated_at',
        source: 'list.json#/1',
        document: 'list.json',
        kind: 'client',
        target: 'https://x',
        reproduce: 'curl https://x',
      },
      {
        rule: 'id-prefixes',
        path: '/sessions/0/user_id',
        source: 'list.json#/1',
        document: 'list.json',
        kind: 'client',
        target: 'https://x',
        reproduce: 'curl https://x',
      },
    ]);
    expect(result.violations[0]?.excerpt?.at).toBe('');
    expect(result.violations[1]?.excerpt?.at).toBe('/sessions/0');
    expect(result.tally).toEqual({
      'timestamps-ordered': { severity: 'error', total: 1, known: 0, kept: 1 },
      'id-prefixes': { severity: 'warning', total: 1, known: 0, kept: 1 },
    });
    expect(failingViolations(result).map((violation) => violation.rule)).toEqual(['timestamps-ordered']);
    expect(exitCodeOf(result)).toBe(1);
  });

  test('a bare object is its own source, with no target or reproduce line unless the item has one', async () => {
    const [violation] = (await run([document('c.json', brokenClient())])).violations;
    expect(violation).toMatchObject({ source: 'c.json', document: 'c.json' });
    expect(violation).not.toHaveProperty('target');
    expect(violation).not.toHaveProperty('reproduce');
  });

  test('the lines of an NDJSON file are named by file and line, and are one target: the file', async () => {
    const result = await run([
      document('log.ndjson', client(1), { line: 1 }),
      document('log.ndjson', [client(0), brokenClient()], { line: 2 }),
      { kind: 'error', source: 'log.ndjson', line: 3, message: 'invalid JSON' },
    ]);
    expect(result.violations[0]).toMatchObject({
      source: 'log.ndjson:2#/1',
      document: 'log.ndjson:2',
      target: 'log.ndjson',
    });
    expect(result.errors).toEqual([
      { kind: 'error', source: 'log.ndjson:3', message: 'invalid JSON', target: 'log.ndjson' },
    ]);
    expect(result.targets.map(({ name, documents }) => ({ name, documents }))).toEqual([
      { name: 'log.ndjson', documents: 2 },
    ]);
  });

  test('failOn warning fails on warnings too; only warnings pass the default', async () => {
    const warned = copy(client(1));
    if (warned.sessions[0]) warned.sessions[0].user_id = 'usr_1';
    expect((await run([document('w.json', warned)])).ok).toBe(true);
    const strict = await run([document('w.json', warned)], { failOn: 'warning' });
    expect(strict).toMatchObject({ ok: false, failOn: 'warning' });
    expect(failingViolations(strict)).toHaveLength(1);
    expect(exitCodeOf(strict)).toBe(1);
  });

  test('keeps maxKeptPerRule violations of each rule, and counts them all', async () => {
    const documents = Array.from({ length: 5 }, (_, index) => document(`${index}.json`, brokenClient()));
    const result = await run(documents, { maxKeptPerRule: 2 });
    expect(result.violations.map((violation) => violation.source)).toEqual([
      '0.json',
      '0.json',
      '1.json',
      '1.json',
    ]);
    expect(result.tally['timestamps-ordered']).toEqual({ severity: 'error', total: 5, known: 0, kept: 2 });
    expect(result.ok).toBe(false);
  });

  test('input errors are collected with their target, counted exactly and fail the run with exit code 2', async () => {
    const errors: TargetItem[] = Array.from({ length: 3 }, (_, index) => ({
      kind: 'error',
      source: `${index}.json`,
      message: 'not JSON',
      target: 'dir',
      ...(index === 0 ? { reproduce: 'curl x' } : {}),
    }));
    const result = await run([...errors, document('ok.json', client(1))], { maxKeptErrors: 2 });
    expect(result.errors).toEqual([
      { kind: 'error', source: '0.json', message: 'not JSON', target: 'dir', reproduce: 'curl x' },
      { kind: 'error', source: '1.json', message: 'not JSON', target: 'dir' },
    ]);
    expect(result).toMatchObject({ ok: false, errorCount: 3, documents: 1, clients: 1 });
    expect(exitCodeOf(result)).toBe(2);
  });

  test('a document that is no Client or Session document is an input error naming it', async () => {
    const result = await run([document('err.json', { errors: [{ code: 'resource_not_found' }] })]);
    expect(result.errors).toEqual([
      {
        kind: 'error',
        source: 'err.json',
        message: 'a Clerk error response ("resource_not_found"), not a document to check',
      },
    ]);
    expect(result.ok).toBe(false);
  });

  test('skips are counted; so is a document holding no Client, but not an empty list', async () => {
    const result = await run([
      { kind: 'skipped', source: 'rec.har#3', reason: 'no Client' },
      document('event.json', { object: 'event', type: 'user.created', data: {} }),
      document('empty.json', []),
      document('page.json', { data: [], total_count: 0 }),
      document('a.json', client(0)),
    ]);
    expect(result).toMatchObject({ ok: true, skipped: 2, documents: 4, clients: 1 });
  });

  test('a run that checked nothing has not passed, unless empty runs are allowed or it is a shard', async () => {
    const empty = await run([document('empty.json', [])]);
    expect(empty.errors).toEqual([
      { kind: 'error', source: 'empty.json', message: 'no Client and no Session found: nothing was checked' },
    ]);
    expect(empty.ok).toBe(false);
    expect((await run([])).errors[0]?.source).toBe('the targets');
    expect((await run([document('empty.json', [])], { allowEmpty: true })).ok).toBe(true);
    expect((await run([], { shard: { index: 1, count: 2 } })).ok).toBe(true);
    // One input error is enough to explain an empty run: it is not reported twice.
    const failed = await run([{ kind: 'error', source: 'x.json', message: 'unreadable' }]);
    expect(failed.errorCount).toBe(1);
  });

  test('checks only the documents of its shard', async () => {
    const sources = Array.from({ length: 12 }, (_, index) => `${index}.json`);
    const shard = { index: 2, count: 3 };
    const result = await run(
      sources.map((source) => document(source, client(0))),
      { shard },
    );
    const mine = sources.filter((source) => inShard(source, shard));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(sources.length);
    expect(result.documents).toBe(mine.length);
  });

  test('shards the lines of an NDJSON file by file and line, as a document is named', async () => {
    const shard = { index: 1, count: 2 };
    const lines = Array.from({ length: 12 }, (_, index) => index + 1);
    const result = await run(
      lines.map((line) => document('log.ndjson', client(0), { line })),
      { shard },
    );
    const mine = lines.filter((line) => inShard(`log.ndjson:${line}`, shard));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(lines.length);
    expect(result.documents).toBe(mine.length);
  });

  test('judges each object at its observation time and API version, and as the forced kind', async () => {
    const stale = client(1);
    const expired = (stale.sessions[0]?.expire_at ?? 0) + 1;
    const observed = await run([document('a.json', stale, { observedAt: expired })]);
    expect(observed.violations.map((violation) => violation.rule)).toEqual(['status-matches-clock']);
    const { last_authentication_strategy: _, ...older } = copy(client(0));
    expect((await run([document('a.json', older)])).ok).toBe(false);
    expect((await run([document('a.json', older, { apiVersion: '2025-03-12' })])).ok).toBe(true);
    const asSession = await run([document('a.json', client(0))], { kind: 'session' });
    expect(asSession).toMatchObject({ clients: 0, sessions: 1, ok: false });
  });

  test('reports progress after each document, and every violation before it is counted', async () => {
    const progress: number[] = [];
    const seen: string[] = [];
    const documents = Array.from({ length: 3 }, (_, index) => document(`${index}.json`, brokenClient()));
    const result = await run(documents, {
      maxKeptPerRule: 1,
      onDocument: (count) => progress.push(count),
      onViolation: (violation) => {
        seen.push(`${violation.source} ${violation.rule}`);
        if (violation.source === '1.json') violation.known = true;
      },
    });
    expect(progress).toEqual([1, 2, 3]);
    expect(seen).toHaveLength(6);
    expect(result.tally['timestamps-ordered']).toEqual({ severity: 'error', total: 3, known: 1, kept: 1 });
  });

  test('checkedNothing is true only when every count is zero', () => {
    const none = { clients: 0, sessions: 0, fapiClients: 0, fapiSessions: 0 };
    expect(checkedNothing(none)).toBe(true);
    for (const key of Object.keys(none)) expect(checkedNothing({ ...none, [key]: 1 })).toBe(false);
  });
});
