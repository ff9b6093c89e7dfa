import fc from 'fast-check';
import { inject } from 'vitest';

// Every property of the run uses the seed chosen in the global setup; failures print { seed, path }.
fc.configureGlobal({ seed: inject('fcSeed') });
