/** clerk-client-conformance: checks, invariants, arbitraries and types for Clerk's Backend API Client object. */

export * from './arbitraries/index.js';
export { checkClient, createClientChecker, DEFAULT_CLOCK_SKEW_MS } from './check/checkClient.js';
export { ruleIds } from './check/ruleSettings.js';
export { DEFAULT_MAX_KEPT_PER_RULE, type RuleTally } from './check/ruleTally.js';
export { type RunOptions, type RunResult, runCheck, type SourcedViolation } from './check/runCheck.js';
export type { CheckOptions, CheckResult, Profile, RuleSetting, Severity, Violation } from './check/types.js';
export { InvalidOptionError } from './invalidOption.js';
export { invariants } from './invariants/index.js';
export type { Finding, Invariant, InvariantContext } from './invariants/types.js';
export type { Client, Session, SessionActivity } from './schema/types.js';
export { clientSchema } from './schema/validator.js';
export { FAULTS, type Fault } from './server/faults.js';
export {
  REFERENCE_SECRET_KEY,
  type ReferenceServer,
  type ReferenceServerOptions,
  startReferenceServer,
} from './server/referenceServer.js';
export { openTarget, type ReadOptions, type TargetItem } from './targets/index.js';
