import { expect, test } from 'vitest';
import { startRun } from '../../src/check/runCheck.js';
import { client } from '../helpers.js';

const broken = { ...client(1), last_active_session_id: 'sess_2ohNloGlvbsE5jE9la8jNih1yka' };

test('add returns the violations of each item as it is checked', () => {
  const run = startRun();
  expect(run.add({ kind: 'document', source: 'a', value: client(1) })).toEqual([]);
  expect(
    run.add({ kind: 'document', source: 'b', value: broken }).map((violation) => violation.rule),
  ).toEqual(['last-active-session-listed']);
  const result = run.finish();
  expect(result).toMatchObject({ ok: false, documents: 2, clients: 2 });
});

test('a snapshot is the result as if the run ended now, and the run goes on unchanged', () => {
  const run = startRun();
  const empty = run.snapshot();
  expect(empty.ok).toBe(false);
  expect(empty.errors.map((error) => error.message)).toEqual([
    'no Client and no Session found: nothing was checked',
  ]);
  run.add({ kind: 'document', source: 'b', value: broken });
  const during = run.snapshot();
  run.add({ kind: 'document', source: 'c', value: broken });
  expect(during).toMatchObject({ documents: 1, errorCount: 0 });
  expect(during.violations).toHaveLength(1);
  expect(during.tally['last-active-session-listed']?.total).toBe(1);
  const result = run.finish();
  expect(result).toMatchObject({ documents: 2, errorCount: 0 });
  expect(result.tally['last-active-session-listed']?.total).toBe(2);
});
