import { ANNOTATIONS } from './annotations.js';
import type { SchemaObject } from './validator.js';

/**
 * True only when the value certainly satisfies the schema and is plain JSON data (standard prototypes); false means
 * "not certain", never "invalid": the caller then asks Ajv, which stays the judge of every reported violation.
 */
export type Certifier = (value: unknown) => boolean;

/**
 * A test the certifier runs on an object (at a JSON Pointer into the schema) once the object's properties are
 * certain: it gets their values in the order of `names` (undefined where absent), then the certifier call's
 * `context` and `now`.
 */
export type ObjectTest = { names: readonly string[]; holds: (...args: never[]) => boolean };

/** 0: the schema is not certain; 1: it is, but an object test failed; 2: the schema and every object test hold. */
export type TestedCertainty = 0 | 1 | 2;

/**
 * A certifier with object tests, which reads each property once for both: the tests get the values it read, and
 * `context` and `now` as given (arguments, not shared state: a getter of the value may run another certification).
 */
export type TestedCertifier = (value: unknown, context: unknown, now: number | undefined) => TestedCertainty;

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
  const certify = compileTestedCertifier(schema, {});
  return (value) => certify(value, undefined, undefined) === 2;
}

/**
 * A certifier that also runs `tests` (by JSON Pointer into the schema) on the objects they name, with the property
 * values it has read. A test whose pointer names no object with those properties is an error, never skipped.
 */
export function compileTestedCertifier(
  schema: SchemaObject,
  tests: Readonly<Record<string, ObjectTest>>,
): TestedCertifier {
  const out: string[] = [];
  let counter = 0;
  const testNames = Object.keys(tests);
  // Where each test is run, or where no value can be certain (so none would reach the test).
  const settled = new Set<string>();
  const notCertain = (pointer: string): void => {
    out.push('return 0;');
    settled.add(pointer);
  };
  const emit = (node: unknown, value: string, pointer: string): void => {
    if (node === true) return;
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return void notCertain(pointer);
    const { nullable } = node as Record<string, unknown>;
    if (nullable !== undefined && typeof nullable !== 'boolean') return void notCertain(pointer);
    // A null passes a nullable schema unless an enum leaves it out (as Ajv has it); the block is closed whatever the
    // body emits.
    if (nullable === true) out.push(`if (${value} !== null) {`);
    emitAssertions(node as Record<string, unknown>, value, pointer);
    const { enum: allowed } = node as Record<string, unknown>;
    const nullAllowed = allowed === undefined || (Array.isArray(allowed) && allowed.includes(null));
    if (nullable === true) out.push(nullAllowed ? '}' : '} else return 0;');
  };
  const emitAssertions = (node: Record<string, unknown>, value: string, pointer: string): void => {
    const keywords = Object.keys(node);
    if (keywords.some((keyword) => !ANNOTATIONS.has(keyword) && !ASSERTIONS.has(keyword)))
      return void notCertain(pointer);
    const { type, enum: allowed, format, properties, required, additionalProperties, items } = node;
    if (type === undefined) {
      // Without a type the other assertions apply to some types only: not certain unless there are none.
      if (keywords.some((keyword) => ASSERTIONS.has(keyword) && keyword !== 'nullable')) notCertain(pointer);
      return;
    }
    const test = typeof type === 'string' ? TYPE_TESTS[type] : undefined;
    if (test === undefined) return void notCertain(pointer);
    out.push(`if (!(${test(value, shapeProbe(node))})) return 0;`);
    if (allowed !== undefined) {
      if (!Array.isArray(allowed) || allowed.length === 0 || !allowed.every(isPrimitive))
        return void notCertain(pointer);
      out.push(
        `if (${allowed.map((each) => `${value} !== ${JSON.stringify(each)}`).join(' && ')}) return 0;`,
      );
    }
    if (format !== undefined) {
      if (format !== 'int64' || (type !== 'integer' && type !== 'number')) return void notCertain(pointer);
      // The integer type has tested Number.isInteger already.
      const integer = type === 'integer' ? '' : `!Number.isInteger(${value}) || `;
      out.push(`if (${integer}Math.abs(${value}) > ${INT64_BOUND}) return 0;`);
    }
    if (properties !== undefined || required !== undefined || additionalProperties !== undefined) {
      const named = properties === undefined ? {} : properties;
      if (type !== 'object' || typeof named !== 'object' || named === null || Array.isArray(named))
        return void notCertain(pointer);
      if (additionalProperties !== undefined && typeof additionalProperties !== 'boolean')
        return void notCertain(pointer);
      if (
        required !== undefined &&
        (!Array.isArray(required) || !required.every((name) => typeof name === 'string'))
      )
        return void notCertain(pointer);
      const mandatory = new Set<string>(required);
      const names = [...new Set([...Object.keys(named), ...mandatory])];
      // A name Object.prototype has would be read through the prototype when missing.
      if (names.some((name) => name in Object.prototype)) return void notCertain(pointer);
      // Each property is read once; with additionalProperties false, the known ones found are counted, and the
      // keys a for-in sees (its own, and any enumerable inherited one) must be exactly those.
      const closed = additionalProperties === false;
      const found = `n${counter++}`;
      if (closed) out.push(`let ${found} = 0;`);
      const fields = new Map<string, string>();
      for (const name of names) {
        const field = `v${counter++}`;
        fields.set(name, field);
        const child = Object.hasOwn(named, name) ? (named as Record<string, unknown>)[name] : undefined;
        // Declared in the object's scope (names are unique), so its test can read every value.
        out.push(`const ${field} = ${value}[${JSON.stringify(name)}];`);
        out.push(`if (${field} === undefined) { ${mandatory.has(name) ? 'return 0;' : ''} } else {`);
        // A required name that is no property is an additional one: left out of the count, it fails a closed object.
        if (child !== undefined) {
          if (closed) out.push(`${found}++;`);
          emit(child, field, `${pointer}/properties/${escapePointer(name)}`);
        }
        out.push('}');
      }
      if (closed) {
        const key = `k${counter++}`;
        const keys = `n${counter++}`;
        out.push(`let ${keys} = 0; for (const ${key} in ${value}) ${keys}++;`);
        out.push(`if (${keys} !== ${found}) return 0;`);
      }
      const test = Object.hasOwn(tests, pointer) ? tests[pointer] : undefined;
      if (test !== undefined) {
        const values = test.names.map((name) => {
          const field = fields.get(name);
          if (field === undefined) throw new Error(`object test at ${pointer || '/'}: no property ${name}`);
          return field;
        });
        // After a failed test the schema is still certified, so the caller knows whether Ajv must be asked.
        out.push(
          `if (holds && !t${testNames.indexOf(pointer)}(${[...values, 'context', 'now'].join(', ')})) holds = false;`,
        );
        settled.add(pointer);
      }
    }
    if (items !== undefined) {
      if (type !== 'array') return void notCertain(pointer);
      const index = `i${counter++}`;
      const item = `v${counter++}`;
      out.push(
        `for (let ${index} = 0; ${index} < ${value}.length; ${index}++) { const ${item} = ${value}[${index}];`,
      );
      emit(items, item, `${pointer}/items`);
      out.push('}');
    }
  };
  emit(schema, 'value', '');
  const missed = testNames.filter((pointer) => !settled.has(pointer));
  if (missed.length > 0) throw new Error(`object tests on no object with properties: ${missed.join(', ')}`);
  // Code generated from the schema's own names and literals, each quoted by JSON.stringify; the tests are bound as
  // constants of the function.
  const body = `return function certify(value, context, now) {\nlet holds = true;\n${out.join('\n')}\nreturn holds ? 2 : 1;\n};`;
  const make = new Function(...testNames.map((_, index) => `t${index}`), body);
  return make(...testNames.map((pointer) => (tests[pointer] as ObjectTest).holds)) as TestedCertifier;
}

/** A property name as a JSON Pointer token. */
function escapePointer(name: string): string {
  return name.replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * A closed object's first required property, which its type test asks `in` before the prototype: `in` runs no getter
 * (only a Proxy's trap, as the prototype test does), and its answer gives V8 the object's shapes, so the prototype test
 * after it folds to a constant (a strict check measured 1.06x faster). Reading the property first was as fast, but ran
 * the getters of a foreign prototype before refusing it. Not for an open object: its shapes vary, so `in` would be one
 * more slow lookup.
 */
function shapeProbe(node: Record<string, unknown>): string | undefined {
  const { additionalProperties, required } = node;
  const first = Array.isArray(required) ? required[0] : undefined;
  return additionalProperties === false && typeof first === 'string' ? first : undefined;
}

const TYPE_TESTS: Record<string, (value: string, probe?: string) => string> = {
  string: (value) => `typeof ${value} === 'string'`,
  integer: (value) => `Number.isInteger(${value})`,
  number: (value) => `typeof ${value} === 'number' && Number.isFinite(${value})`,
  boolean: (value) => `typeof ${value} === 'boolean'`,
  null: (value) => `${value} === null`,
  // Objects and arrays with the standard prototypes only: plain data as JSON.parse makes it, nothing inherited.
  array: (value) => `Array.isArray(${value}) && Object.getPrototypeOf(${value}) === Array.prototype`,
  // An absent required property fails the object anyway, so a probe (`"object" in value`) changes no answer.
  object: (value, probe) => {
    const asked = probe === undefined ? '' : ` && ${JSON.stringify(probe)} in ${value}`;
    return `typeof ${value} === 'object' && ${value} !== null${asked} && Object.getPrototypeOf(${value}) === Object.prototype`;
  },
};

function isPrimitive(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
