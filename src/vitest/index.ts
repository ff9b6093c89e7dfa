/** clerk-client-conformance/vitest: the conformance tests of a target, inside your own vitest suite. */
export { type ClientConformanceOptions, describeClientConformance } from './describeClientConformance.js';
