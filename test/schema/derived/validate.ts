/** Compiles the definitions of derived documents the way the project does: Ajv 2020-12, strict, all errors. */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { DerivedDocument } from '../../../src/schema/derived/index.js';

const addFormats = addFormatsModule.default;

/** A strict Ajv that holds `documents`, each compiled lazily by `$defs` name. */
export function derivedAjv(
  documents: readonly DerivedDocument[],
): (document: DerivedDocument, name: string) => ValidateFunction {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  for (const document of documents) ajv.addSchema(document);
  return (document, name) => {
    const validate = ajv.getSchema(`${String(document.$id)}#/$defs/${encodeURIComponent(name)}`);
    if (validate === undefined) throw new Error(`no $defs/${name} in ${String(document.$id)}`);
    return validate;
  };
}
