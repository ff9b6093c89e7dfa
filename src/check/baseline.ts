import type { RunResult, SourcedViolation } from './runCheck.js';
import { isOk } from './runCheck.js';
import { inShard, type Shard } from './shard.js';

/** One accepted violation: the rule, the Client's source and the path. */
export type BaselineEntry = { rule: string; source: string; path: string };

/** The file `--write-baseline` writes and `--baseline` reads. */
export type Baseline = { version: 1; violations: BaselineEntry[] };

/** What a baseline did to a run. */
export type BaselineOutcome = {
  file: string;
  /** Violations of the run found in the baseline: reported, not failing. */
  known: number;
  /** Baseline entries the run no longer shows: remove them to tighten the baseline. */
  resolved: BaselineEntry[];
};

const key = ({ rule, source, path }: BaselineEntry) => `${rule}\u0000${source}\u0000${path}`;

/** Collects a baseline from violations as a run finds them, kept or not, so a large run's baseline is complete. */
export function baselineRecorder(): { add: (violation: BaselineEntry) => void; baseline: () => Baseline } {
  const unique = new Map<string, BaselineEntry>();
  return {
    add: ({ rule, source, path }) => {
      unique.set(key({ rule, source, path }), { rule, source, path });
    },
    baseline: () => ({
      version: 1,
      violations: [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, entry]) => entry),
    }),
  };
}

/** Today's kept violations, sorted, as a baseline. */
export function baselineOf(result: RunResult): Baseline {
  const recorder = baselineRecorder();
  for (const violation of result.violations) recorder.add(violation);
  return recorder.baseline();
}

/** Reads a baseline file's text, or says what is wrong with it. */
export function parseBaseline(text: string): Baseline | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `not JSON: ${(error as Error).message}`;
  }
  const entries = (value as { violations?: unknown })?.violations;
  const valid = (entry: unknown) =>
    typeof entry === 'object' &&
    entry !== null &&
    ['rule', 'source', 'path'].every(
      (field) => typeof (entry as Record<string, unknown>)[field] === 'string',
    );
  if ((value as { version?: unknown })?.version !== 1 || !Array.isArray(entries) || !entries.every(valid)) {
    return 'not a baseline: expected { "version": 1, "violations": [{ "rule", "source", "path" }] }';
  }
  return { version: 1, violations: entries as BaselineEntry[] };
}

/**
 * Matches violations against a baseline as a run finds them (`RunOptions.onViolation`): each one listed is marked
 * `known`, so counts stay exact even for violations the run does not keep. Memory is bounded by the baseline.
 */
export function baselineMatcher(baseline: Baseline): {
  mark: (violation: SourcedViolation) => void;
  outcome: (file: string, shard?: Shard) => BaselineOutcome;
} {
  const accepted = new Set(baseline.violations.map(key));
  const sources = new Set(baseline.violations.map((entry) => entry.source));
  const seen = new Set<string>();
  const documents = new Map<string, string>();
  let known = 0;
  return {
    mark: (violation) => {
      if (sources.has(violation.source)) documents.set(violation.source, violation.document);
      const id = key(violation);
      if (!accepted.has(id)) return;
      violation.known = true;
      seen.add(id);
      known += 1;
    },
    outcome: (file, shard) => {
      // In a sharded run, only entries of this shard's documents can have disappeared. An entry's document is
      // known when the run saw its Client; else its source up to a list index (`#/3`, `#/data/3`) is the document's.
      const documentOf = (source: string) =>
        documents.get(source) ?? source.replace(/#\/(?:data\/)?\d+$/, '');
      const resolved = baseline.violations.filter(
        (entry) => !seen.has(key(entry)) && (shard === undefined || inShard(documentOf(entry.source), shard)),
      );
      return { file, known, resolved };
    },
  };
}

/**
 * Marks a finished run's kept violations found in the baseline as known, and lists the entries that disappeared.
 * For exact counts in a run that does not keep every violation, match during the run with {@link baselineMatcher}.
 */
export function applyBaseline(
  result: RunResult,
  baseline: Baseline,
  file: string,
  shard?: Shard,
): BaselineOutcome {
  const matcher = baselineMatcher(baseline);
  for (const rule of Object.values(result.tally)) rule.known = 0;
  for (const violation of result.violations) {
    matcher.mark(violation);
    const rule = result.tally[violation.rule];
    if (rule !== undefined && violation.known) rule.known += 1;
  }
  result.ok = isOk(result);
  result.baseline = matcher.outcome(file, shard);
  return result.baseline;
}
