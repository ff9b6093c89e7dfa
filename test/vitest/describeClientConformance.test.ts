/** The vitest helper over an in-process target: the tests it registers here must all pass. */
import fc from 'fast-check';
import { clientArbitrary } from '../../src/index.js';
import { describeClientConformance } from '../../src/vitest/index.js';

// An in-process "implementation": a serializer of generated Clients, checked without a server.
describeClientConformance({
  target: () =>
    fc
      .sample(clientArbitrary(), { numRuns: 50, seed: 3 })
      .map((client) => JSON.parse(JSON.stringify(client))),
  profile: 'strict',
});
