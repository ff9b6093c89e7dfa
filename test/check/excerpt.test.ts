import { describe, expect, test } from 'vitest';
import { excerptAt } from '../../src/check/excerpt.js';
import { client, copy } from '../helpers.js';

describe('excerptAt', () => {
  test('shows the object holding the offending value, as indented JSON, at its pointer', () => {
    const value = { a: { 'b/c': { d: 1 } } };
    expect(excerptAt(value, '/a/b~1c/d')).toEqual({ at: '/a/b~1c', json: '{\n  "d": 1\n}' });
    expect(excerptAt(value, '/a')).toEqual({ at: '', json: JSON.stringify(value, null, 2) });
    expect(excerptAt(7, '')).toEqual({ at: '', json: '7' });
  });

  test('is undefined where the path leads nowhere or to nothing JSON can show', () => {
    expect(excerptAt({ a: 1 }, '/a/b/c')).toBeUndefined();
    expect(excerptAt({ a: null }, '/a/b/c')).toBeUndefined();
    expect(excerptAt({}, '/a/b')).toBeUndefined();
    expect(excerptAt(undefined, '')).toBeUndefined();
  });

  test('hides credentials: token fields, secret keys in strings and keys', () => {
    const session = { last_active_token: { jwt: 'eyJ.x.y' }, note: 'sk_live_abcdefghijklmnop', ok: null };
    const shown = excerptAt({ session }, '/session/note')?.json ?? '';
    expect(shown).toContain('"last_active_token": "***"');
    expect(shown).not.toContain('sk_live_abcdefghijklmnop');
    expect(shown).toContain('"ok": null');
    expect(excerptAt({ last_active_token: null }, '/last_active_token')?.json).toContain(
      '"last_active_token": null',
    );
    expect(excerptAt({ sk_test_abcdefghijklmnop: 1 }, '/x')?.json).not.toContain('sk_test_abcdefghijklmnop');
  });

  test('cuts long values: 40 lines, 30 items per level, 6 levels', () => {
    const long = excerptAt(copy(client(4)), '/id')?.json.split('\n') ?? [];
    expect(long).toHaveLength(41);
    expect(long.at(-1)).toBe('  …');
    const list = Array.from({ length: 32 }, (_, index) => index);
    expect(JSON.parse(excerptAt({ list }, '/list/0')?.json ?? '')).toEqual([
      ...list.slice(0, 30),
      '… 2 more',
    ]);
    const wide = Object.fromEntries(list.map((index) => [`k${index}`, index]));
    expect(Object.entries(JSON.parse(excerptAt({ wide }, '/wide/k0')?.json ?? '{}')).slice(29)).toEqual([
      ['k29', 29],
      ['…', '2 more'],
    ]);
    const deep = { a: { b: { c: { d: { e: { f: 1 } } } } }, h: { i: { j: { k: { l: [1] } } } } };
    expect(JSON.parse(excerptAt({ deep }, '/deep')?.json ?? '')).toEqual({
      deep: { a: { b: { c: { d: { e: '{…}' } } } }, h: { i: { j: { k: { l: '[…]' } } } } },
    });
    expect(JSON.parse(excerptAt({ exact: list.slice(0, 30) }, '/exact/0')?.json ?? '')).toEqual(
      list.slice(0, 30),
    );
  });
});
