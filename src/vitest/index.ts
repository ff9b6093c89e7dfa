/** clerk-client-conformance/vitest: the conformance tests of a target, inside your own vitest suite. */
export { REFERENCE_SECRET_KEY } from '../server/referenceServer.js';
export { type ClientConformanceOptions, describeClientConformance } from './describeClientConformance.js';
