/** fast-check arbitraries of Clerk Clients: valid by construction, or broken in exactly one named way. */

export { DEFAULT_NOW } from './_internals/constraints.js';
export { type ClerkIdConstraints, clerkIdArbitrary } from './clerkIdArbitrary.js';
export { type ClientConstraints, clientArbitrary } from './clientArbitrary.js';
export {
  type FapiClient,
  type FapiClientConstraints,
  type FapiSession,
  fapiClientArbitrary,
} from './fapiClientArbitrary.js';
export {
  type MutationEntry,
  type NearValidClient,
  type NearValidClientConstraints,
  nearValidClientArbitrary,
  nearValidMutations,
} from './nearValidClientArbitrary.js';
export {
  type NearValidFapiClientConstraints,
  nearValidFapiClientArbitrary,
  nearValidFapiMutations,
} from './nearValidFapiClientArbitrary.js';
export {
  type JsonSchema,
  type SchemaArbitraryOptions,
  schemaArbitrary,
  UnsupportedSchemaError,
} from './schemaArbitrary.js';
export { type SessionActivityConstraints, sessionActivityArbitrary } from './sessionActivityArbitrary.js';
export { type SessionConstraints, sessionArbitrary } from './sessionArbitrary.js';
