import type { Invariant } from '../invariants/types.js';
import type { Violation } from './types.js';

/** What decides whether an invariant's finding is the consequence of a more basic rule's. */
export type RuleInputs = {
  /** The fields it reads (`Invariant.reads`). */
  reads: readonly string[];
  /** Its `dependsOn`, transitively: the invariants more basic than it (schema rules always are). */
  basic: ReadonlySet<string>;
  /** A rule judged per session (it has `checkSession`): a finding outside `sessions` reads no session. */
  perSession: boolean;
};

/** The inputs of each invariant, with `dependsOn` closed transitively. */
export function ruleInputsOf(invariants: readonly Invariant[]): Map<string, RuleInputs> {
  const byId = new Map(invariants.map((invariant) => [invariant.id, invariant]));
  const basicOf = (id: string, seen: Set<string>): Set<string> => {
    for (const dependency of byId.get(id)?.dependsOn ?? []) {
      if (!seen.has(dependency)) {
        seen.add(dependency);
        basicOf(dependency, seen);
      }
    }
    return seen;
  };
  return new Map(
    invariants.map((invariant) => [
      invariant.id,
      {
        reads: invariant.reads,
        basic: basicOf(invariant.id, new Set()),
        perSession: invariant.checkSession !== undefined,
      },
    ]),
  );
}

const SESSIONS = '/sessions/*';
const IN_SESSION = /^\/sessions\/(\d+)(?=\/|$)/;

/**
 * Drops each invariant finding that a more basic rule's violation on the same inputs already explains: one root
 * cause, one violation. A warning never hides an error, so the verdict never gets milder.
 */
export function withoutConsequences(
  violations: Violation[],
  object: 'client' | 'session',
  inputs: ReadonlyMap<string, RuleInputs>,
): Violation[] {
  if (violations.length < 2) return violations;
  const explainers = explainersOf(violations, inputs);
  if (explainers.size === 0) return violations;
  // Only the violations that can explain another are indexed.
  const indexed = new Set<string>();
  for (const rules of explainers.values()) for (const rule of rules) indexed.add(rule);
  const index = new ViolationIndex(violations.filter((violation) => indexed.has(violation.rule)));
  return violations.filter((violation) => {
    const rules = explainers.get(violation.rule);
    const rule = inputs.get(violation.rule);
    if (rules === undefined || rule === undefined) return true;
    for (const read of inputsOf(violation.path, rule, object)) if (index.has(read, rules)) return false;
    return true;
  });
}

/**
 * For each invariant with findings in this run, the rules of the run that could explain them: more basic (a schema
 * rule or one it depends on) and at least as severe. Rules nothing could explain are left out.
 */
function explainersOf(
  violations: readonly Violation[],
  inputs: ReadonlyMap<string, RuleInputs>,
): Map<string, Set<string>> {
  const severity = new Map<string, Violation['severity']>();
  for (const violation of violations) severity.set(violation.rule, violation.severity);
  const explainers = new Map<string, Set<string>>();
  for (const [rule, ruleSeverity] of severity) {
    const basic = inputs.get(rule)?.basic;
    if (basic === undefined) continue;
    const found = new Set<string>();
    for (const [other, otherSeverity] of severity) {
      const moreBasic = basic.has(other) || !inputs.has(other);
      if (moreBasic && (otherSeverity === 'error' || ruleSeverity === 'warning')) found.add(other);
    }
    if (found.size > 0) explainers.set(rule, found);
  }
  return explainers;
}

/** The concrete fields a finding at `path` was computed from. */
function inputsOf(path: string, rule: RuleInputs, object: 'client' | 'session'): string[] {
  const session = object === 'client' ? IN_SESSION.exec(path)?.[0] : undefined;
  const found: string[] = [];
  for (const read of rule.reads) {
    if (!read.startsWith(SESSIONS)) {
      if (object === 'client') found.push(read);
    } else if (object === 'session') found.push(read.slice(SESSIONS.length));
    else if (session !== undefined) found.push(session + read.slice(SESSIONS.length));
    else if (!rule.perSession) found.push(read);
  }
  return found;
}

/** The rules that failed at each path of a run, so that each finding is judged in time linear in its inputs. */
class ViolationIndex {
  /** The rules failing at each path, and at each path with its array indexes starred. */
  private readonly at = new Map<string, Set<string>>();
  /** The rules failing at or below each path (every prefix of theirs), plain and starred. */
  private readonly under = new Map<string, Set<string>>();

  constructor(violations: readonly Violation[]) {
    for (const { rule, path } of violations) {
      const star = starred(path);
      for (const each of star === path ? [path] : [path, star]) {
        add(this.at, each, rule);
        for (const prefix of prefixesOf(each)) add(this.under, prefix, rule);
      }
    }
  }

  /** True when one of `rules` failed at, above or below `read`. */
  has(read: string, rules: ReadonlySet<string>): boolean {
    const key = read.includes('*') ? starred(read) : read;
    if (anyOf(this.under.get(key), rules)) return true;
    for (const prefix of prefixesOf(key)) if (anyOf(this.at.get(prefix), rules)) return true;
    return false;
  }
}

function add(map: Map<string, Set<string>>, key: string, rule: string): void {
  const rules = map.get(key);
  if (rules === undefined) map.set(key, new Set([rule]));
  else rules.add(rule);
}

function anyOf(found: ReadonlySet<string> | undefined, rules: ReadonlySet<string>): boolean {
  if (found !== undefined) for (const rule of found) if (rules.has(rule)) return true;
  return false;
}

/** `/sessions/2/id` is `/sessions/*\/id`: compares a field of any item with a wildcard input. */
function starred(path: string): string {
  return path.replace(/\/\d+(?=\/|$)/g, '/*');
}

/** '', '/a', '/a/b' and '/a/b/c' for '/a/b/c'. */
function prefixesOf(path: string): string[] {
  const prefixes = [''];
  for (let slash = path.indexOf('/', 1); slash !== -1; slash = path.indexOf('/', slash + 1)) {
    prefixes.push(path.slice(0, slash));
  }
  if (path !== '') prefixes.push(path);
  return prefixes;
}
