import {
  noSubjects,
  SUBJECT_KINDS,
  type SubjectCounts,
  type SubjectKind,
} from '../documents/subjectKinds.js';
import { subjectsOf } from '../documents/subjectsOf.js';
import { cachedChecker } from './checkClient.js';
import { toJsonData } from './jsonData.js';
import type { CheckOptions, Violation } from './types.js';

/** Options of {@link checkDocument}: those of `checkClient`, and the kind every object is judged as. */
export type DocumentCheckOptions = CheckOptions & {
  /** Judge every object as this kind instead of recognising it. */
  kind?: SubjectKind;
};

/** A violation in a document: its path runs from the document's root, and it says what the object was judged as. */
export type DocumentViolation = Violation & { kind: SubjectKind };

/** What {@link checkDocument} returns: the verdict, the violations, and the objects checked per kind. */
export type DocumentCheckResult = SubjectCounts & {
  /** True when no violation has severity `error` and the document held something to check. */
  ok: boolean;
  violations: DocumentViolation[];
  /** Why the document holds nothing to check (a Clerk error body, a HAR recording), when it does not. */
  error?: string;
};

/**
 * Checks any document a user holds: a Client or Session of either API, a list or page of them, a `session.*` webhook
 * event or a Frontend API `{response, client}` envelope, each object by its own schema and rules. Never throws on
 * any value; throws an InvalidOptionError only for bad options.
 */
export function checkDocument(value: unknown, options: DocumentCheckOptions = {}): DocumentCheckResult {
  const check = cachedChecker(options);
  // Judged as the JSON it would serialize to, like checkClient's values: no getter or Proxy can throw here.
  const contents = subjectsOf(toJsonData(value), options.kind);
  const result: DocumentCheckResult = { ok: true, violations: [], ...noSubjects() };
  if ('error' in contents) return { ...result, ok: false, error: contents.error };
  for (const { kind, at, value: subject } of contents.subjects) {
    result[SUBJECT_KINDS[kind].count] += 1;
    for (const violation of check(kind, subject, options.now).violations)
      result.violations.push({ ...violation, kind, path: at + violation.path });
  }
  result.ok =
    contents.subjects.length > 0 && result.violations.every((violation) => violation.severity !== 'error');
  return result;
}
