/** `serve` and `check` pair up: the command serve prints checks it, with the key it takes. */
import { expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../cliIo.js';

test('serve prints the exact check command for itself, and that command passes', async () => {
  const stopped = new AbortController();
  const served = captureIo();
  const serving = main(['serve', '--port', '0', '--clients', '5'], served, stopped.signal);
  await expect.poll(() => served.err()).toContain('Check it: ');
  const command = /Check it: CLERK_SECRET_KEY=(\S+) npx clerk-conformance check --all-pages '([^']+)'/.exec(
    served.err(),
  );
  expect(command?.[1]).toBe('sk_test_clerk_client_conformance');
  const checked = captureIo({ CLERK_SECRET_KEY: command?.[1] ?? '' });
  expect(await main(['check', '--all-pages', command?.[2] ?? ''], checked)).toBe(0);
  expect(checked.out()).toBe('conformant: 1 document, 5 clients checked, no violations\n');
  stopped.abort('SIGINT');
  expect(await serving).toBe(0);
});

test('with CLERK_SECRET_KEY set, serve takes it and its check command relies on it without printing it', async () => {
  const served = captureIo({ CLERK_SECRET_KEY: 'sk_test_mine_not_printed' });
  expect(await main(['serve', '--port', '0'], served, AbortSignal.abort('SIGINT'))).toBe(0);
  expect(served.err()).toMatch(
    /Check it: npx clerk-conformance check --all-pages 'http:\/\/127\.0\.0\.1:\d+\//,
  );
  expect(served.err()).not.toContain('sk_test_mine_not_printed');
});
