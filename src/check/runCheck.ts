import {
  noSubjects,
  SUBJECT_KINDS,
  type SubjectCounts,
  type SubjectKind,
} from '../documents/subjectKinds.js';
import { subjectsOf } from '../documents/subjectsOf.js';
import { isObject } from '../jsonValue.js';
import { itemSource, type TargetDocument, type TargetError, type TargetItem } from '../targets/types.js';
import type { BaselineOutcome } from './baseline.js';
import { createChecker } from './checkClient.js';
import { type Excerpt, excerptAt } from './excerpt.js';
import {
  countsOf,
  DEFAULT_MAX_KEPT_ERRORS,
  DEFAULT_MAX_KEPT_PER_RULE,
  type RuleTally,
  type Tallied,
  tallied,
} from './ruleTally.js';
import { inShard, type Shard } from './shard.js';
import type { CheckOptions, Severity, Violation } from './types.js';

/** A violation in a run: the object it was found in, its target, and (for reports) the value in context. */
export type SourcedViolation = Violation & {
  /** The document, and inside a list or envelope a JSON Pointer to the object (`list.json#/data/1`). */
  source: string;
  /** What the object was judged as. */
  kind: SubjectKind;
  /** The source of the document the object is in (the same as `source` for a bare object). */
  document: string;
  target?: string;
  /** For a URL, a command that fetches the document again. */
  reproduce?: string;
  /** The offending value in its context (kept for the first violations of a run only). */
  excerpt?: Excerpt;
  /** Listed in the baseline: reported, but does not fail the run. */
  known?: boolean;
};

/** Options of {@link runCheck}. */
export type RunOptions = CheckOptions & {
  /** The lowest severity that fails the run. @defaultValue `'error'` */
  failOn?: Severity;
  /** Check only this part of the documents. */
  shard?: Shard;
  /** Judge every object as this kind instead of recognising it. */
  kind?: SubjectKind;
  /** A run that finds no Client and no Session passes; by default it is an input error. */
  allowEmpty?: boolean;
  /** Called after each document, for progress. */
  onDocument?: (documents: number) => void;
  /** Called with every violation, kept or not, before it is counted (a baseline marks it `known` here). */
  onViolation?: (violation: SourcedViolation) => void;
  /** Violations kept per rule; the rest are counted in `tally`. @defaultValue 1000 */
  maxKeptPerRule?: number;
  /** Input errors kept; the rest are counted in `errorCount`. @defaultValue 1000 */
  maxKeptErrors?: number;
};

/** What one target yielded, and how long reading and checking it took. */
export type TargetSummary = SubjectCounts & {
  name: string;
  documents: number;
  /** Documents whose observation time was known, so rules that need `now` judged them. */
  observed: number;
  durationMs: number;
};

/** The outcome of checking every document of one or more targets, with the objects checked per kind. */
export type RunResult = SubjectCounts & {
  /** True when nothing failed: no new violation at the failing severity and no input error. */
  ok: boolean;
  documents: number;
  /** The violations kept: the first `maxKeptPerRule` of each rule. */
  violations: SourcedViolation[];
  /** Every rule's exact count of violations, kept or not. */
  tally: Record<string, RuleTally>;
  /** Documents that could not be read or parsed (the first `maxKeptErrors`); the rest of the run went on. */
  errors: Array<TargetError & { target?: string }>;
  /** How many input errors there were, kept or not. */
  errorCount: number;
  /** What targets passed over on purpose (HAR entries that hold no Client or Session). */
  skipped: number;
  targets: TargetSummary[];
  failOn: Severity;
  /** Set when a baseline was applied (`--baseline`). */
  baseline?: BaselineOutcome;
  /** When the run started (ms since the epoch) and how long it took. */
  startedAt: number;
  durationMs: number;
};

/** Reports show the offending value in context for this many violations of a run; memory stays bounded past it. */
const MAX_EXCERPTS = 1000;

/** Checks every Client and Session of every document; reading errors are collected, never thrown. */
export async function runCheck(
  items: AsyncIterable<TargetItem>,
  options: RunOptions = {},
): Promise<RunResult> {
  const run = startRun(options);
  for await (const item of items) run.add(item);
  return run.finish();
}

/** A run fed one item at a time, for targets that push documents as they come (a proxy's traffic). */
export type Run = {
  /** Checks one item and counts it; returns the violations found in it (all of them, kept or not). */
  add: (item: TargetItem) => SourcedViolation[];
  /** The result so far, as if the run ended now (the run goes on). */
  snapshot: () => RunResult;
  /** Ends the run: a run that checked nothing gets its input error, and the verdict is set. */
  finish: () => RunResult;
};

/** Starts a run that {@link runCheck} and live targets feed item by item. */
export function startRun(options: RunOptions = {}): Run {
  const check = createChecker(options);
  const failOn = options.failOn ?? 'error';
  const maxKept = options.maxKeptPerRule ?? DEFAULT_MAX_KEPT_PER_RULE;
  const maxErrors = options.maxKeptErrors ?? DEFAULT_MAX_KEPT_ERRORS;
  const result: RunResult = {
    ok: true,
    documents: 0,
    ...noSubjects(),
    violations: [],
    tally: {},
    errors: [],
    errorCount: 0,
    skipped: 0,
    targets: [],
    failOn,
    startedAt: Date.now(),
    durationMs: 0,
  };
  const started = performance.now();
  // Each item's time (reading it, then checking it) goes to its target.
  let last = started;
  const byTarget = new Map<string, TargetSummary>();
  const add = (item: TargetItem): SourcedViolation[] => {
    const found: SourcedViolation[] = [];
    if (options.shard !== undefined && !inShard(itemSource(item), options.shard)) return found;
    // The lines of an NDJSON file are one target: the file.
    const name = item.target ?? item.source;
    let target = byTarget.get(name);
    if (target === undefined) {
      target = { name, documents: 0, ...noSubjects(), observed: 0, durationMs: 0 };
      byTarget.set(name, target);
      result.targets.push(target);
    }
    judge(item, name, target, found);
    last = spend(target, last);
    return found;
  };
  /** Counts an item of `target` and checks what it holds, adding the violations found to `found`. */
  const judge = (item: TargetItem, name: string, target: TargetSummary, found: SourcedViolation[]): void => {
    if (item.kind === 'error') {
      addError(
        result,
        {
          kind: 'error',
          source: itemSource(item),
          message: item.message,
          ...tagOf(item, name),
          ...reproduceOf(item),
        },
        maxErrors,
      );
    }
    if (item.kind === 'skipped') result.skipped += 1;
    if (item.kind !== 'document') return;
    result.documents += 1;
    target.documents += 1;
    if (item.observedAt !== undefined) target.observed += 1;
    const contents = subjectsOf(item.value, options.kind);
    if ('error' in contents) {
      addError(
        result,
        { kind: 'error', source: itemSource(item), message: contents.error, ...tagOf(item, name) },
        maxErrors,
      );
      return;
    }
    // A document that holds no Client or Session (another webhook event, an envelope of neither) is counted, not
    // lost; an empty list is an answer with nothing in it.
    if (contents.subjects.length === 0 && !isList(item.value)) result.skipped += 1;
    // Named only when a violation needs it: most documents have none.
    let document: string | undefined;
    let reported: { target?: string; reproduce?: string } | undefined;
    for (const { kind, at, value } of contents.subjects) {
      const count = SUBJECT_KINDS[kind].count;
      result[count] += 1;
      target[count] += 1;
      const { violations } = check(kind, value, item.observedAt, item.apiVersion);
      if (violations.length === 0) continue;
      document ??= itemSource(item);
      reported ??= { ...tagOf(item, name), ...reproduceOf(item) };
      const source = at === '' ? document : `${document}#${at}`;
      for (const violation of violations) {
        const sourced: SourcedViolation = { source, kind, document, ...violation, ...reported };
        options.onViolation?.(sourced);
        found.push(sourced);
        // Counts stay exact; examples are bounded, so memory does not grow with the number of violations.
        if (!tallied(result.tally, sourced, maxKept)) continue;
        if (result.violations.length < MAX_EXCERPTS) {
          const excerpt = excerptAt(value, violation.path);
          if (excerpt) sourced.excerpt = excerpt;
        }
        result.violations.push(sourced);
      }
    }
    options.onDocument?.(result.documents);
  };
  /** The result as it would end now: `result` itself at the end, a copy while the run goes on. */
  const ended = (final: boolean): RunResult => {
    const view: RunResult = final
      ? result
      : {
          ...result,
          violations: [...result.violations],
          errors: [...result.errors],
          tally: structuredClone(result.tally),
          targets: result.targets.map((target) => ({ ...target })),
        };
    // A run that checked nothing has not passed; an empty shard of a split run, or one already failing on input,
    // may.
    if (checkedNothing(view) && !options.allowEmpty && options.shard === undefined && view.errorCount === 0) {
      const names = view.targets.map((target) => target.name).join(', ') || 'the targets';
      addError(
        view,
        { kind: 'error', source: names, message: 'no Client and no Session found: nothing was checked' },
        maxErrors,
      );
    }
    view.durationMs = performance.now() - started;
    view.ok = isOk(view);
    return view;
  };
  return { add, snapshot: () => ended(false), finish: () => ended(true) };
}

/** The target an item is reported under: set when given, or when the source is a line of it. */
function tagOf(item: TargetItem, target: string): { target?: string } {
  return item.target === undefined && !('line' in item) ? {} : { target };
}

function reproduceOf(item: TargetDocument | TargetError): { reproduce?: string } {
  return item.reproduce === undefined ? {} : { reproduce: item.reproduce };
}

function isList(value: unknown): boolean {
  return Array.isArray(value) || (isObject(value) && Array.isArray(value.data));
}

/** Counts an input error exactly, and keeps the first `maxErrors`. */
function addError(result: RunResult, error: RunResult['errors'][number], maxErrors: number): void {
  result.errorCount += 1;
  if (result.errors.length < maxErrors) result.errors.push(error);
}

/** True when no object of any kind was checked. */
export function checkedNothing(counts: SubjectCounts): boolean {
  return Object.values(pickCounts(counts)).every((count) => count === 0);
}

/** The per-kind counts of a result or target summary. */
export function pickCounts({ clients, sessions, fapiClients, fapiSessions }: SubjectCounts): SubjectCounts {
  return { clients, sessions, fapiClients, fapiSessions };
}

/** Adds the time since `since` to the target; returns now. */
function spend(target: TargetSummary, since: number): number {
  const now = performance.now();
  target.durationMs += now - since;
  return now;
}

/** The violations that fail the run: at or above its failing severity, and not known from a baseline. */
export function failingViolations(result: Pick<RunResult, 'violations' | 'failOn'>): SourcedViolation[] {
  return result.violations.filter(
    (violation) => !violation.known && (result.failOn === 'warning' || violation.severity === 'error'),
  );
}

/** No input error and no failing violation, counted exactly (kept or not). */
export function isOk(result: Tallied): boolean {
  return result.errorCount === 0 && countsOf(result).failing === 0;
}

/** 0 conformant, 1 violations at the failing severity, 2 an input or target error. */
export function exitCodeOf(result: Tallied): 0 | 1 | 2 {
  if (result.errorCount > 0) return 2;
  return countsOf(result).failing > 0 ? 1 : 0;
}
