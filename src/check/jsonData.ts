/**
 * @internal Judging any JavaScript value as the JSON it would serialize to, so `checkClient` never throws and never
 * reads what JSON would not (inherited fields, non-enumerable properties, getters that throw, Proxies).
 */

/** Checks read a Client this deep at most (`sessions/0/tasks/0/key`): plain data below it is never read. */
const READ_DEPTH = 8;
/** Deeper values are dropped when normalizing: far beyond any Client, and it bounds the recursion. */
const MAX_DEPTH = 1000;

/**
 * True when the value, as deep as checks read it, is plain data as `JSON.parse` makes it: arrays and objects with
 * the standard prototypes and only own enumerable properties. It never throws (a throwing read answers false).
 */
export function isPlainJsonData(value: unknown): boolean {
  try {
    return plain(value, READ_DEPTH);
  } catch {
    return false;
  }
}

function plain(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return typeof value !== 'function';
  if (depth === 0) return true;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return false;
    for (let i = 0; i < value.length; i++) if (!plain(value[i], depth - 1)) return false;
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  let enumerable = 0;
  for (const key in value) {
    enumerable += 1;
    if (!plain((value as Record<string, unknown>)[key], depth - 1)) return false;
  }
  // A non-enumerable own property is invisible to JSON but not to a check that reads it by name.
  return Object.getOwnPropertyNames(value).length === enumerable;
}

/**
 * The value `JSON.parse(JSON.stringify(value))` would give, computed without ever throwing: own enumerable
 * properties only, `toJSON` honoured, non-finite numbers as null; what cannot be read or serialized (a throwing
 * getter or trap, a cycle, a BigInt, a function) is left out as JSON leaves out `undefined` (null in arrays).
 */
export function toJsonData(value: unknown): unknown {
  return normalized(value, '', new Set(), MAX_DEPTH);
}

function normalized(input: unknown, key: string, ancestors: Set<object>, depth: number): unknown {
  try {
    let value = input;
    if (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as { toJSON?: unknown }).toJSON === 'function'
    )
      value = (value as { toJSON: (key: string) => unknown }).toJSON(key);
    if (value instanceof Number || value instanceof String || value instanceof Boolean)
      value = value.valueOf();
    if (typeof value === 'number') return Number.isFinite(value) ? value : null;
    if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
    if (typeof value !== 'object' || depth === 0 || ancestors.has(value)) return undefined;
    ancestors.add(value);
    try {
      if (Array.isArray(value)) {
        const items: unknown[] = [];
        for (let i = 0; i < value.length; i++)
          items.push(normalized(read(value, i), String(i), ancestors, depth - 1) ?? null);
        return items;
      }
      const object: Record<string, unknown> = {};
      for (const name of Object.keys(value)) {
        const item = normalized(read(value, name), name, ancestors, depth - 1);
        // defineProperty keeps a `__proto__` key as data, as JSON.parse does.
        if (item !== undefined)
          Object.defineProperty(object, name, {
            value: item,
            enumerable: true,
            writable: true,
            configurable: true,
          });
      }
      return object;
    } finally {
      ancestors.delete(value);
    }
  } catch {
    return undefined;
  }
}

/** One property read; a throwing getter or trap reads as undefined, so only that property is left out. */
function read(object: object, key: string | number): unknown {
  try {
    return (object as Record<string | number, unknown>)[key];
  } catch {
    return undefined;
  }
}
