import { expect, test } from 'vitest';
import type { SourcedViolation } from '../../src/check/runCheck.js';
import { liveErrorLine, liveViolationLine } from '../../src/report/liveLine.js';

const violation: SourcedViolation = {
  source: 'GET /v1/clients?paginated=true#/data/2',
  document: 'GET /v1/clients?paginated=true',
  kind: 'client',
  rule: 'last-active-session-listed',
  severity: 'error',
  path: '/last_active_session_id',
  message: 'must be the id of one of sessions',
};
const time = Date.UTC(2026, 10, 27, 12, 0, 0, 5);

test('a violation: time, request, rule and severity, the pointer from the document root, message', () => {
  expect(liveViolationLine(violation, time)).toBe(
    '2026-11-27T12:00:00.005Z  GET /v1/clients?paginated=true  last-active-session-listed (error)  /data/2/last_active_session_id  must be the id of one of sessions\n',
  );
  const bare = {
    ...violation,
    source: 'GET /v1/clients/c',
    document: 'GET /v1/clients/c',
    path: '',
    known: true,
  };
  expect(liveViolationLine(bare, time)).toBe(
    '2026-11-27T12:00:00.005Z  GET /v1/clients/c  last-active-session-listed (error)  (the document)  must be the id of one of sessions  [known]\n',
  );
});

test('target text cannot break the line', () => {
  const hostile = { ...violation, source: 'GET /v1/x\n::error::y#/0', document: 'GET /v1/x\n::error::y' };
  expect(liveViolationLine(hostile, time).split('\n')).toHaveLength(2);
  expect(liveErrorLine({ source: 'GET /\u001b[31m', message: 'upstream: refused' }, time)).toBe(
    '2026-11-27T12:00:00.005Z  GET /\\x1b[31m  input error: upstream: refused\n',
  );
});
