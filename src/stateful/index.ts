/** clerk-client-conformance/stateful: model-based runs of Clerk's session lifecycle against any target. */
export {
  CreateSession,
  GetClient,
  GetSession,
  type ListQuery,
  ListSessions,
  type Pick,
  RevokeSession,
  type StatefulCommand,
  statefulCommandArbitraries,
} from './commands.js';
export { type Exchange, type FetchHandler, RunStopped, TargetError } from './http.js';
export { emptyModel, type ModelSession, type ModelUser, type StatefulModel } from './model.js';
export {
  PropertyFailure,
  STATEFUL_PROPERTIES,
  type StatefulProperty,
  type StatefulPropertyId,
} from './properties.js';
export { RunContext, type StatefulStep } from './runContext.js';
export {
  EXTERNAL_ID_PREFIX,
  runStateful,
  STATEFUL_DEFAULTS,
  type StatefulFailure,
  type StatefulOptions,
  type StatefulResult,
} from './runStateful.js';
