/**
 * Renders the TypeScript types of `src/schema/types.ts` from the seed schema, so the types follow the schema.
 * Run by `npm run generate`; `test/schema/types.test.ts` fails when the committed file is stale.
 */

type JsonSchema = {
  type?: string;
  nullable?: boolean;
  enum?: readonly unknown[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
};

/** Subschemas that get a named type, by JSON Pointer into the schema. */
const NAMED: Record<string, string> = {
  '': 'Client',
  '/properties/sessions/items': 'Session',
  '/properties/sessions/items/properties/latest_activity': 'SessionActivity',
};

export function renderTypes(schema: JsonSchema): string {
  const declarations: string[] = [];

  const typeOf = (node: JsonSchema, pointer: string, indent: string): string => {
    const named = NAMED[pointer];
    const base = named !== undefined && pointer !== '' ? named : baseType(node, pointer, indent);
    return node.nullable === true ? `${base} | null` : base;
  };

  const baseType = (node: JsonSchema, pointer: string, indent: string): string => {
    if (node.enum !== undefined) return node.enum.map((value) => `'${String(value)}'`).join(' | ');
    switch (node.type) {
      case 'string':
        return 'string';
      case 'integer':
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'array':
        return `Array<${node.items === undefined ? 'unknown' : typeOf(node.items, `${pointer}/items`, indent)}>`;
      case 'object':
        return objectType(node, pointer, indent);
      default:
        throw new Error(`schemaToTypes: no TypeScript type for ${JSON.stringify(node.type)} at #${pointer}`);
    }
  };

  const objectType = (node: JsonSchema, pointer: string, indent: string): string => {
    const properties = Object.entries(node.properties ?? {});
    if (properties.length === 0) return 'Record<string, unknown>';
    const inner = `${indent}  `;
    const lines = properties.map(([name, property]) => {
      const optional = node.required?.includes(name) ? '' : '?';
      const doc = property.description ? `${inner}/** ${property.description.trim()} */\n` : '';
      return `${doc}${inner}${name}${optional}: ${typeOf(property, `${pointer}/properties/${name}`, inner)};`;
    });
    if (node.additionalProperties !== false) lines.push(`${inner}[key: string]: unknown;`);
    return `{\n${lines.join('\n')}\n${indent}}`;
  };

  for (const [pointer, name] of Object.entries(NAMED)) {
    const node = resolve(schema, pointer);
    const doc = node.description
      ? `/** ${node.description.trim()} */\n`
      : `/** The schema's \`#${pointer}\`. */\n`;
    declarations.push(`${doc}export type ${name} = ${baseType(node, pointer, '')};`);
  }
  return `${HEADER}\n${declarations.join('\n\n')}\n`;
}

function resolve(schema: JsonSchema, pointer: string): JsonSchema {
  let node: unknown = schema;
  for (const token of pointer.split('/').slice(1)) node = (node as Record<string, unknown>)[token];
  return node as JsonSchema;
}

const HEADER = `// Generated from clerk-client.schema.json by \`npm run generate\`; do not edit by hand.
`;
