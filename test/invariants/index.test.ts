import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { invariants } from '../../src/invariants/index.js';
import { isObject } from '../../src/jsonValue.js';
import { client, copy, DAY_MS, T0 } from '../helpers.js';

/** Sections 6 and 8 of clerk-client-facts.md: the public contract of ids and severities, in order. */
const CATALOGUE = [
  ['session-ids-match-sessions', 'error', 'error'],
  ['session-ids-ordered', 'warning', 'error'],
  ['session-ids-unique', 'error', 'error'],
  ['last-active-session-listed', 'error', 'error'],
  ['last-active-session-signed-in', 'warning', 'error'],
  ['session-client-id-matches', 'error', 'error'],
  ['timestamps-ordered', 'error', 'error'],
  ['last-active-after-creation', 'warning', 'warning'],
  ['expire-not-after-abandon', 'warning', 'error'],
  ['timestamps-in-milliseconds', 'error', 'error'],
  ['id-prefixes', 'warning', 'error'],
  ['ksuid-ids', 'off', 'error'],
  ['latest-activity-object', 'warning', 'error'],
  ['status-matches-clock', 'warning', 'error'],
  // Section 8: the Frontend API's own rules.
  ['active-session-has-token', 'warning', 'error'],
  ['sessions-after-client', 'warning', 'error'],
  ['completed-sign-in-session-listed', 'warning', 'warning'],
];

describe('the invariant registry', () => {
  test('lists the catalogue of clerk-client-facts.md section 6, in order, with its severities', () => {
    expect(invariants.map(({ id, severity }) => [id, severity.default, severity.strict])).toEqual(CATALOGUE);
  });

  test('registers every invariant file once, and each is documented', () => {
    const files = readdirSync(new URL('../../src/invariants/', import.meta.url)).filter(
      (file) => file.endsWith('.ts') && !['index.ts', 'types.ts'].includes(file),
    );
    expect(files).toHaveLength(invariants.length);
    for (const invariant of invariants) {
      expect(invariant.description.length, invariant.id).toBeGreaterThan(10);
      expect(invariant.evidence.length, invariant.id).toBeGreaterThan(10);
    }
  });

  test('each invariant reads fields by JSON Pointer and depends on known invariants, without a cycle', () => {
    const byId = new Map(invariants.map((invariant) => [invariant.id, invariant]));
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
      for (const next of byId.get(from)?.dependsOn ?? []) {
        if (next === to) return true;
        if (seen.has(next)) continue;
        seen.add(next);
        if (reaches(next, to, seen)) return true;
      }
      return false;
    };
    for (const invariant of invariants) {
      expect(invariant.reads.length, invariant.id).toBeGreaterThan(0);
      for (const read of invariant.reads) expect(read, invariant.id).toMatch(/^(\/([a-z_]+|\*))+$/);
      for (const dependency of invariant.dependsOn) expect(byId.has(dependency), dependency).toBe(true);
      expect(reaches(invariant.id, invariant.id), invariant.id).toBe(false);
    }
  });

  test('a per-session rule reads only session fields for its Session documents and its own Client fields', () => {
    for (const invariant of invariants.filter((each) => each.checkSession !== undefined)) {
      expect(
        invariant.reads.some((read) => read.startsWith('/sessions/*/')),
        invariant.id,
      ).toBe(true);
    }
  });
});

describe('every invariant reads only values of the right type (one broken field, one violation: the schema’s)', () => {
  const context = { clockSkewMs: 1000, now: T0 };
  const base = client(2);
  const wrongTypes = { id: 7, client_id: 7, user_id: 7, status: 7, last_active_token: 7, created_at: 'x' };
  const malformed: Array<[string, unknown]> = [
    ['null', null],
    ['a number', 7],
    ['a string', 'client_x'],
    ['an array', [client(1)]],
    ['an empty object', {}],
    ['sessions and session_ids that are no arrays', { ...client(0), sessions: 'x', session_ids: {} }],
    [
      'session_ids beside sessions that are no objects',
      { ...client(0), sessions: [null, 7], session_ids: [7, 'sess_x'] },
    ],
    ['session_ids with an id that is no string', { ...copy(base), session_ids: [base.session_ids[0], 7] }],
    ['sessions that are no objects', { ...client(0), sessions: [null, 7, 'sess_x', [{}]], session_ids: [] }],
    [
      'a Client whose every field has the wrong type',
      {
        object: 'client',
        id: 7,
        session_ids: [7, null],
        sessions: [{ ...wrongTypes, latest_activity: { object: 7, id: 7 }, user: { id: 7 } }],
        sign_in_id: 7,
        sign_up_id: 7,
        sign_in: { status: 'complete', id: 7, created_session_id: 7 },
        sign_up: 'complete',
        last_active_session_id: 7,
        created_at: 'x',
        updated_at: null,
      },
    ],
    [
      'timestamps that are not integers',
      {
        ...copy(base),
        created_at: T0 + 0.5,
        updated_at: T0 - DAY_MS + 0.5,
        cookie_expires_at: 1.5,
        sessions: base.sessions.map((session) => ({
          ...session,
          created_at: session.created_at + 0.5,
          updated_at: session.created_at - DAY_MS + 0.5,
          expire_at: session.created_at - DAY_MS + 0.5,
          abandon_at: session.created_at - 2 * DAY_MS + 0.5,
          last_active_at: session.created_at - DAY_MS + 0.5,
        })),
      },
    ],
  ];

  test.each(malformed)('%s: no rule reports anything, on a Client or as a Session', (_, value) => {
    for (const invariant of invariants) {
      expect(invariant.check(value, context), invariant.id).toEqual([]);
      if (Array.isArray((value as { sessions?: unknown })?.sessions)) {
        for (const session of (value as { sessions: unknown[] }).sessions)
          expect(invariant.checkSession?.(session, context) ?? [], invariant.id).toEqual([]);
      }
      if (!isObject(value)) expect(invariant.checkSession?.(value, context) ?? [], invariant.id).toEqual([]);
    }
  });
});
