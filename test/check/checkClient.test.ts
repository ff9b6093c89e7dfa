import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkClient, type Violation } from '../../src/index.js';
import { client, copy, DAY_MS, id, session, T0 } from '../helpers.js';

const rulesAt = (violations: Violation[]) => violations.map(({ rule, path }) => `${rule} ${path}`);

describe('checkClient', () => {
  test('accepts a valid Client in both profiles', () => {
    for (const profile of ['default', 'strict'] as const)
      expect(checkClient(client(3), { profile })).toEqual({ ok: true, violations: [] });
  });

  test('reports schema violations first, then invariants, with severities from the profile', () => {
    const broken = {
      ...copy(client(1)),
      sign_in_id: 7,
      last_active_session_id: 'sess_2ohNn8o55J9vvkkko1KowJ987Cu',
    };
    const { ok, violations } = checkClient(broken);
    expect(ok).toBe(false);
    expect(violations.map(({ rule, severity, path }) => [rule, severity, path])).toEqual([
      ['schema/type', 'error', '/sign_in_id'],
      ['last-active-session-listed', 'error', '/last_active_session_id'],
    ]);
  });

  test('ok is true when only warnings remain, and rules overrides change severities or turn rules off', () => {
    const warned = copy(client(1));
    if (warned.sessions[0]?.latest_activity) warned.sessions[0].latest_activity.object = 'activity';
    expect(checkClient(warned)).toMatchObject({
      ok: true,
      violations: [{ rule: 'latest-activity-object', severity: 'warning' }],
    });
    expect(checkClient(warned, { profile: 'strict' }).ok).toBe(false);
    expect(checkClient(warned, { rules: { 'latest-activity-object': 'error' } }).ok).toBe(false);
    expect(checkClient(warned, { profile: 'strict', rules: { 'latest-activity-object': 'off' } })).toEqual({
      ok: true,
      violations: [],
    });
    expect(
      checkClient({ ...client(0), extra: 1 }, { rules: { 'schema/additionalProperties': 'warning' } }).ok,
    ).toBe(true);
  });

  test('turns ksuid-ids on only in the strict profile', () => {
    const redacted = { ...copy(client(0)), id: 'client_xyz789abcdef123456' };
    expect(checkClient(redacted).violations).toEqual([]);
    expect(rulesAt(checkClient(redacted, { profile: 'strict' }).violations)).toEqual(['ksuid-ids /id']);
  });

  test('checks status-matches-clock only when now is given, and uses clockSkewMs', () => {
    const old = copy(client(1));
    expect(checkClient(old).violations).toEqual([]);
    expect(rulesAt(checkClient(old, { now: T0 + 8 * DAY_MS }).violations)).toEqual([
      'status-matches-clock /sessions/0/status',
    ]);
    const early = copy(client(1));
    if (early.sessions[0]) early.sessions[0].last_active_at = early.sessions[0].created_at - 1500;
    expect(rulesAt(checkClient(early).violations)).toEqual([
      'last-active-after-creation /sessions/0/last_active_at',
    ]);
    expect(checkClient(early, { clockSkewMs: 2000 }).violations).toEqual([]);
  });

  test.each([
    [{ profile: 'lenient' }, /unknown profile "lenient"/],
    [{ rules: { 'no-such-rule': 'error' } }, /unknown rule "no-such-rule"/],
    [{ rules: { 'id-prefixes': 'fatal' } }, /unknown severity "fatal" for id-prefixes/],
    [{ clockSkewMs: -1 }, /clockSkewMs must be a finite number >= 0/],
    [{ now: Number.NaN }, /now must be a finite number/],
  ])('rejects bad options eagerly: %j', (options, message) => {
    expect(() => checkClient(client(0), options as never)).toThrow(message);
  });

  test('a broken field yields its schema violation and no cascade of invariant noise', () => {
    const broken = copy(client(2)) as unknown as Record<string, unknown>;
    broken.sessions = 'none';
    broken.created_at = '2024-11-11T09:40:00Z';
    expect(rulesAt(checkClient(broken, { profile: 'strict', now: T0 }).violations)).toEqual([
      'schema/type /sessions',
      'schema/type /created_at',
    ]);
  });

  test('never throws on any JSON value, and every violation is well-formed', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.constantFrom('default', 'strict') as fc.Arbitrary<'default' | 'strict'>,
        (value, profile) => {
          const { ok, violations } = checkClient(value, { profile, now: T0 });
          expect(typeof ok).toBe('boolean');
          for (const violation of violations)
            expect(violation.path === '' || violation.path.startsWith('/')).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('never throws on Client-shaped values with random fields (the invariants see real structure)', () => {
    const shaped = fc.record({
      object: fc.constant('client'),
      id: fc.oneof(fc.string(), fc.jsonValue()),
      session_ids: fc.oneof(fc.array(fc.string()), fc.jsonValue()),
      sessions: fc.array(
        fc.dictionary(
          fc.constantFrom('id', 'client_id', 'status', 'created_at', 'expire_at', 'latest_activity'),
          fc.jsonValue(),
        ),
      ),
      last_active_session_id: fc.oneof(fc.string(), fc.jsonValue()),
      created_at: fc.oneof(fc.integer(), fc.jsonValue()),
      updated_at: fc.oneof(fc.integer(), fc.jsonValue()),
    });
    fc.assert(
      fc.property(shaped, (value) => void checkClient(value, { profile: 'strict', now: T0 })),
      { numRuns: 1000 },
    );
  });

  test('a __proto__ key is a property no Clerk schema knows, and nothing is polluted', () => {
    const hostile = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(client(0)).slice(1)}`);
    expect(rulesAt(checkClient(hostile).violations)).toEqual(['unknown-property /__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('numbers beyond 2^53 are read as the nearest double and judged as timestamps', () => {
    const huge = JSON.parse(
      JSON.stringify(client(0)).replace(/"updated_at":\d+/, '"updated_at":99999999999999999'),
    );
    expect(rulesAt(checkClient(huge).violations)).toEqual(['timestamps-in-milliseconds /updated_at']);
  });

  test('numbers beyond int64 are schema/format, and not also a timestamp out of range', () => {
    for (const value of ['18446744073709551615', '99999999999999999999', '-9223372036854777856']) {
      const huge = JSON.parse(JSON.stringify(client(0)).replace(/"updated_at":\d+/, `"updated_at":${value}`));
      expect(rulesAt(checkClient(huge).violations)).toEqual(['schema/format /updated_at']);
    }
    const largest = JSON.parse(
      JSON.stringify(client(0)).replace(/"updated_at":\d+/, '"updated_at":9223372036854775807'),
    );
    expect(rulesAt(checkClient(largest).violations)).toEqual(['timestamps-in-milliseconds /updated_at']);
  });

  test('a deeply nested actor is accepted without a stack overflow', () => {
    let actor: Record<string, unknown> = {};
    for (let depth = 0; depth < 100_000; depth++) actor = { nested: actor };
    const deep = copy(client(1));
    if (deep.sessions[0]) deep.sessions[0].actor = actor;
    expect(checkClient(deep).ok).toBe(true);
  });
});

describe('real Clerk quirks (clerk-client-facts.md section 4) pass in both profiles', () => {
  const clientId = id('client', T0);
  const quirks = {
    'last_active_at a few ms before created_at': [
      session(clientId, T0 + 60_000, { last_active_at: T0 + 60_000 - 8 }),
    ],
    'ended and replaced sessions stay listed': [
      session(clientId, T0 + 1_000, { status: 'ended' }),
      session(clientId, T0 + 2_000, { status: 'replaced', latest_activity: null }),
      session(clientId, T0 + 3_000),
    ],
    'a pending session with tasks': [
      session(clientId, T0 + 5_000, { status: 'pending', tasks: [{ key: 'choose-organization' }] }),
    ],
    'an impersonation actor': [session(clientId, T0 + 5_000, { actor: { sub: id('user', T0 - DAY_MS) } })],
  };
  test.each(Object.entries(quirks))('%s', (_, sessions) => {
    const lastUpdate = Math.max(...sessions.map((each) => each.updated_at));
    const quirky = {
      ...client(0),
      id: clientId,
      session_ids: sessions.map((each) => each.id),
      sessions,
      last_active_session_id: sessions.at(-1)?.id ?? null,
      // client.updated_at a few ms before a session's updated_at
      updated_at: lastUpdate - 5,
    };
    for (const profile of ['default', 'strict'] as const) {
      expect(checkClient(quirky, { profile, now: lastUpdate + 1000 })).toEqual({ ok: true, violations: [] });
    }
  });
});

describe('the checkers of checkClient, kept per option set', () => {
  const warned = copy(client(1));
  if (warned.sessions[0]?.latest_activity) warned.sessions[0].latest_activity.object = 'activity';

  test('each option set keeps its own settings, however the calls interleave', () => {
    for (let round = 0; round < 3; round++) {
      expect(checkClient(warned).violations).toHaveLength(1);
      expect(checkClient(warned, { rules: { 'latest-activity-object': 'off' } }).violations).toEqual([]);
      expect(checkClient(warned, { profile: 'strict' }).ok).toBe(false);
      expect(checkClient(warned, { rules: { 'latest-activity-object': 'error' } }).ok).toBe(false);
    }
  });

  test('more option sets than are kept are rebuilt, with the same verdicts', () => {
    const verdicts = (skew: number) => checkClient(warned, { clockSkewMs: skew, profile: 'strict' }).ok;
    for (let round = 0; round < 2; round++)
      for (let skew = 0; skew < 40; skew++) expect(verdicts(skew)).toBe(false);
  });

  test('now is an argument of the kept checker, not part of its key', () => {
    const signedIn = client(1);
    const expireAt = signedIn.sessions[0]?.expire_at as number;
    expect(checkClient(signedIn, { now: expireAt - 1 }).violations).toEqual([]);
    expect(checkClient(signedIn, { now: expireAt + 1 }).violations.map(({ rule }) => rule)).toEqual([
      'status-matches-clock',
    ]);
    expect(checkClient(signedIn).violations).toEqual([]);
  });

  test('options refused once are refused every time, even when a similar set is kept', () => {
    checkClient(warned, { rules: {} });
    checkClient(warned, { clockSkewMs: 5 });
    for (let round = 0; round < 2; round++) {
      expect(() => checkClient(warned, { rules: { nope: undefined } as never })).toThrow(
        /unknown rule "nope"/,
      );
      expect(() => checkClient(warned, { clockSkewMs: Number.NaN })).toThrow(/clockSkewMs/);
      expect(() => checkClient(warned, { now: Number.NaN })).toThrow(/now must be a finite number/);
      const setting = { toString: () => 'error' } as never;
      expect(() => checkClient(warned, { rules: { 'latest-activity-object': setting } })).toThrow(
        /unknown severity/,
      );
    }
  });
});
