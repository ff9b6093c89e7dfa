import type { RuleSetting } from '../check/types.js';
import type { Surface } from '../schema/derived/index.js';

export type { Surface } from '../schema/derived/index.js';

/** What an invariant's check knows about the run. */
export type InvariantContext = {
  /** Tolerance for real clock skew, in ms. */
  clockSkewMs: number;
  /** When the response was observed (ms since the epoch), when known. */
  now: number | undefined;
};

/** One place where an invariant does not hold; `checkClient` adds the rule id and severity. */
export type Finding = {
  path: string;
  message: string;
  params?: Record<string, unknown>;
};

/** A semantic rule of the Client that no schema can express. */
export type Invariant = {
  /** Stable public id: CLI flags, reports and near-valid labels use it. */
  id: string;
  /** The rule in one sentence. */
  description: string;
  /** Severity in each profile. */
  severity: { default: RuleSetting; strict: RuleSetting };
  /** Why the rule holds for Clerk, and how far that is verified. */
  evidence: string;
  /** The APIs whose documents it applies to. */
  surfaces: readonly Surface[];
  /** True when the rule can only be judged at a known observation time (`now`). */
  needsNow?: boolean;
  /**
   * The fields it reads, as JSON Pointers into a Client (`*` is any array item; a Session document's fields are
   * `/sessions/*\/…`). A finding inside `/sessions/<i>` reads that session's fields only.
   */
  reads: readonly string[];
  /**
   * The more basic rules: where one of them (or any schema rule) fails on this rule's inputs, this rule's finding
   * there is its consequence and is not reported. The graph has no cycle.
   */
  dependsOn: readonly string[];
  /** Pure and total: any JSON value in, findings out, never a throw; reads only values of the right type. */
  check: (client: unknown, context: InvariantContext) => readonly Finding[];
  /** The same rule on one Session document, paths from its root; absent for rules about a Client as a whole. */
  checkSession?: (session: unknown, context: InvariantContext) => readonly Finding[];
};
