/** Compiles the definitions of derived documents the way the project does: Ajv 2020-12, strict, all errors. */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import {
  API_VERSIONS,
  type DerivedDocument,
  derivedDocument,
  webhookDocument,
} from '../../../src/schema/derived/index.js';

/** Every derived document: each Backend and Frontend API version, and the webhooks. */
export const ALL_DERIVED: readonly DerivedDocument[] = [
  ...(['bapi', 'fapi'] as const).flatMap((surface) =>
    API_VERSIONS.map((version) => derivedDocument(surface, version)),
  ),
  webhookDocument,
];

const ajvs = new Map<DerivedDocument, Ajv2020>();

/**
 * The validator of one `$defs` definition of a derived document, compiled once for the whole run (the test files
 * share it). Each document has an Ajv of its own that holds nothing else, so a definition that compiles proves that
 * its document stands alone (no reference into another document).
 */
export function compileDerived(document: DerivedDocument, name: string): ValidateFunction {
  let ajv = ajvs.get(document);
  if (ajv === undefined) {
    ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormatsModule.default(ajv);
    ajv.addSchema(document);
    ajvs.set(document, ajv);
  }
  const validate = ajv.getSchema(`${String(document.$id)}#/$defs/${encodeURIComponent(name)}`);
  if (validate === undefined) throw new Error(`no $defs/${name} in ${String(document.$id)}`);
  return validate;
}
