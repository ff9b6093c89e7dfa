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
/**
 * Files whose import costs far more than their tests, which vitest's durations leave out: importing
 * `@fast-check/vitest` walks every chain of vitest's test API (~4 s of CPU). The smallest file, it came last and
 * ended the run alone.
 */
const HEAVY_IMPORT = ['test/readmeTestProp.test.ts'];
const FIRST = [...PROCESS_BOUND, ...HEAVY_IMPORT];

/** vitest's order, with the process-bound files, then the heavy imports, moved to the front. */
export class ProcessesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => FIRST.findIndex((path) => file.moduleId.endsWith(`/${path}`));
    const first = sorted.filter((file) => rank(file) >= 0).sort((a, b) => rank(a) - rank(b));
    return [...first, ...sorted.filter((file) => rank(file) < 0)];
  }
}
