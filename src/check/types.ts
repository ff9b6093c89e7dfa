/** How much a violation matters: `error` fails the gate, `warning` is reported only. */
export type Severity = 'error' | 'warning';

/** A rule's severity in a run; `off` skips the rule. */
export type RuleSetting = Severity | 'off';

/** `default` for any implementation; `strict` for Clerk itself or a faithful emulator. */
export type Profile = 'default' | 'strict';

/** One broken rule at one place in a Client. */
export type Violation = {
  /** An invariant id (`last-active-session-listed`), `schema/<ajv keyword>` (`schema/required`), `unknown-property` or `unknown-status`. */
  rule: string;
  severity: Severity;
  /** RFC 6901 JSON Pointer into the checked Client. */
  path: string;
  /** A short lowercase constraint phrase ("must be listed in sessions"). */
  message: string;
  params?: Record<string, unknown>;
};

/** Options of {@link checkClient}. */
export type CheckOptions = {
  /** @defaultValue `'default'` */
  profile?: Profile;
  /** Per-rule overrides of the profile's severities, by rule id. */
  rules?: Record<string, RuleSetting>;
  /** Tolerance for real clock skew between Clerk's timestamps, in ms. @defaultValue `1000` */
  clockSkewMs?: number;
  /** When the response was observed (ms since the epoch); enables `status-matches-clock`. */
  now?: number;
  /**
   * The Clerk API version (`Clerk-API-Version` date) whose schemas judge the documents; a date between two versions
   * means the older one. A version recorded with a document (a HAR request's) wins. @defaultValue the latest
   */
  apiVersion?: string;
};

/** What {@link checkClient} returns. */
export type CheckResult = {
  /** True when no violation has severity `error`. */
  ok: boolean;
  violations: Violation[];
};
