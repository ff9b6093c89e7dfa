import { describe, expect, test } from 'vitest';
import {
  checkClient,
  checkSession,
  createChecker,
  createClientChecker,
  type Violation,
} from '../../src/index.js';
import { client, copy, DAY_MS, fapiClient, id, session, T0 } from '../helpers.js';

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

describe('createChecker: the observation time, the API version and the kind of object', () => {
  const stale = client(1);
  const expired = (stale.sessions[0]?.expire_at ?? 0) + 1;
  const before = stale.updated_at;

  test('bad numbers are option errors that name the value', () => {
    expect(() => createChecker({ clockSkewMs: Number.POSITIVE_INFINITY })).toThrow(
      'clockSkewMs must be a finite number >= 0, got Infinity',
    );
    expect(() => createChecker({ clockSkewMs: Number.NaN })).toThrow('got NaN');
    expect(() => createChecker({ now: Number.POSITIVE_INFINITY })).toThrow(
      'now must be a finite number of ms since the epoch, got Infinity',
    );
    expect(() => createChecker({ apiVersion: '2020-01-01' })).toThrow(/apiVersion must be a date/);
  });

  test('the observation time is `now` unless the options fix one, which wins', () => {
    expect(rulesAt(createClientChecker()(stale, expired).violations)).toEqual([
      'status-matches-clock /sessions/0/status',
    ]);
    expect(createClientChecker()(stale, before).violations).toEqual([]);
    expect(createClientChecker({ now: before })(stale, expired).violations).toEqual([]);
    expect(rulesAt(createClientChecker({ now: expired })(stale, before).violations)).toEqual([
      'status-matches-clock /sessions/0/status',
    ]);
  });

  test('a version recorded with the object wins over the options’, and an unknown one falls back to them', () => {
    const { last_authentication_strategy: _, ...older } = copy(client(0));
    const check = createChecker();
    expect(rulesAt(check('client', older).violations)).toEqual([
      'schema/required /last_authentication_strategy',
    ]);
    expect(check('client', older, undefined, '2025-03-12').violations).toEqual([]);
    expect(check('client', older, undefined, 'not a date').violations).toHaveLength(1);
    expect(createChecker({ apiVersion: '2025-03-12' })('client', older).violations).toEqual([]);
    expect(createChecker({ apiVersion: '2025-03-12' })('client', older, undefined, '2026-05-12').ok).toBe(
      false,
    );
  });

  test('a schema rule set to off is not reported, and one set to warning keeps the Client ok', () => {
    // A Frontend API field in a Backend API Client.
    const extra = { ...client(0), cookie_expires_at: null };
    expect(checkClient(extra, { rules: { 'schema/additionalProperties': 'off' } })).toEqual({
      ok: true,
      violations: [],
    });
    expect(checkClient(extra, { rules: { 'schema/additionalProperties': 'warning' } })).toMatchObject({
      ok: true,
      violations: [{ rule: 'schema/additionalProperties', severity: 'warning' }],
    });
  });

  test('a Session is judged by the per-session rules only, paths from its root', () => {
    const session = copy(client(1)).sessions[0];
    if (session === undefined) throw new Error('fixture has sessions');
    session.last_active_at = session.created_at - 5000;
    session.client_id = 'client_other';
    expect(rulesAt(checkSession(session).violations)).toEqual(['last-active-after-creation /last_active_at']);
    expect(rulesAt(createChecker()('session', session).violations)).toEqual([
      'last-active-after-creation /last_active_at',
    ]);
  });

  test('a Frontend API Client is judged by the rules of its API, not the Backend API’s', () => {
    const fapi = fapiClient(2);
    (fapi.sessions[1] as Record<string, unknown>).last_active_token = null;
    expect(rulesAt(createChecker()('fapi-client', fapi).violations)).toEqual([
      'active-session-has-token /sessions/1/last_active_token',
    ]);
    // A Backend API rule (session-client-id-matches) does not run on it.
    (fapi.sessions[0] as Record<string, unknown>).client_id = 'client_other';
    expect(rulesAt(createChecker()('fapi-client', fapi).violations)).not.toContain(
      'session-client-id-matches /sessions/0/client_id',
    );
  });

  test('clockSkewMs 0 is allowed, and a Client is judged the same by every entry point', () => {
    const early = copy(client(1));
    if (early.sessions[0]) early.sessions[0].last_active_at = early.sessions[0].created_at - 1;
    expect(rulesAt(checkClient(early, { clockSkewMs: 0 }).violations)).toEqual([
      'last-active-after-creation /sessions/0/last_active_at',
    ]);
    expect(createClientChecker({ clockSkewMs: 0 })(early)).toEqual(checkClient(early, { clockSkewMs: 0 }));
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
