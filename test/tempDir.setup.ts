import { afterAll } from 'vitest';
import { removeTempDirs } from './tempDir.js';

// A setup file runs for every test file, also when files share one module instance (isolate: false), where
// tempDir.ts is loaded once and a hook it registered itself would run after the first file only.
afterAll(removeTempDirs);
