import { SUBJECT_KINDS, type SubjectKind } from '../documents/subjectKinds.js';
import { InvalidOptionError } from '../invalidOption.js';
import { invariants } from '../invariants/index.js';
import type { Finding, Invariant, InvariantContext } from '../invariants/types.js';
import { apiVersionOn, resolveApiVersion } from '../schema/apiVersion.js';
import { type ApiVersion, LATEST_API_VERSION } from '../schema/derived/index.js';
import { subjectValidator } from '../schema/subjectSchemas.js';
import { ruleInputsOf, withoutConsequences } from './consequences.js';
import { type Certainty, type FastPath, fastPathFor } from './fastPath.js';
import { isPlainJsonData, toJsonData } from './jsonData.js';
import { PROFILES, resolveRuleSettings } from './ruleSettings.js';
import type { CheckOptions, CheckResult, RuleSetting, Violation } from './types.js';

/** The tolerance for real clock skew when none is given, in ms. */
export const DEFAULT_CLOCK_SKEW_MS = 1000;

/**
 * Checks one object of a given kind. `observedAt` is when it was observed, used as `now` unless the options fix one;
 * `apiVersion` is the `Clerk-API-Version` it was recorded under, which wins over the options' version.
 */
export type Checker = (
  kind: SubjectKind,
  value: unknown,
  observedAt?: number,
  apiVersion?: string,
) => CheckResult;

/**
 * Checks one Backend API Client: its schema first (the seed for the latest API version, the derived one for older
 * versions), then every invariant of the catalogue that applies to it.
 * Never throws on any value; throws a TypeError only for bad options.
 */
export function checkClient(value: unknown, options?: CheckOptions): CheckResult {
  return cachedChecker(options)('client', value, options?.now);
}

/** Checks one Backend API Session (`GET /v1/sessions/{id}`): its schema and the rules that hold per session. */
export function checkSession(value: unknown, options?: CheckOptions): CheckResult {
  return cachedChecker(options)('session', value, options?.now);
}

/** How many option sets keep their checker: a program uses a few; more are rebuilt, least recently used first. */
const CACHED_CHECKERS = 16;
const checkers = new Map<string, Checker>();
/** The checker the last cached call got. */
let last: { key: string; checker: Checker } | undefined;

/**
 * The checker of these options, built once per option set so one-shot calls do not resolve settings each time.
 * `now` is left out of the key (the caller passes it as the observation time, which it then equals); options that
 * are not plain strings and numbers are never cached, so a key cannot hide an option that would be refused.
 */
export function cachedChecker(options: CheckOptions | undefined): Checker {
  validNow(options?.now);
  const key = cacheKey(options);
  if (key === undefined) return createChecker(withoutNow(options));
  // The same options as the call before (the usual case) skip the lookup and the reordering.
  if (last?.key === key) return last.checker;
  let checker = checkers.get(key);
  if (checker === undefined) {
    checker = createChecker(withoutNow(options));
    if (checkers.size >= CACHED_CHECKERS) checkers.delete(checkers.keys().next().value as string);
  } else checkers.delete(key);
  checkers.set(key, checker);
  last = { key, checker };
  return checker;
}

const PROFILE_KEYS = new Map(PROFILES.map((profile) => [profile as string, `profile:${profile}`]));

function cacheKey(options: CheckOptions | undefined): string | undefined {
  if (options === undefined) return '';
  const { profile, rules, clockSkewMs, apiVersion } = options;
  if (rules === undefined && clockSkewMs === undefined && apiVersion === undefined) {
    if (profile === undefined) return '';
    // A profile alone, without building the general key (which starts with `"` or `null`); a known profile's key is
    // one string, so the check against the call before compares no characters (a key built per call cost strict
    // one-shot calls 10 %).
    if (typeof profile === 'string') return PROFILE_KEYS.get(profile) ?? `profile:${profile}`;
  }
  if (!optional(profile, 'string') || !optional(apiVersion, 'string') || !optional(clockSkewMs, 'number'))
    return undefined;
  let ruleKey = '';
  if (rules !== undefined) {
    if (typeof rules !== 'object' || rules === null || Object.getPrototypeOf(rules) !== Object.prototype)
      return undefined;
    for (const [rule, setting] of Object.entries(rules)) {
      if (typeof setting !== 'string') return undefined;
      ruleKey += `${JSON.stringify(rule)}:${JSON.stringify(setting)},`;
    }
  }
  return `${JSON.stringify(profile ?? null)}|${String(clockSkewMs)}|${JSON.stringify(apiVersion ?? null)}|${ruleKey}`;
}

function withoutNow(options: CheckOptions | undefined): CheckOptions {
  const { now: _now, ...rest } = options ?? {};
  return rest;
}

function optional(value: unknown, type: 'string' | 'number'): boolean {
  return value === undefined || typeof value === type;
}

function validNow(now: number | undefined): void {
  if (now !== undefined && !Number.isFinite(now)) {
    throw new InvalidOptionError(`now must be a finite number of ms since the epoch, got ${now}`);
  }
}

/**
 * Resolves the options once and returns a checker for many Clients (what the CLI and suites use). Its second
 * argument is when that Client was observed, used as `now` unless the options fix one.
 */
export function createClientChecker(
  options: CheckOptions = {},
): (value: unknown, observedAt?: number) => CheckResult {
  const check = createChecker(options);
  return (value, observedAt) => check('client', value, observedAt);
}

/** What each invariant reads and depends on, for dropping the consequences of a more basic finding. */
const RULE_INPUTS = ruleInputsOf(invariants);

type ActiveRule = { invariant: Invariant; severity: RuleSetting };
type RuleRun = {
  id: string;
  severity: RuleSetting;
  run: (value: unknown, context: InvariantContext) => readonly Finding[];
};
/** What a checker runs on one kind: its rules, and the fast path that may certify a value first. */
type KindRun = { rules: RuleRun[]; fastPath: FastPath | undefined };

/**
 * Resolves the options once and returns a checker for every kind of object. `internal.fastPath: false` (@internal)
 * runs the full check on every value: the reference the fast path is tested against.
 */
export function createChecker(options: CheckOptions = {}, internal: { fastPath?: boolean } = {}): Checker {
  const settings = resolveRuleSettings(options);
  const clockSkewMs = options.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS;
  if (!Number.isFinite(clockSkewMs) || clockSkewMs < 0) {
    throw new InvalidOptionError(`clockSkewMs must be a finite number >= 0, got ${clockSkewMs}`);
  }
  validNow(options.now);
  const context = { clockSkewMs, now: options.now };
  const defaultVersion = resolveApiVersion(options.apiVersion);
  const active: ActiveRule[] = invariants.flatMap((invariant) => {
    const severity = settings.get(invariant.id);
    return severity === undefined || severity === 'off' ? [] : [{ invariant, severity }];
  });
  const runs: Partial<Record<SubjectKind, KindRun>> = {};
  const runOf = (kind: SubjectKind): KindRun => {
    let run = runs[kind];
    if (run === undefined) {
      const rules = rulesFor(kind, active);
      const ruleIds = rules.map(({ id }) => id);
      const fastPath =
        internal.fastPath === false ? undefined : fastPathFor(kind, LATEST_API_VERSION, ruleIds, clockSkewMs);
      run = { rules, fastPath };
      runs[kind] = run;
    }
    return run;
  };

  const checkData = (
    kind: SubjectKind,
    value: unknown,
    now: number | undefined,
    version: ApiVersion,
    schemaProven = false,
  ) => {
    const contextNow = now === context.now ? context : { ...context, now };
    let violations: Violation[] = [];
    // A schema the fast path proved needs no second opinion from Ajv: it would report nothing.
    const schemaViolations = schemaProven ? [] : subjectValidator(kind, version)(value);
    for (const violation of schemaViolations) {
      const severity = settings.get(violation.rule) ?? 'error';
      if (severity !== 'off') violations.push({ ...violation, severity });
    }
    for (const { id, severity, run } of runOf(kind).rules) {
      for (const finding of run(value, contextNow)) {
        violations.push({ rule: id, severity: severity as Violation['severity'], ...finding });
      }
    }
    violations = withoutConsequences(violations, SUBJECT_KINDS[kind].object, RULE_INPUTS);
    return { ok: violations.every((violation) => violation.severity !== 'error'), violations };
  };
  return (kind, value, observedAt, apiVersion) => {
    const now = context.now ?? observedAt;
    const version = (apiVersion === undefined ? undefined : apiVersionOn(apiVersion)) ?? defaultVersion;
    // The fast path proves things only of plain JSON data: all of it valid, or its schema.
    const { fastPath } = runOf(kind);
    const certainty =
      fastPath !== undefined && version === LATEST_API_VERSION
        ? certaintyOf(fastPath, value, now)
        : 'unproven';
    if (certainty === 'valid') return { ok: true, violations: [] };
    // Parsed JSON is read as it is; anything else (getters, Proxies, inherited fields) is judged as the JSON it
    // would serialize to, and a value whose reads throw half way is judged again that way.
    if (!isPlainJsonData(value)) return checkData(kind, toJsonData(value), now, version);
    try {
      return checkData(kind, value, now, version, certainty === 'schema');
    } catch {
      return checkData(kind, toJsonData(value), now, version);
    }
  };
}

/** A read that throws (a getter, a Proxy) is no certainty: the full check judges the value as its JSON. */
function certaintyOf(fastPath: FastPath, value: unknown, now: number | undefined): Certainty {
  try {
    return fastPath(value, now);
  } catch {
    return 'unproven';
  }
}

/** The invariants that apply to a kind: those of its API, on a whole Client or per Session. */
function rulesFor(kind: SubjectKind, active: readonly ActiveRule[]): RuleRun[] {
  const { surface, object } = SUBJECT_KINDS[kind];
  return active.flatMap(({ invariant, severity }) => {
    if (!invariant.surfaces.includes(surface)) return [];
    const run = object === 'client' ? invariant.check : invariant.checkSession;
    return run === undefined ? [] : [{ id: invariant.id, severity, run }];
  });
}
