/** Hostile values given to checkClient: huge broken Clients stay linear, odd objects never throw (issue 10). */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createChecker } from '../../src/check/checkClient.js';
import { checkClient } from '../../src/index.js';
import { client, copy, T0 } from '../helpers.js';

describe('every rule is linear in the size of the Client', () => {
  // 10,000 sessions, each broken for timestamps-ordered, timestamps-in-milliseconds and id-prefixes: the rules that
  // once copied their findings array per finding ran for minutes on this, and dropping consequences must stay linear
  // too; the test's own timeout is the guard.
  const sessions = 10_000;
  const base = client(1);
  const template = base.sessions[0];
  const broken = {
    ...base,
    id: 'cli_wrong',
    sessions: Array.from({ length: sessions }, (_, index) => ({
      ...template,
      id: `ses_${index}`,
      client_id: 'cli_wrong',
      user_id: `usr_${index}`,
      created_at: 1_731_318_073_000,
      updated_at: 1_731_318_000_000,
      expire_at: 1_731_318_000_000,
      abandon_at: 1_731_318_000_000,
      // In seconds: timestamps-in-milliseconds, and last-active-after-creation stays quiet as its consequence.
      last_active_at: 1_731_318_073,
    })),
    session_ids: Array.from({ length: sessions }, (_, index) => `ses_${index}`),
  };

  test('a Client with 10,000 broken sessions: every finding, in one pass', { timeout: 5_000 }, () => {
    const { violations } = checkClient(broken, { profile: 'strict' });
    const count = (rule: string) => violations.filter((violation) => violation.rule === rule).length;
    expect(count('timestamps-ordered')).toBe(sessions * 3);
    expect(count('timestamps-in-milliseconds')).toBe(sessions);
    expect(count('last-active-after-creation')).toBe(0);
    // Session ids, client ids, user ids and session_ids entries, plus the Client's own id.
    expect(count('id-prefixes')).toBe(sessions * 4 + 1);
  });
});

describe('checkClient never throws and judges own enumerable properties only, as JSON would', () => {
  const valid = client(2);

  test('an object whose fields are inherited is judged as the empty object JSON sees', () => {
    const result = checkClient(Object.create(valid));
    expect(result.ok).toBe(false);
    expect(result.violations.map((violation) => violation.path)).toContain('/id');
  });

  test('a getter that throws is judged as a missing property', () => {
    const value = copy(valid) as Record<string, unknown>;
    Object.defineProperty(value, 'id', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const result = checkClient(value);
    expect(result.violations).toContainEqual(
      expect.objectContaining({ rule: 'schema/required', path: '/id' }),
    );
  });

  test('a Proxy whose traps throw is judged, not thrown', () => {
    const trap = () => {
      throw new Error('trap');
    };
    const hostile = new Proxy(copy(valid), { get: trap, ownKeys: trap, getPrototypeOf: trap, has: trap });
    expect(checkClient(hostile).ok).toBe(false);
    const sessions = new Proxy(copy(valid).sessions, { get: trap });
    expect(checkClient({ ...copy(valid), sessions }).ok).toBe(false);
  });

  test('a session whose fields are inherited is judged as JSON sees it', () => {
    const value = copy(valid);
    const sessions = value.sessions.map((session) => Object.create(session));
    expect(checkClient({ ...value, sessions }).violations).toContainEqual(
      expect.objectContaining({ rule: 'schema/required', path: '/sessions/0/id' }),
    );
  });

  test('a Session document whose activity fields are inherited is judged as JSON sees it', () => {
    const session = copy(valid).sessions[0] as unknown as Record<string, unknown>;
    const inherited = { ...session, latest_activity: Object.create(session.latest_activity as object) };
    for (const fastPath of [true, false])
      expect(createChecker({}, { fastPath })('session', inherited).violations).toContainEqual(
        expect.objectContaining({ rule: 'schema/required', path: '/latest_activity/id' }),
      );
    expect(createChecker()('session', session).ok).toBe(true);
  });

  test("a getter on an instance's prototype never runs: the instance is judged as its JSON", () => {
    let runs = 0;
    class Lazy {
      // A memoizing getter: once read, the instance would have its own `object` and pass.
      get object() {
        runs += 1;
        Object.defineProperty(this, 'object', { value: 'client', enumerable: true });
        return 'client';
      }
    }
    const { object: _, ...rest } = copy(valid);
    const lazy = Object.assign(new Lazy(), rest);
    for (const fastPath of [true, false])
      expect(createChecker({}, { fastPath })('client', lazy).violations).toContainEqual(
        expect.objectContaining({ rule: 'schema/required', path: '/object' }),
      );
    expect(runs).toBe(0);
  });

  test('a class instance with a non-enumerable field: only its own enumerable fields count', () => {
    class Wrapped {
      constructor(fields: object) {
        Object.assign(this, fields);
        Object.defineProperty(this, 'sign_in_id', { value: null, enumerable: false });
      }
    }
    const { sign_in_id: _, ...rest } = copy(valid);
    expect(checkClient(new Wrapped(rest)).violations).toContainEqual(
      expect.objectContaining({ rule: 'schema/required', path: '/sign_in_id' }),
    );
  });

  test('a value that round-trips through JSON is judged the same as its JSON', () => {
    const withDate = { ...copy(valid), created_at: new Date(valid.created_at) };
    expect(checkClient(withDate).violations).toEqual(
      checkClient(JSON.parse(JSON.stringify(withDate))).violations,
    );
    expect(checkClient(copy(valid)).ok).toBe(true);
  });

  test('property: anything at all, including cycles and exotic objects, gives a result', () => {
    const cyclic: Record<string, unknown> = copy(valid);
    cyclic.self = cyclic;
    const exotic = fc.oneof(
      fc.anything({
        withBigInt: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withTypedArray: true,
        withNullPrototype: true,
        withObjectString: true,
        withBoxedValues: true,
        withSparseArray: true,
      }),
      fc.constant(cyclic),
      fc.constant(Object.create(valid)),
      fc.constant(() => valid),
    );
    fc.assert(
      fc.property(exotic, (value) => {
        const result = checkClient(value);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });
});

// Random JSON, plain and Client-shaped: slow properties, so they live here rather than in test/check, whose tests
// `npm run mutation` runs against every mutant.
describe('checkClient on random JSON', () => {
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
    // Each run holds every field the rules read, each random: 300 runs give each field ~300 hostile values.
    fc.assert(
      fc.property(shaped, (value) => void checkClient(value, { profile: 'strict', now: T0 })),
      { numRuns: 300 },
    );
  });
});
