import fc from 'fast-check';
import { inject } from 'vitest';

/** FC_PATH replays one counterexample of one property: run that test alone, with its FC_SEED. */
const path = process.env.FC_PATH;

// Every property of the run uses the seed chosen in the global setup. A failure reports fast-check's
// `{ seed, path, endOnFailure }` line and, below it, the counterexample as JSON, ready to save as a fixture.
fc.configureGlobal({
  seed: inject('fcSeed'),
  ...(path === undefined ? {} : { path, endOnFailure: true }),
  reporter(details) {
    if (!details.failed) return;
    const json = JSON.stringify(details.counterexample, null, 2);
    throw new Error(`${fc.defaultReportMessage(details)}\n\nCounterexample as JSON:\n${json}`);
  },
});
