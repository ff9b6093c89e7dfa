/**
 * @internal Judging any JavaScript value as the JSON it would serialize to, so `checkClient` never throws and never
 * reads what JSON would not (inherited fields, non-enumerable properties, getters that throw, Proxies).
 */

/** Deeper values are dropped when normalizing: far beyond any Client, and it bounds the recursion. */
const MAX_DEPTH = 1000;

/**
 * True when the objects checks descend into (the Client, `sessions`, `session_ids`, each session and its
 * `latest_activity`, `actor` and `tasks`, or a Session document's own) are plain data as `JSON.parse` makes them:
 * standard prototypes, so nothing is inherited. It reads only those fields, so parsed JSON pays a few percent for it
 * (measured: 2-5 % of a check); a read that throws answers false. Getters that return are read as JSON would read them.
 */
export function isPlainJsonData(value: unknown): boolean {
  try {
    return plainClient(value);
  } catch {
    return false;
  }
}

/** Plain: a primitive, or an array or object with the standard prototype. */
function plain(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return typeof value !== 'function';
  return Object.getPrototypeOf(value) === (Array.isArray(value) ? Array.prototype : Object.prototype);
}

/** A Client and its sessions, or a Session document: the root is looked at as both. */
function plainClient(client: unknown): boolean {
  if (!plainSession(client)) return false;
  if (typeof client !== 'object' || client === null || Array.isArray(client)) return true;
  const { sessions, session_ids: ids } = client as Record<string, unknown>;
  if (!plain(sessions) || !plain(ids)) return false;
  if (!Array.isArray(sessions)) return true;
  for (let index = 0; index < sessions.length; index++) if (!plainSession(sessions[index])) return false;
  return true;
}

/** A session and the objects it holds: `latest_activity`, `actor` and `tasks`. */
function plainSession(session: unknown): boolean {
  if (!plain(session)) return false;
  if (typeof session !== 'object' || session === null || Array.isArray(session)) return true;
  const { latest_activity: activity, actor, tasks } = session as Record<string, unknown>;
  if (!plain(activity) || !plain(actor) || !plain(tasks)) return false;
  if (Array.isArray(tasks)) for (const task of tasks) if (!plain(task)) return false;
  return true;
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
