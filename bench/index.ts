/** `npm run bench`: every speed goal of the project, as ratios measured in one run (never asserted in tests). */
import { benchCheck } from './checkThroughput.js';
import { benchFapiGeneration } from './fapiGenerationThroughput.js';
import { benchGeneration } from './generationThroughput.js';
import { benchNdjson } from './ndjsonThroughput.js';
import { benchProxy } from './proxyLatency.js';
import { benchStateful } from './statefulThroughput.js';

console.log(`Node ${process.version}, ${new Date().toISOString()}`);
benchCheck();
benchGeneration();
benchFapiGeneration();
await benchNdjson();
await benchStateful();
await benchProxy();
