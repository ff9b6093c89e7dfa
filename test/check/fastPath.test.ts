import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createChecker } from '../../src/check/checkClient.js';
import { fastPathFor } from '../../src/check/fastPath.js';
import { ruleIds } from '../../src/check/ruleSettings.js';
import {
  type CheckOptions,
  clientArbitrary,
  nearValidClientArbitrary,
  sessionArbitrary,
} from '../../src/index.js';
import { invariants } from '../../src/invariants/index.js';
import { LATEST_API_VERSION } from '../../src/schema/derived/index.js';

type Kind = 'client' | 'session';

const SKEWS = [0, 1000, 60_000];

/** Rule settings of a run: a profile, overrides of any rules, a clock skew. */
const options: fc.Arbitrary<CheckOptions> = fc.record(
  {
    profile: fc.constantFrom('default', 'strict'),
    rules: fc.dictionary(fc.constantFrom(...ruleIds), fc.constantFrom('error', 'warning', 'off'), {
      maxKeys: 3,
    }),
    clockSkewMs: fc.constantFrom(...SKEWS),
  },
  { requiredKeys: ['profile'] },
);

/** Each timestamp of a value, and its neighbours: the boundaries of the rules that compare them. */
function timesOf(value: unknown): number[] {
  const found: number[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'number')
      for (const delta of [0, 1, 1000, 1001, 60_000, 60_001]) found.push(node - delta, node + delta);
    else if (typeof node === 'object' && node !== null) for (const child of Object.values(node)) walk(child);
  };
  walk(value);
  return found;
}

/** An observation time: none, or one at (or next to) a timestamp of the value, or any time at all. */
const nowFor = (value: unknown) =>
  fc.option(fc.oneof(fc.constantFrom(...timesOf(value), 0), fc.integer({ min: 1e12, max: 2e12 })), {
    nil: undefined,
  });

/** The leaves and objects of a value, as paths. */
function pathsOf(value: unknown, at: (string | number)[] = [], found: (string | number)[][] = []) {
  found.push(at);
  if (typeof value === 'object' && value !== null)
    for (const [key, child] of Object.entries(value))
      pathsOf(child, [...at, Array.isArray(value) ? Number(key) : key], found);
  return found;
}

/** Values that sit right next to what a rule or the schema accepts. */
const replacement = (old: unknown, donor: unknown): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom(
      undefined,
      null,
      0,
      1e12 - 1,
      1e12,
      1e13,
      1e13 - 1,
      2 ** 63,
      2 ** 64,
      1.5,
      'active',
      'expired',
      'pending',
      'ended',
      'session_activity',
      'sess_',
      'client_',
      '',
      [],
      {},
    ),
    typeof old === 'number'
      ? fc.constantFrom(old - 1, old + 1, old - 1001, old + 1001, old / 1000)
      : fc.constant(old),
    typeof old === 'string'
      ? fc.constantFrom(
          old.slice(0, -1),
          old.replace(/^[a-z_]+_/, ''),
          `${old}x`,
          old.replace(/.$/, '0'),
          old.match(/^[a-z_]+_/)?.[0] ?? old,
          // The prefix's last underscore turned into its neighbours: the bounds of the prefix tests' comparisons.
          old.replace(/_([^_]*)$/, '`$1'),
          old.replace(/_([^_]*)$/, '^$1'),
        )
      : fc.constant(old),
    fc.constantFrom(...timesOf(donor), ...stringsOf(donor)),
    fc.jsonValue({ maxDepth: 2 }),
  );

function stringsOf(value: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') found.push(node);
    else if (typeof node === 'object' && node !== null) for (const child of Object.values(node)) walk(child);
  };
  walk(value);
  return found.length === 0 ? [''] : found;
}

/** A copy of `value` with the field at one path replaced (or deleted: `undefined`), once or twice. */
function mutated(value: unknown, donor: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(value);
  // The donor is another valid value, or this one: its own timestamps and ids sit on the rules' boundaries.
  const one = fc
    .tuple(fc.constantFrom(...paths), fc.constantFrom(donor, value))
    .chain(([path, from]) => replacement(readAt(value, path), from).map((next) => ({ path, next })));
  return fc.array(one, { minLength: 1, maxLength: 2 }).map((changes) => {
    let copy: unknown = structuredClone(value);
    for (const { path, next } of changes) copy = writeAt(copy, path, next);
    return copy;
  });
}

function readAt(value: unknown, path: (string | number)[]): unknown {
  let node = value;
  for (const key of path) node = (node as Record<string | number, unknown>)?.[key];
  return node;
}

function writeAt(value: unknown, path: (string | number)[], next: unknown): unknown {
  if (path.length === 0) return next;
  const parent = readAt(value, path.slice(0, -1));
  if (typeof parent !== 'object' || parent === null) return value;
  const key = path.at(-1) as string | number;
  if (next === undefined && !Array.isArray(parent)) delete (parent as Record<string, unknown>)[key];
  else (parent as Record<string | number, unknown>)[key] = next;
  return value;
}

/** The pairs of timestamps the ordering rules compare. */
const COMPARED = [
  ['updated_at', 'created_at'],
  ['expire_at', 'created_at'],
  ['abandon_at', 'created_at'],
  ['expire_at', 'abandon_at'],
  ['last_active_at', 'created_at'],
] as const;
const MS_BOUNDS = [1e12 - 1, 1e12, 1e13 - 1, 1e13];

/**
 * A copy with one timestamp right next to another of the same object (within the clock skew or one ms of it), or on
 * the bounds of milliseconds: where the ordering rules decide.
 */
function onBoundary(value: unknown, skew: number): fc.Arbitrary<unknown> {
  const objects = [
    [],
    ...((value as { sessions?: unknown[] }).sessions ?? []).map((_, index) => ['sessions', index]),
  ];
  const deltas = [-1, 0, 1, -skew - 1, -skew, -skew + 1, skew - 1, skew, skew + 1];
  const change = fc.oneof(
    fc
      .tuple(fc.constantFrom(...COMPARED), fc.constantFrom(...deltas))
      .map(([[field, other], delta]) => ({ field, other, delta })),
    fc
      .tuple(fc.constantFrom(...COMPARED.flat()), fc.constantFrom(...MS_BOUNDS))
      .map(([field, bound]) => ({ field, bound })),
  );
  return fc.tuple(fc.constantFrom(...objects), change).map(([at, change]) => {
    const copy = structuredClone(value);
    const object = readAt(copy, at) as Record<string, unknown>;
    if (!(change.field in object)) return copy;
    if ('bound' in change) object[change.field] = change.bound;
    else if (typeof object[change.other] === 'number')
      object[change.field] = (object[change.other] as number) + change.delta;
    return copy;
  });
}

const ID_FIELDS = [
  'id',
  'sign_in_id',
  'sign_up_id',
  'last_active_session_id',
  'client_id',
  'user_id',
  'last_active_organization_id',
];

/** A copy with an id moved to another id field, cut to its prefix, or added to or dropped from the lists of ids. */
function idsShuffled(value: unknown): fc.Arbitrary<unknown> {
  const strings = stringsOf(value);
  const objects = [
    [],
    ...((value as { sessions?: unknown[] }).sessions ?? []).map((_, index) => ['sessions', index]),
  ];
  return fc
    .tuple(
      fc.constantFrom(...objects),
      fc.constantFrom(...ID_FIELDS, 'push', 'pop'),
      fc.constantFrom(...strings),
      fc.boolean(),
    )
    .map(([at, field, donor, prefixOnly]) => {
      const copy = structuredClone(value) as Record<string, unknown>;
      const id = prefixOnly ? (donor.match(/^[a-z_]+_/)?.[0] ?? donor) : donor;
      if (field === 'push' && Array.isArray(copy.session_ids)) copy.session_ids.push(id);
      else if (field === 'pop' && Array.isArray(copy.sessions)) copy.sessions.pop();
      else {
        const object = readAt(copy, at) as Record<string, unknown>;
        if (field in object) object[field] = id;
      }
      return copy;
    });
}

const valid = fc.oneof(
  clientArbitrary({ minSessions: 0, maxSessions: 3 }),
  clientArbitrary({ minSessions: 17, maxSessions: 20 }),
  clientArbitrary({ realistic: false }),
);
const validSession = sessionArbitrary();

/** Every kind of input the checker meets: valid, broken in one rule, broken next to a boundary, or anything. */
const inputsOf = (skew: number): fc.Arbitrary<{ kind: Kind; value: unknown }> => {
  const as = (kind: Kind) => (value: unknown) => ({ kind, value });
  return fc.oneof(
    valid.map(as('client')),
    validSession.map(as('session')),
    nearValidClientArbitrary().map(({ value }) => ({ kind: 'client' as const, value })),
    fc.tuple(valid, valid).chain(([value, donor]) => mutated(value, donor).map(as('client'))),
    fc.tuple(validSession, validSession).chain(([value, donor]) => mutated(value, donor).map(as('session'))),
    valid.chain((value) => onBoundary(value, skew).map(as('client'))),
    validSession.chain((value) => onBoundary(value, skew).map(as('session'))),
    valid.chain((value) => idsShuffled(value).map(as('client'))),
    validSession.chain((value) => idsShuffled(value).map(as('session'))),
    // Not plain JSON data: an inherited field, which the full check leaves out as JSON would.
    valid.map((value) => as('client')(Object.assign(Object.create({ inherited: 1 }), value))),
    fc.record({ kind: fc.constantFrom<Kind>('client', 'session'), value: fc.jsonValue() }),
  );
};

// Built once per skew: an arbitrary rebuilt inside a chain would be rebuilt on every run.
const inputsBySkew = new Map(SKEWS.map((skew) => [skew, inputsOf(skew)]));
const inputsFor = (skew: number) => inputsBySkew.get(skew) ?? inputsOf(skew);

describe('the fast path', () => {
  test('gives the result of the full checker on every input, in both profiles, with and without now, for any rule settings', () => {
    let certified = 0;
    fc.assert(
      fc.property(
        options.chain((settings) =>
          inputsFor(settings.clockSkewMs ?? 1000).chain((input) =>
            fc.record({
              input: fc.constant(input),
              now: nowFor(input.value),
              options: fc.constant(settings),
            }),
          ),
        ),
        ({ input: { kind, value }, now, options }) => {
          const fast = createChecker(options)(kind, value, now);
          const full = createChecker(options, { fastPath: false })(kind, value, now);
          expect(fast).toEqual(full);
          if (full.violations.length === 0) certified += 1;
        },
      ),
      { numRuns: 3000, seed: 13 },
    );
    // The property is only worth its runs if many inputs are valid ones the fast path had to certify.
    expect(certified).toBeGreaterThan(500);
  });

  test('is complete where no rule is off: it proves every plain value the full checker finds nothing in, and every schema Ajv accepts', () => {
    // Soundness alone would let a fast path that hands over too much pass; this keeps it from costing speed silently.
    let proven = 0;
    let schemaOnly = 0;
    fc.assert(
      fc.property(
        fc.constantFrom('default' as const, 'strict' as const).chain((profile) =>
          fc.constantFrom(...SKEWS).chain((clockSkewMs) =>
            inputsFor(clockSkewMs).chain((input) =>
              fc.record({
                input: fc.constant(input),
                now: nowFor(input.value),
                options: fc.constant({ profile, clockSkewMs }),
              }),
            ),
          ),
        ),
        ({ input: { kind, value }, now, options }) => {
          const plain = JSON.parse(JSON.stringify(value) ?? 'null');
          const active = invariants
            .filter((rule) => rule.surfaces.includes('bapi') && rule.severity[options.profile] !== 'off')
            .filter((rule) => kind === 'client' || rule.checkSession !== undefined)
            .map((rule) => rule.id);
          const fastPath = fastPathFor(kind, LATEST_API_VERSION, active, options.clockSkewMs);
          const { violations } = createChecker(options, { fastPath: false })(kind, plain, now);
          const schemaHolds = !violations.some(
            ({ rule }) => rule.startsWith('schema/') || rule.startsWith('unknown-'),
          );
          const certainty = fastPath?.(plain, now);
          if (violations.length === 0) proven += 1;
          else if (schemaHolds) schemaOnly += 1;
          expect(certainty).toBe(violations.length === 0 ? 'valid' : schemaHolds ? 'schema' : 'unproven');
        },
      ),
      { numRuns: 2000, seed: 13 },
    );
    expect(proven).toBeGreaterThan(300);
    expect(schemaOnly).toBeGreaterThan(300);
  });

  test('certifies every valid Client and Session it is given, in both profiles', () => {
    for (const profile of ['default', 'strict'] as const) {
      const active = (kind: Kind) =>
        invariants
          .filter((rule) => rule.surfaces.includes('bapi') && rule.severity[profile] !== 'off')
          .filter((rule) => kind === 'client' || rule.checkSession !== undefined)
          .map((rule) => rule.id);
      const client = fastPathFor('client', LATEST_API_VERSION, active('client'), 1000);
      const session = fastPathFor('session', LATEST_API_VERSION, active('session'), 1000);
      expect(client).toBeDefined();
      expect(session).toBeDefined();
      // As JSON.parse gives them: fast-check may build objects without a prototype, which are not certified.
      const parsed = (value: unknown) => JSON.parse(JSON.stringify(value));
      const runs = { numRuns: 300, seed: 13 };
      fc.assert(
        fc.property(valid, (value) => client?.(parsed(value), undefined) === 'valid'),
        runs,
      );
      fc.assert(
        fc.property(validSession, (value) => session?.(parsed(value), undefined) === 'valid'),
        runs,
      );
    }
  });

  test('judges at its own now when a getter of the value runs another check with another now', () => {
    const fast = fastPathFor('client', LATEST_API_VERSION, ['status-matches-clock'], 1000);
    type Parsed = { object: string; sessions: Array<{ status: string; expire_at: number }> };
    const isActive = (session: { status: string }) => session.status === 'active';
    const client = fc
      .sample(valid, { numRuns: 100, seed: 3 })
      .map((value) => JSON.parse(JSON.stringify(value)) as Parsed)
      .find((value) => value.sessions.length === 1 && value.sessions.every(isActive)) as Parsed;
    const session = client.sessions.find(isActive) as Parsed['sessions'][number];
    const now = session.expire_at - 1;
    // At the later time the active session has expired: judged then, the Client would not be valid.
    const later = session.expire_at + 1;
    expect(fast?.(client, later)).toBe('schema');
    expect(fast?.(client, now)).toBe('valid');
    const { object, ...rest } = client;
    const reentrant = {
      get object() {
        fast?.(JSON.parse(JSON.stringify(client)), later);
        return object;
      },
      ...rest,
    };
    expect(fast?.(reentrant, now)).toBe('valid');
  });

  test('hands over every kind it does not prove, every older API version, and any rule it does not know', () => {
    expect(fastPathFor('client', '2025-11-10', [], 1000)).toBeUndefined();
    expect(fastPathFor('fapi-client', LATEST_API_VERSION, [], 1000)).toBeUndefined();
    expect(fastPathFor('webhook', LATEST_API_VERSION, [], 1000)).toBeUndefined();
    expect(fastPathFor('client', LATEST_API_VERSION, ['a-rule-added-later'], 1000)).toBeUndefined();
  });
});
