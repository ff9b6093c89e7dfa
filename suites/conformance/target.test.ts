/**
 * The conformance suite: one test per rule over every Client of CONFORMANCE_TARGET (a URL or a path), or of the
 * embedded reference server when it is unset. `CONFORMANCE_TARGET=https://… npm test` checks a live target.
 */
import { describeClientConformance } from '../../src/vitest/index.js';
import { conformanceOptionsFromEnv } from './env.js';

describeClientConformance(conformanceOptionsFromEnv(process.env));
