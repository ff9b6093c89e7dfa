import { describe, expect, test } from 'vitest';
import { isPlainJsonData, toJsonData } from '../../src/check/jsonData.js';
import { client, copy } from '../helpers.js';

describe('isPlainJsonData', () => {
  test('parsed JSON and primitives are plain', () => {
    for (const value of [JSON.parse(JSON.stringify(client(2))), null, 7, 'x', [1, {}], { sessions: 'x' }])
      expect(isPlainJsonData(value), JSON.stringify(value)).toBe(true);
    const withTasks = copy(client(1)) as unknown as { sessions: Array<Record<string, unknown>> };
    (withTasks.sessions[0] as Record<string, unknown>).tasks = [{ key: 'choose-organization' }];
    expect(isPlainJsonData(withTasks)).toBe(true);
  });

  test('anything a check could read differently from its JSON is not', () => {
    const valid = copy(client(1));
    const session = valid.sessions[0] as unknown as Record<string, unknown>;
    const notPlain: unknown[] = [
      () => valid,
      Object.create(valid),
      Object.assign(Object.create(null), valid),
      { ...valid, sessions: Object.create(valid.sessions) },
      { ...valid, session_ids: new Set(valid.session_ids) },
      { ...valid, sessions: [Object.create(session)] },
      { ...valid, sessions: [{ ...session, latest_activity: Object.create(null) }] },
      { ...valid, sessions: [{ ...session, actor: new Map() }] },
      { ...valid, sessions: [{ ...session, tasks: new Set() }] },
      { ...valid, sessions: [{ ...session, tasks: [new Date()] }] },
      { ...valid, sessions: [() => session] },
      // A Session document's own objects, as a Client's sessions' are.
      { ...session, latest_activity: Object.create(session.latest_activity as object) },
      { ...session, actor: new Map() },
      { ...session, tasks: [new Date()] },
      new Proxy(valid, {
        get() {
          throw new Error('trap');
        },
      }),
    ];
    notPlain.forEach((value, index) => {
      expect(isPlainJsonData(value), `case ${index}`).toBe(false);
    });
  });

  test('sessions that are not objects, and sessions of a list of Clients, need no look inside', () => {
    expect(isPlainJsonData({ sessions: [null, 7, 'x', [Object.create(null)]] })).toBe(true);
    expect(isPlainJsonData([Object.create(null)])).toBe(true);
  });
});

describe('toJsonData', () => {
  test('gives what JSON.parse(JSON.stringify(value)) gives', () => {
    const value = {
      date: new Date(0),
      boxed: [new Number(1), new String('s'), new Boolean(false)],
      numbers: [Number.NaN, Number.POSITIVE_INFINITY, 1.5],
      gone: undefined,
      fn: () => 1,
      symbol: Symbol('s'),
      list: [undefined, () => 1, 1n],
      nested: { toJSON: (key: string) => `key ${key}` },
    };
    const expected = JSON.parse(JSON.stringify({ ...value, list: [undefined, () => 1, null] }));
    expect(toJsonData(value)).toEqual(expected);
    expect(toJsonData(7)).toBe(7);
    expect(toJsonData(undefined)).toBeUndefined();
    expect(toJsonData(1n)).toBeUndefined();
  });

  test('leaves out what cannot be read: a throwing getter, a cycle, values past 1000 levels', () => {
    const value: Record<string, unknown> = { a: 1 };
    Object.defineProperty(value, 'boom', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    value.self = value;
    value.list = [value, 2];
    expect(toJsonData(value)).toEqual({ a: 1, list: [null, 2] });
    const shared = { x: 1 };
    expect(toJsonData({ a: shared, b: shared })).toEqual({ a: { x: 1 }, b: { x: 1 } });
    let deep: unknown = 'bottom';
    for (let depth = 0; depth < 1001; depth++) deep = [deep];
    let kept = toJsonData(deep);
    let levels = 0;
    while (Array.isArray(kept)) {
      kept = kept[0];
      levels += 1;
    }
    expect([levels, kept]).toEqual([1000, null]);
    expect(
      toJsonData({
        toJSON: () => {
          throw new Error('no');
        },
      }),
    ).toBeUndefined();
  });

  test('own enumerable properties only, and a __proto__ key stays data', () => {
    const inherited = Object.create({ hidden: 1 });
    inherited.own = 2;
    Object.defineProperty(inherited, 'secret', { value: 3, enumerable: false });
    expect(toJsonData(inherited)).toEqual({ own: 2 });
    const parsed = JSON.parse('{"__proto__": {"x": 1}}');
    const normalized = toJsonData(parsed) as Record<string, unknown>;
    expect(Object.keys(normalized)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(normalized)).toBe(Object.prototype);
  });
});

describe('toJsonData, as JSON.parse would build it', () => {
  test('the root’s toJSON gets the empty key, a property’s its name', () => {
    const keyed = { toJSON: (key: string) => `key:${key}` };
    expect(toJsonData(keyed)).toBe('key:');
    expect(toJsonData({ a: keyed, list: [keyed] })).toEqual({ a: 'key:a', list: ['key:0'] });
  });

  test('dropped properties are absent, not present as undefined; kept ones are plain writable data', () => {
    const normalized = toJsonData({ a: 1, gone: undefined, fn: () => 1 }) as object;
    expect(Object.keys(normalized)).toEqual(['a']);
    expect(Object.getOwnPropertyDescriptor(normalized, 'a')).toEqual(
      Object.getOwnPropertyDescriptor(JSON.parse('{"a":1}'), 'a'),
    );
  });

  test('objects nested past 1000 levels are cut like arrays are', () => {
    let deep: Record<string, unknown> = {};
    for (let depth = 0; depth < 1001; depth++) deep = { next: deep };
    let kept = toJsonData(deep) as Record<string, unknown> | undefined;
    let levels = 0;
    while (kept !== undefined && typeof kept === 'object') {
      kept = kept.next as Record<string, unknown> | undefined;
      levels += 1;
    }
    expect(levels).toBe(1000);
  });
});
