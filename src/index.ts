/** clerk-client-conformance: checks, invariants, arbitraries and types for Clerk's Client and Session objects. */

export * from './arbitraries/index.js';
export {
  type Checker,
  checkClient,
  checkSession,
  createChecker,
  createClientChecker,
  DEFAULT_CLOCK_SKEW_MS,
} from './check/checkClient.js';
export {
  checkDocument,
  type DocumentCheckOptions,
  type DocumentCheckResult,
  type DocumentViolation,
} from './check/checkDocument.js';
export { ruleIds } from './check/ruleSettings.js';
export { DEFAULT_MAX_KEPT_PER_RULE, type RuleTally } from './check/ruleTally.js';
export { type RunOptions, type RunResult, runCheck, type SourcedViolation } from './check/runCheck.js';
export type { CheckOptions, CheckResult, Profile, RuleSetting, Severity, Violation } from './check/types.js';
export { SUBJECT_KINDS, type SubjectCounts, type SubjectKind } from './documents/subjectKinds.js';
export { InvalidOptionError } from './invalidOption.js';
export { invariants } from './invariants/index.js';
export type { Finding, Invariant, InvariantContext } from './invariants/types.js';
export {
  type ConformanceProxy,
  type ConformanceProxyOptions,
  type ProxyResult,
  type ProxyTraffic,
  startConformanceProxy,
  VIOLATION_HEADER,
} from './proxy/index.js';
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
export { SPEC_GAPS, type SpecGap } from './schema/specGaps.js';
export type { Client, Session, SessionActivity } from './schema/types.js';
export { clientSchema } from './schema/validator.js';
export { FAULTS, type Fault } from './server/faults.js';
export {
  REFERENCE_SECRET_KEY,
  type ReferenceServer,
  type ReferenceServerOptions,
  startReferenceServer,
} from './server/referenceServer.js';
export { SESSION_MODES, type SessionMode } from './server/referenceStore.js';
export { STATEFUL_FAULTS, type StatefulFault, type StatefulFaultName } from './server/statefulFaults.js';
export { itemSource, openTarget, type ReadOptions, type TargetItem } from './targets/index.js';
