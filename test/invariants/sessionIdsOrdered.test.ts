import { describe, expect, test } from 'vitest';
import { sessionIdsOrdered } from '../../src/invariants/sessionIdsOrdered.js';
import { client, copy, findingsOf, pathsOf, validClients } from '../helpers.js';

describe('session-ids-ordered', () => {
  test.each(validClients)('holds on a valid client with $sessions.length sessions', (valid) => {
    expect(pathsOf(sessionIdsOrdered, valid)).toEqual([]);
  });

  test('fires at /session_ids with the first index out of order', () => {
    const broken = copy(client(3));
    broken.session_ids.reverse();
    const findings = findingsOf(sessionIdsOrdered, broken);
    expect(findings.map((finding) => [finding.path, finding.params?.index])).toEqual([['/session_ids', 0]]);
  });

  test('stays silent when the ids do not match at all (session-ids-match-sessions reports it)', () => {
    const broken = copy(client(2));
    broken.session_ids = ['sess_other', broken.session_ids[0] ?? ''];
    expect(pathsOf(sessionIdsOrdered, broken)).toEqual([]);
  });
});
