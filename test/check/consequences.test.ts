import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { clientArbitrary } from '../../src/arbitraries/clientArbitrary.js';
import { checkClient, checkSession } from '../../src/check/checkClient.js';
import { ruleInputsOf, withoutConsequences } from '../../src/check/consequences.js';
import { ruleIds } from '../../src/check/ruleSettings.js';
import type { Violation } from '../../src/check/types.js';
import { invariants } from '../../src/invariants/index.js';
import { tokensOf } from '../../src/jsonPointer.js';
import type { Client } from '../../src/schema/types.js';
import { FAULTS } from '../../src/server/faults.js';
import { client, copy, T0 } from '../helpers.js';

const NOW = T0 + 3_600_000;
const strict = { profile: 'strict', now: NOW } as const;
const rulesAt = (violations: readonly Violation[]) => violations.map((v) => `${v.rule} ${v.path}`);

describe('one root cause, one violation: the cascades a user met', () => {
  test('timestamps in seconds are timestamps-in-milliseconds only: no ksuid-ids, status or order findings', () => {
    const seconds = FAULTS.find((fault) => fault.name === 'seconds-timestamps')?.serialize?.(client(3), {
      revokes: [],
      otherClientId: 'client_x',
    });
    const rules = new Set(checkClient(seconds, strict).violations.map((v) => v.rule));
    expect([...rules]).toEqual(['timestamps-in-milliseconds']);
  });

  test('one session created_at in seconds is one violation, not also its id and order', () => {
    const broken = copy(client(2));
    const first = broken.sessions[0] as Client['sessions'][number];
    first.created_at = Math.floor(first.created_at / 1000);
    expect(rulesAt(checkClient(broken, strict).violations)).toEqual([
      'timestamps-in-milliseconds /sessions/0/created_at',
    ]);
  });

  test('an expire_at in seconds on an active session is not also a status the clock contradicts', () => {
    const broken = copy(client(1));
    const only = broken.sessions[0] as Client['sessions'][number];
    only.expire_at = Math.floor(only.expire_at / 1000);
    only.abandon_at = Math.floor(only.abandon_at / 1000);
    expect(new Set(checkClient(broken, strict).violations.map((v) => v.rule))).toEqual(
      new Set(['timestamps-in-milliseconds']),
    );
  });

  test('a duplicate id in session_ids is session-ids-unique only, not also session-ids-match-sessions', () => {
    const broken = copy(client(2));
    broken.session_ids[1] = broken.session_ids[0] as string;
    expect(rulesAt(checkClient(broken, strict).violations)).toEqual(['session-ids-unique /session_ids/1']);
  });

  test('a timestamp beyond int64 is schema/format only', () => {
    const broken = copy(client(1)) as unknown as { sessions: Record<string, unknown>[] };
    (broken.sessions[0] as Record<string, unknown>).expire_at = 2 ** 64;
    expect(rulesAt(checkClient(broken, strict).violations)).toEqual(['schema/format /sessions/0/expire_at']);
  });

  test('the same fault in a Session document is one violation too', () => {
    const session = copy(client(1).sessions[0]) as Client['sessions'][number];
    session.created_at = Math.floor(session.created_at / 1000);
    expect(rulesAt(checkSession(session, strict).violations)).toEqual([
      'timestamps-in-milliseconds /created_at',
    ]);
  });
});

describe('what a consequence is not', () => {
  test('a warning never hides an error: the verdict never gets milder', () => {
    const broken = copy(client(1));
    broken.last_active_session_id = 'user_2b6M8I4VZ1wMtgXGQeDe3SJD3cG';
    expect(rulesAt(checkClient(broken).violations)).toEqual([
      'last-active-session-listed /last_active_session_id',
      'id-prefixes /last_active_session_id',
    ]);
    expect(checkClient(broken).ok).toBe(false);
    expect(rulesAt(checkClient(broken, strict).violations)).toEqual(['id-prefixes /last_active_session_id']);
  });

  test('a fault in one session does not hide an unrelated one in another', () => {
    const broken = copy(client(2));
    const [first, second] = broken.sessions as [Client['sessions'][number], Client['sessions'][number]];
    first.created_at = Math.floor(first.created_at / 1000);
    second.abandon_at = second.expire_at - 1;
    expect(rulesAt(checkClient(broken, strict).violations)).toEqual([
      'expire-not-after-abandon /sessions/1/abandon_at',
      'timestamps-in-milliseconds /sessions/0/created_at',
    ]);
  });

  test('a rule turned off explains nothing', () => {
    const broken = copy(client(1));
    const only = broken.sessions[0] as Client['sessions'][number];
    only.created_at = Math.floor(only.created_at / 1000);
    const rules = { 'timestamps-in-milliseconds': 'off' } as const;
    expect(checkClient(broken, { ...strict, rules }).violations.map((v) => v.rule)).toContain('ksuid-ids');
  });
});

/** Every invariant's basic rules, closed transitively; schema and unknown-value rules are basic for all. */
const basicOf = new Map(
  invariants.map((invariant) => {
    const found = new Set<string>();
    const visit = (id: string) => {
      for (const next of invariants.find((each) => each.id === id)?.dependsOn ?? []) {
        if (found.has(next)) continue;
        found.add(next);
        visit(next);
      }
    };
    visit(invariant.id);
    return [invariant.id, found];
  }),
);
const perSession = new Set(
  invariants.filter((each) => each.checkSession !== undefined).map((each) => each.id),
);
const readsOf = new Map(invariants.map((invariant) => [invariant.id, invariant.reads]));

/** The test's own reading of "V explains F": V is more basic, as severe, and at, above or below one of F's inputs. */
function explains(v: Violation, f: Violation): boolean {
  if (v === f || !(basicOf.get(f.rule)?.has(v.rule) || !readsOf.has(v.rule))) return false;
  if (v.severity === 'warning' && f.severity === 'error') return false;
  const session = /^\/sessions\/(\d+)(\/|$)/.exec(f.path)?.[1];
  return (readsOf.get(f.rule) ?? []).some((read) => {
    let tokens = tokensOf(read);
    if (tokens[0] === 'sessions' && session !== undefined) tokens = ['sessions', session, ...tokens.slice(2)];
    else if (tokens[0] === 'sessions' && perSession.has(f.rule)) return false;
    const other = tokensOf(v.path);
    const n = Math.min(tokens.length, other.length);
    for (let i = 0; i < n; i++) if (tokens[i] !== '*' && tokens[i] !== other[i]) return false;
    return true;
  });
}

type Edit = { read: string; index: number; value: unknown; copyFrom: number | undefined };

/** A field any invariant reads, in a session of the Client when it is a session's. */
const readPaths = [...new Set(invariants.flatMap((invariant) => invariant.reads))];
const edit: fc.Arbitrary<Edit> = fc.record({
  read: fc.constantFrom(...readPaths),
  index: fc.nat(),
  value: fc.oneof(
    fc.constantFrom(null, 'sess_x', 'user_x', 'client_x', 1_731_318_000, 1_731_318_000_000_000, 2 ** 64),
    fc.integer({ min: 1_700_000_000_000, max: 1_800_000_000_000 }),
    fc.string({ maxLength: 4 }),
  ),
  copyFrom: fc.option(fc.nat(), { nil: undefined }),
});

/** Sets the field at a templated path (`*` is the `index`-th item, modulo the length), or copies a sibling's id. */
function applyEdit(document: Record<string, unknown>, { read, index, value, copyFrom }: Edit) {
  let parent: unknown = document;
  const tokens = tokensOf(read);
  for (const [depth, token] of tokens.entries()) {
    if (typeof parent !== 'object' || parent === null) return;
    const items = parent as unknown[];
    const key =
      token === '*' ? (Array.isArray(items) && items.length > 0 ? index % items.length : -1) : token;
    if (key === -1) return;
    if (depth === tokens.length - 1) {
      const list = Array.isArray(items) ? items : undefined;
      const copied = copyFrom !== undefined && list !== undefined ? list[copyFrom % list.length] : undefined;
      (parent as Record<string | number, unknown>)[key] = copied ?? value;
    } else parent = (parent as Record<string | number, unknown>)[key];
  }
}

describe('no reported violation is the consequence of another reported one', () => {
  test('on Clients with one to three random faults in the fields the rules read, in both profiles', () => {
    fc.assert(
      fc.property(
        clientArbitrary({ maxSessions: 4 }),
        fc.array(edit, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('default', 'strict'),
        (valid, edits, profile) => {
          const document = structuredClone(valid) as unknown as Record<string, unknown>;
          for (const each of edits) applyEdit(document, each);
          const { violations } = checkClient(document, { profile, now: Date.UTC(2025, 11, 1) });
          for (const f of violations) {
            expect(ruleIds).toContain(f.rule);
            const cause = violations.find((v) => explains(v, f));
            expect(
              cause,
              `${f.rule} ${f.path} is explained by ${cause?.rule} ${cause?.path}`,
            ).toBeUndefined();
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('withoutConsequences, on the violations it is given', () => {
  const inputs = ruleInputsOf(invariants);
  const v = (rule: string, path: string, severity: Violation['severity'] = 'error'): Violation => ({
    rule,
    path,
    severity,
    message: 'm',
  });
  const kept = (violations: Violation[], object: 'client' | 'session' = 'client') =>
    withoutConsequences(violations, object, inputs).map((each) => `${each.rule} ${each.path}`);

  test('a schema failure above an input explains the finding (an object that is not one)', () => {
    expect(
      kept([v('schema/type', '/sessions/0'), v('timestamps-ordered', '/sessions/0/updated_at')]),
    ).toEqual(['schema/type /sessions/0']);
  });

  test('a failure at or below an input explains it; one beside it does not', () => {
    const format = v('schema/format', '/sessions/1/created_at');
    expect(kept([format, v('ksuid-ids', '/sessions/1/id')])).toEqual([
      'schema/format /sessions/1/created_at',
    ]);
    expect(kept([format, v('ksuid-ids', '/sessions/0/id')])).toEqual([
      'schema/format /sessions/1/created_at',
      'ksuid-ids /sessions/0/id',
    ]);
    expect(kept([v('schema/type', '/sessions/1/user_id'), v('ksuid-ids', '/sessions/1/id')])).toHaveLength(2);
  });

  test('a whole-Client rule reads every item: any index, of any number of digits', () => {
    expect(
      kept([v('id-prefixes', '/session_ids/12'), v('session-ids-match-sessions', '/session_ids')]),
    ).toEqual(['id-prefixes /session_ids/12']);
    expect(
      kept([v('schema/type', '/sessions/3/id'), v('session-ids-match-sessions', '/session_ids')]),
    ).toEqual(['schema/type /sessions/3/id']);
  });

  test("a per-session rule's finding outside sessions reads only the Client's own fields", () => {
    const seconds = v('timestamps-in-milliseconds', '/sessions/0/created_at');
    expect(kept([seconds, v('ksuid-ids', '/id')])).toHaveLength(2);
    expect(kept([v('timestamps-in-milliseconds', '/created_at'), v('ksuid-ids', '/id')])).toEqual([
      'timestamps-in-milliseconds /created_at',
    ]);
  });

  test("a Session document's fields are the session fields a rule reads", () => {
    const seconds = v('timestamps-in-milliseconds', '/created_at');
    expect(kept([seconds, v('ksuid-ids', '/id')], 'session')).toEqual([
      'timestamps-in-milliseconds /created_at',
    ]);
    // A Client-only field read means nothing in a Session document.
    expect(
      kept([v('schema/type', '/id'), v('session-client-id-matches', '/client_id')], 'session'),
    ).toHaveLength(2);
  });

  test('dependencies are followed transitively, and only to more basic rules', () => {
    // last-active-session-signed-in depends on last-active-session-listed, which depends on id-prefixes.
    const prefix = v('id-prefixes', '/last_active_session_id');
    expect(kept([prefix, v('last-active-session-signed-in', '/last_active_session_id')])).toEqual([
      'id-prefixes /last_active_session_id',
    ]);
    // id-prefixes depends on nothing: a later rule never explains an earlier one.
    expect(kept([prefix, v('last-active-session-listed', '/last_active_session_id')])).toHaveLength(1);
    expect(kept([v('last-active-session-listed', '/last_active_session_id'), prefix])).toEqual([
      'id-prefixes /last_active_session_id',
    ]);
  });

  test('an error explains a warning, a warning never an error', () => {
    const ordered = (severity: Violation['severity']) => v('timestamps-ordered', '/updated_at', severity);
    const seconds = (severity: Violation['severity']) =>
      v('timestamps-in-milliseconds', '/updated_at', severity);
    expect(kept([seconds('error'), ordered('warning')])).toHaveLength(1);
    expect(kept([seconds('warning'), ordered('warning')])).toHaveLength(1);
    expect(kept([seconds('warning'), ordered('error')])).toHaveLength(2);
  });

  test('a violation of an unknown rule (a schema one) is more basic than every invariant', () => {
    expect(
      kept([v('unknown-status', '/sessions/0/status'), v('status-matches-clock', '/sessions/0/status')]),
    ).toEqual(['unknown-status /sessions/0/status']);
  });
});
