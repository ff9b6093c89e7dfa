import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that mostly wait on child processes (npm, tsc, the CLI, a browser), longest first. Started first, the
 * CPU-bound files fill the time they wait; started last, the run ends on one of them alone. vitest orders by the
 * durations of the previous run when it has them, but a fresh clone (CI) has none.
 */
const PROCESS_BOUND = [
  'test/readmeWalk.test.ts',
  'test/consumer/packedPackage.test.ts',
  'test/vitest/conformanceSuite.test.ts',
  'test/report/htmlReport.browser.test.ts',
];

/** vitest's order, with the process-bound files moved to the front. */
export class ProcessesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) =>
      PROCESS_BOUND.findIndex((path) => file.moduleId.endsWith(`/${path}`));
    const first = sorted.filter((file) => rank(file) >= 0).sort((a, b) => rank(a) - rank(b));
    return [...first, ...sorted.filter((file) => rank(file) < 0)];
  }
}
