/** Run results for report tests: the broken examples, and a hostile document whose text tries to break out. */
import { type RunOptions, runCheck } from '../../src/check/runCheck.js';
import { openTarget } from '../../src/targets/index.js';
import { client } from '../helpers.js';

export async function brokenExamplesResult(options: RunOptions = {}) {
  async function* items() {
    for await (const item of openTarget('examples/broken', { maxBytes: 1 << 20 }))
      yield { ...item, target: 'examples/broken' };
  }
  return runCheck(items(), options);
}

/** Script, event handler and style breakouts in keys, values and the source. */
export const HOSTILE =
  '<script>window.pwned=1</script><img src=x onerror="window.pwned=2"></style><b>bold</b>';

export async function hostileResult() {
  const document = { ...client(1), [HOSTILE]: HOSTILE, sign_in_id: HOSTILE, last_active_session_id: HOSTILE };
  async function* items() {
    yield {
      kind: 'document' as const,
      source: `${HOSTILE}.json`,
      value: document,
      target: HOSTILE,
      reproduce: `curl '${HOSTILE}'`,
    };
    yield { kind: 'error' as const, source: `${HOSTILE}.json`, message: HOSTILE, target: HOSTILE };
  }
  return runCheck(items());
}
