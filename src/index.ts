/** clerk-client-conformance: checks, invariants, arbitraries and types for Clerk's Backend API Client object. */

export * from './arbitraries/index.js';
export { checkClient, createClientChecker, DEFAULT_CLOCK_SKEW_MS } from './check/checkClient.js';
export { ruleIds } from './check/ruleSettings.js';
export { type RunOptions, type RunResult, runCheck, type SourcedViolation } from './check/runCheck.js';
export type { CheckOptions, CheckResult, Profile, RuleSetting, Severity, Violation } from './check/types.js';
export { InvalidOptionError } from './invalidOption.js';
export { invariants } from './invariants/index.js';
export type { Finding, Invariant, InvariantContext } from './invariants/types.js';
export {
  API_VERSIONS,
  type ApiVersion,
  type DerivedDocument,
  definitionName,
  derivedDocument,
  isApiVersion,
  LATEST_API_VERSION,
  type Surface,
  WEBHOOK_SESSION_DEFINITION,
  WEBHOOK_SESSION_EVENTS,
  webhookDocument,
} from './schema/derived/index.js';
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
