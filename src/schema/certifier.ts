import { ANNOTATIONS } from './annotations.js';
import type { SchemaObject } from './validator.js';

/**
 * True only when the value certainly satisfies the schema and is plain JSON data (standard prototypes); false means
 * "not certain", never "invalid": the caller then asks Ajv, which stays the judge of every reported violation.
 */
export type Certifier = (value: unknown) => boolean;

const ASSERTIONS = new Set([
  'type',
  'nullable',
  'enum',
  'format',
  'properties',
  'required',
  'additionalProperties',
  'items',
]);

/** JSON's 9223372036854775807 parses to 2^63; the validator's `int64` allows |n| <= 2^63. */
const INT64_BOUND = '9223372036854775808';

/**
 * Compiles a schema into one straight-line function, as Ajv does, but answering only yes or "not certain": no error
 * objects, no paths. It knows the keywords of the seed schema (a single `type`, OpenAPI `nullable`, `enum` of
 * primitives, `properties`, `required`, `additionalProperties: false`, `items`, the `int64` format); a subschema with
 * any other keyword is never certain, so a schema it does not fully understand makes it hand everything over.
 */
export function compileCertifier(schema: SchemaObject): Certifier {
  const out: string[] = [];
  let counter = 0;
  const emit = (node: unknown, value: string): void => {
    if (node === true) return;
    if (typeof node !== 'object' || node === null || Array.isArray(node))
      return void out.push('return false;');
    const { nullable } = node as Record<string, unknown>;
    if (nullable !== undefined && typeof nullable !== 'boolean') return void out.push('return false;');
    // A null passes a nullable schema unless an enum leaves it out (as Ajv has it); the block is closed whatever the
    // body emits.
    if (nullable === true) out.push(`if (${value} !== null) {`);
    emitAssertions(node as Record<string, unknown>, value);
    const { enum: allowed } = node as Record<string, unknown>;
    const nullAllowed = allowed === undefined || (Array.isArray(allowed) && allowed.includes(null));
    if (nullable === true) out.push(nullAllowed ? '}' : '} else return false;');
  };
  const emitAssertions = (node: Record<string, unknown>, value: string): void => {
    const keywords = Object.keys(node);
    if (keywords.some((keyword) => !ANNOTATIONS.has(keyword) && !ASSERTIONS.has(keyword)))
      return void out.push('return false;');
    const { type, enum: allowed, format, properties, required, additionalProperties, items } = node;
    if (type === undefined) {
      // Without a type the other assertions apply to some types only: not certain unless there are none.
      if (keywords.some((keyword) => ASSERTIONS.has(keyword) && keyword !== 'nullable'))
        out.push('return false;');
      return;
    }
    const test = typeof type === 'string' ? TYPE_TESTS[type] : undefined;
    if (test === undefined) return void out.push('return false;');
    out.push(`if (!(${test(value)})) return false;`);
    if (allowed !== undefined) {
      if (!Array.isArray(allowed) || allowed.length === 0 || !allowed.every(isPrimitive))
        return void out.push('return false;');
      out.push(
        `if (${allowed.map((each) => `${value} !== ${JSON.stringify(each)}`).join(' && ')}) return false;`,
      );
    }
    if (format !== undefined) {
      if (format !== 'int64' || (type !== 'integer' && type !== 'number'))
        return void out.push('return false;');
      // The integer type has tested Number.isInteger already.
      const integer = type === 'integer' ? '' : `!Number.isInteger(${value}) || `;
      out.push(`if (${integer}Math.abs(${value}) > ${INT64_BOUND}) return false;`);
    }
    if (properties !== undefined || required !== undefined || additionalProperties !== undefined) {
      const named = properties === undefined ? {} : properties;
      if (type !== 'object' || typeof named !== 'object' || named === null || Array.isArray(named))
        return void out.push('return false;');
      if (additionalProperties !== undefined && typeof additionalProperties !== 'boolean')
        return void out.push('return false;');
      if (
        required !== undefined &&
        (!Array.isArray(required) || !required.every((name) => typeof name === 'string'))
      )
        return void out.push('return false;');
      const mandatory = new Set<string>(required);
      const names = [...new Set([...Object.keys(named), ...mandatory])];
      // A name Object.prototype has would be read through the prototype when missing.
      if (names.some((name) => name in Object.prototype)) return void out.push('return false;');
      // Each property is read once; with additionalProperties false, the known ones found are counted, and the
      // keys a for-in sees (its own, and any enumerable inherited one) must be exactly those.
      const closed = additionalProperties === false;
      const found = `n${counter++}`;
      if (closed) out.push(`let ${found} = 0;`);
      for (const name of names) {
        const field = `v${counter++}`;
        const child = Object.hasOwn(named, name) ? (named as Record<string, unknown>)[name] : undefined;
        out.push(`{ const ${field} = ${value}[${JSON.stringify(name)}];`);
        out.push(`if (${field} === undefined) { ${mandatory.has(name) ? 'return false;' : ''} } else {`);
        // A required name that is no property is an additional one: left out of the count, it fails a closed object.
        if (child !== undefined) {
          if (closed) out.push(`${found}++;`);
          emit(child, field);
        }
        out.push('} }');
      }
      if (closed) {
        const key = `k${counter++}`;
        const keys = `n${counter++}`;
        out.push(`let ${keys} = 0; for (const ${key} in ${value}) ${keys}++;`);
        out.push(`if (${keys} !== ${found}) return false;`);
      }
    }
    if (items !== undefined) {
      if (type !== 'array') return void out.push('return false;');
      const index = `i${counter++}`;
      const item = `v${counter++}`;
      out.push(
        `for (let ${index} = 0; ${index} < ${value}.length; ${index}++) { const ${item} = ${value}[${index}];`,
      );
      emit(items, item);
      out.push('}');
    }
  };
  emit(schema, 'value');
  out.push('return true;');
  // Code generated from the schema's own names and literals, each quoted by JSON.stringify.
  return new Function('value', out.join('\n')) as Certifier;
}

const TYPE_TESTS: Record<string, (value: string) => string> = {
  string: (value) => `typeof ${value} === 'string'`,
  integer: (value) => `Number.isInteger(${value})`,
  number: (value) => `typeof ${value} === 'number' && Number.isFinite(${value})`,
  boolean: (value) => `typeof ${value} === 'boolean'`,
  null: (value) => `${value} === null`,
  // Objects and arrays with the standard prototypes only: plain data as JSON.parse makes it, nothing inherited.
  array: (value) => `Array.isArray(${value}) && Object.getPrototypeOf(${value}) === Array.prototype`,
  object: (value) =>
    `typeof ${value} === 'object' && ${value} !== null && Object.getPrototypeOf(${value}) === Object.prototype`,
};

function isPrimitive(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
