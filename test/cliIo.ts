/** An Io that records what the CLI writes, for tests. */
import type { Io } from '../src/cli/io.js';

export function captureIo(env: Record<string, string> = {}): Io & { out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  return {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env,
    isTTY: false,
    out: () => stdout,
    err: () => stderr,
  };
}
