#!/usr/bin/env node
import { once } from 'node:events';
import { main } from './main.js';

// `serve` runs until interrupted; signal listeners do not keep a finished command alive.
const stopped = Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
process.exitCode = await main(process.argv.slice(2), undefined, stopped);
